import { api, listRef, requestLines, run, useNock, v1 } from '../helpers/nock';

/**
 * Issue 19, point 3: an API that serves the contacts of one second in a new order on every
 * request (CONTRACT.md leaves the order of ties open). Pages cut at different places of
 * different orders: some contacts come twice and as many never, with no change in the
 * counts. The read must not pass that off as the list.
 */

const ids = Array.from({ length: 21 }, (_, index) => index + 1);

/** Every request sees the 21 ids rotated 3 further than the one before (a stand-in for a reshuffle). */
function serveRotating(): void {
	let calls = 0;
	api()
		.persist()
		.get(v1('/contacts'))
		.query(true)
		.reply((uri) => {
			const query = new URL(uri, 'https://x.test').searchParams;
			const page = Number(query.get('page'));
			const limit = Number(query.get('limit'));
			calls++;
			const order = [...ids.slice(3 * calls), ...ids.slice(0, 3 * calls)];
			const contacts = order.slice((page - 1) * limit, page * limit).map((id) => ({ id, date_added: '2026-12-01T10:00:00Z' }));
			return [200, { contacts, page, limit, total: ids.length, pagesCount: Math.ceil(ids.length / limit) }];
		});
}

describe('Return All of 21 contacts of one second, in another order on every request', () => {
	useNock();

	it('pages of 7: fails saying the list changed (the pages came in different orders), never 15 of the 21', async () => {
		serveRotating();

		const result = await run({ resource: 'contact', operation: 'getAll', listId: listRef('7'), returnAll: true, options: { pageSize: 7 } });

		// Read as served: 4–10, then 14–20, then 3–9: 15 distinct of 21, with 1, 2, 11, 12, 13, 21 never seen.
		expect(result.items).toEqual([]);
		expect(result.error?.message).toBe('The list changed while it was read (get many contacts)');
		expect(result.error?.description).toMatch(/different orders/);
		expect(result.error?.description).toMatch(/Page Size/);
		expect(requestLines()).toHaveLength(3);
	});

	it('one page of 100 holds them all: every contact once', async () => {
		serveRotating();

		const result = await run({ resource: 'contact', operation: 'getAll', listId: listRef('7'), returnAll: true, options: { pageSize: 100 } });

		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.id).sort((a, b) => Number(a) - Number(b))).toEqual(ids);
	});
});
