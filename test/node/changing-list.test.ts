import type { IDataObject } from 'n8n-workflow';
import { api, listRef, requestLines, run, useNock, v1 } from '../helpers/nock';

/**
 * Issue 19, point 3: a Return All of a list that changes while it is read. Every contact
 * that exists throughout the read comes out exactly once (no id twice); when the totals show
 * the list shrank between pages, the seam is read again so that nothing slides past it; the
 * extra calls are bounded, and past the bound the run fails saying the list changed.
 */

type Order = 'newest first' | 'oldest first';

/** Contact `id`, added `id` seconds into the day: each in a second of its own, in id order. */
const contactOf = (id: number): IDataObject => ({ id, date_added: new Date(Date.UTC(2026, 11, 1) + id * 1000).toISOString() });

/** A list of contacts as the API holds it, in the order it serves them. */
class LiveList {
	contacts: IDataObject[];
	private nextId: number;
	calls = 0;

	constructor(
		readonly order: Order,
		size: number,
	) {
		const ids = Array.from({ length: size }, (_, index) => index + 1);
		this.contacts = (order === 'newest first' ? ids.reverse() : ids).map(contactOf);
		this.nextId = size + 1;
	}

	/** Adds contacts where this order puts new ones: at the front newest first, at the end oldest first. */
	add(count: number): void {
		const added = Array.from({ length: count }, () => contactOf(this.nextId++));
		this.contacts = this.order === 'newest first' ? [...added.reverse(), ...this.contacts] : [...this.contacts, ...added];
	}

	/** Deletes `count` contacts from position `at` on. */
	remove(at: number, count: number): void {
		this.contacts.splice(at, count);
	}

	ids(): number[] {
		return this.contacts.map((contact) => contact.id as number);
	}
}

/** Serves the list's pages as they are at each call; `between[n]` changes it after the n-th call. */
function serve(list: LiveList, between: Record<number, (list: LiveList) => void>): void {
	api()
		.persist()
		.get(v1('/contacts'))
		.query(true)
		.reply((uri) => {
			const query = new URL(uri, 'https://x.test').searchParams;
			const page = Number(query.get('page'));
			const limit = Number(query.get('limit'));
			const total = list.contacts.length;
			const body = { contacts: list.contacts.slice((page - 1) * limit, page * limit), page, limit, total, pagesCount: Math.ceil(total / limit) };
			list.calls++;
			between[list.calls]?.(list);
			return [200, body];
		});
}

const returnAll = { resource: 'contact', operation: 'getAll', listId: listRef('7'), returnAll: true, options: { pageSize: 100 } };

async function readAll(list: LiveList, between: Record<number, (list: LiveList) => void>) {
	const before = new Set(list.ids());
	serve(list, between);
	const result = await run(returnAll);
	const after = new Set(list.ids());
	const throughout = [...before].filter((id) => after.has(id));
	const ids = result.items.map((item) => item.json.id as number);
	const calls = requestLines().length;
	return { result, ids, throughout, calls };
}

const orders: Order[] = ['newest first', 'oldest first'];

describe.each(orders)('Return All of 1,000 contacts in 10 pages, %s', (order) => {
	useNock();

	it('unchanged: 10 calls, every contact once', async () => {
		const list = new LiveList(order, 1000);
		const { ids, throughout, calls } = await readAll(list, {});

		expect(ids.sort((a, b) => a - b)).toEqual(throughout.sort((a, b) => a - b));
		expect(calls).toBe(10);
	});

	it('10 deleted from page 1 after it was read: the 10 that slid back still come out, once', async () => {
		const list = new LiveList(order, 1000);
		const { result, ids, throughout, calls } = await readAll(list, { 1: (l) => l.remove(0, 10) });

		expect(result.error).toBeUndefined();
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids).toEqual(expect.arrayContaining(throughout));
		expect(calls).toBeLessThanOrEqual(12);
	});

	it('10 deleted from a later page: nothing missing, nothing twice', async () => {
		const list = new LiveList(order, 1000);
		const { ids, throughout } = await readAll(list, { 3: (l) => l.remove(250, 10) });

		expect(new Set(ids).size).toBe(ids.length);
		expect(ids).toEqual(expect.arrayContaining(throughout));
	});

	it('150 deleted across pages 1 and 2 after page 3: reads back over both', async () => {
		const list = new LiveList(order, 1000);
		const { result, ids, throughout } = await readAll(list, { 3: (l) => l.remove(120, 150) });

		expect(result.error).toBeUndefined();
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids).toEqual(expect.arrayContaining(throughout));
	});

	it('10 added after page 1: no contact twice, every one that was there comes out', async () => {
		const list = new LiveList(order, 1000);
		const { result, ids, throughout } = await readAll(list, { 1: (l) => l.add(10) });

		expect(result.error).toBeUndefined();
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids).toEqual(expect.arrayContaining(throughout));
	});

	it('additions and deletions after several pages: nothing missing, nothing twice', async () => {
		const list = new LiveList(order, 1000);
		const { result, ids, throughout } = await readAll(list, {
			2: (l) => l.add(30),
			4: (l) => l.remove(100, 5),
			6: (l) => {
				l.add(7);
				l.remove(520, 3);
			},
		});

		expect(result.error).toBeUndefined();
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids).toEqual(expect.arrayContaining(throughout));
	});

	it('2 deleted after every page: fails saying the list changed, with nothing returned', async () => {
		const list = new LiveList(order, 1000);
		const between = Object.fromEntries(Array.from({ length: 40 }, (_, call) => [call + 1, (l: LiveList) => l.remove(0, 2)]));
		const { result, calls } = await readAll(list, between);

		expect(result.items).toEqual([]);
		expect(result.error?.message).toBe('The list changed while it was read (get many contacts)');
		expect(result.error?.description).toMatch(/Nothing was returned/);
		expect(calls).toBeLessThan(15);
	});
});

describe('a list that grows as fast as it is read', () => {
	useNock();

	it('a bulk import at the end of an oldest-first list: fails after a bounded number of calls instead of chasing it', async () => {
		const list = new LiveList('oldest first', 1000);
		const between = Object.fromEntries(Array.from({ length: 40 }, (_, call) => [call + 1, (l: LiveList) => l.add(100)]));
		const { result, calls } = await readAll(list, between);

		expect(result.items).toEqual([]);
		expect(result.error?.message).toBe('The list changed while it was read (get many contacts)');
		expect(result.error?.description).toMatch(/grew by more pages/);
		// The 10 pages counted at first, and the 3 extra calls allowed for 10 pages.
		expect(calls).toBe(14);
	});
});

describe('a list whose items carry no id', () => {
	useNock();

	it('shrinking between pages fails rather than repeat or miss items', async () => {
		let total = 250;
		api()
			.get(v1('/mylists'))
			.query(true)
			.times(2)
			.reply((uri) => {
				const page = Number(new URL(uri, 'https://x.test').searchParams.get('page'));
				const answer = { lists: Array.from({ length: Math.min(100, total - (page - 1) * 100) }, (_, index) => ({ name: `list ${index}` })), page, limit: 100, total };
				total -= 5;
				return [200, answer];
			});

		const result = await run({ resource: 'list', operation: 'getAll', returnAll: true });

		expect(result.error?.message).toBe('The list changed while it was read (get many lists)');
		expect(result.error?.description).toMatch(/no id/);
	});
});

describe('21 contacts of one second, served in another order on every request', () => {
	useNock();

	const ids = Array.from({ length: 21 }, (_, index) => index + 1);
	/** The ids rotated by `by`, all added in one second (CONTRACT.md leaves their order open). */
	const rotated = (by: number) => [...ids.slice(by), ...ids.slice(0, by)].map((id) => ({ id, date_added: '2026-12-01T10:00:00Z' }));

	/** Every request sees the list rotated 3 further than the one before (a stand-in for a reshuffle). */
	async function readRotating(pageSize: number) {
		const list = new LiveList('oldest first', 0);
		list.contacts = rotated(3);
		serve(list, Object.fromEntries([1, 2, 3].map((call) => [call, (l: LiveList) => (l.contacts = rotated(3 * (call + 1)))])));
		const result = await run({ ...returnAll, options: { pageSize } });
		return { result, calls: requestLines().length };
	}

	it('pages of 7: fails saying the pages came in different orders, never 15 of the 21', async () => {
		const { result, calls } = await readRotating(7);

		// Read as served: 4–10, then 14–20, then 3–9: 15 distinct of 21, with 1, 2, 11, 12, 13, 21 never seen.
		expect(result.items).toEqual([]);
		expect(result.error?.message).toBe('The list changed while it was read (get many contacts)');
		expect(result.error?.description).toMatch(/different orders/);
		expect(result.error?.description).toMatch(/Page Size/);
		expect(calls).toBe(3);
	});

	it('one page of 100 holds them all: every contact once', async () => {
		const { result } = await readRotating(100);

		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.id).sort((a, b) => Number(a) - Number(b))).toEqual(ids);
	});
});
