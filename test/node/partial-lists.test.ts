import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { api, listRef, pairedTo, requestLines, run, useNock, v1 } from '../helpers/nock';

/**
 * Never a silent partial list (issue 10, points 6 and 9): an API that caps the page size,
 * states no or null counts, or ends a page early; Offset; and the size n8n can take.
 */

const ids = (from: number, to: number) => Array.from({ length: Math.max(0, to - from + 1) }, (_, index) => ({ id: from + index }));
/** The same contacts as Get Many outputs them: with the list they were read from. */
const ofList7 = (from: number, to: number) => ids(from, to).map((contact) => ({ ...contact, list_id: 7 }));

interface Api {
	/** Items in the collection: `{id: 1}` … `{id: total}`. */
	total: number;
	/** The largest page size the API serves: it answers `min(asked, cap)` and says so in `limit`. */
	cap?: number;
	/** What the envelope states besides `limit` (default: total and pagesCount at the served size). */
	counts?: (served: number) => IDataObject;
	/** Items a page holds, when the API misbehaves; default: the slice the page names. */
	itemsOf?: (page: number, served: number) => IDataObject[];
	/** How many calls it answers. */
	calls: number;
}

/** Contacts of list 7, answered page by page from the request's own `page` and `limit`. */
function serve({ total, cap = 1000, counts, itemsOf, calls }: Api): void {
	api()
		.get(v1('/contacts'))
		.query(true)
		.times(calls)
		.reply((uri) => {
			const query = new URL(uri, 'https://x.test').searchParams;
			const page = Number(query.get('page'));
			const served = Math.min(Number(query.get('limit')), cap);
			const items = itemsOf ? itemsOf(page, served) : ids((page - 1) * served + 1, Math.min(page * served, total));
			const stated = counts ? counts(served) : { total, pagesCount: Math.ceil(total / served) };
			return [200, { contacts: items, page, limit: served, ...stated }];
		});
}

const getMany = (parameters: INodeParameters): INodeParameters => ({ resource: 'contact', operation: 'getAll', listId: listRef('7'), ...parameters });
const pages = (...lines: string[]) => lines.map((line) => `GET /v1/contacts?list_id=7&${line}`);

describe('Get Many never returns part of a list as all of it', () => {
	useNock();

	it('goes on at the page size the API states when it caps the one asked for', async () => {
		serve({ total: 1200, cap: 500, calls: 3 });

		const result = await run(getMany({ returnAll: true, options: { pageSize: 1000 } }));

		expect(result.error).toBeUndefined();
		expect(result.items).toEqual(pairedTo(0, ofList7(1, 1200)));
		expect(requestLines()).toEqual(pages('page=1&limit=1000', 'page=2&limit=500', 'page=3&limit=500'));
	});

	it('a Limit across a capped page size gets exactly that many', async () => {
		serve({ total: 5000, cap: 500, calls: 3 });

		const result = await run(getMany({ limit: 1500, options: { pageSize: 1000 } }));

		expect(result.items).toEqual(pairedTo(0, ofList7(1, 1500)));
		expect(requestLines()).toEqual(pages('page=1&limit=1000', 'page=2&limit=500', 'page=3&limit=500'));
	});

	it('pagesCount: null with a total pages by the total', async () => {
		serve({ total: 250, counts: () => ({ total: 250, pagesCount: null }), calls: 3 });

		const result = await run(getMany({ returnAll: true }));

		expect(result.items).toEqual(pairedTo(0, ofList7(1, 250)));
		expect(requestLines()).toHaveLength(3);
	});

	it('pagesCount and total both null: pages until a short page', async () => {
		serve({ total: 250, counts: () => ({ total: null, pagesCount: null }), calls: 3 });

		const result = await run(getMany({ returnAll: true }));

		expect(result.items).toEqual(pairedTo(0, ofList7(1, 250)));
	});

	it('a stale pagesCount of 1 while the total says more: reads on to the total', async () => {
		serve({ total: 200, counts: () => ({ total: 200, pagesCount: 1 }), calls: 2 });

		const result = await run(getMany({ returnAll: true }));

		expect(result.items).toEqual(pairedTo(0, ofList7(1, 200)));
	});

	const shortSecondPage = (page: number, served: number) => (page === 2 ? ids(101, 150) : ids((page - 1) * served + 1, page * served));

	it.each([
		['pagesCount and total', (served: number) => ({ total: 300, pagesCount: Math.ceil(300 / served) })],
		['pagesCount alone', () => ({ pagesCount: 3 })],
		['total alone', () => ({ total: 300 })],
	])('a short page in the middle while %s say more follow is an error, and no later page is asked for', async (_title, counts) => {
		serve({ total: 300, counts, itemsOf: shortSecondPage, calls: 2 });

		const result = await run(getMany({ returnAll: true }));

		expect(result.items).toEqual([]);
		expect(result.error?.message).toBe("Leadsopedia's answer to get many contacts ended early: page 2 had 50 of 100 items");
		expect(result.error?.description).toMatch(/later items would be missing/);
		expect(requestLines()).toEqual(pages('page=1&limit=100', 'page=2&limit=100'));
	});

	it('a last page shorter than the total says is an error too', async () => {
		serve({ total: 300, itemsOf: (page, served) => ids((page - 1) * served + 1, Math.min(page * served, 290)), calls: 3 });

		const result = await run(getMany({ returnAll: true }));

		expect(result.error?.message).toMatch(/ended early: page 3 had 90 of 100 items/);
	});

	it('under Continue On Fail the short list is one error item, not the items read so far', async () => {
		serve({ total: 300, itemsOf: shortSecondPage, calls: 2 });

		const result = await run(getMany({ returnAll: true }), { continueOnFail: true });

		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([
			{ json: { error: expect.stringMatching(/ended early/), description: expect.stringMatching(/later items would be missing/) }, pairedItem: { item: 0 } },
		]);
	});
});

/**
 * Issue 19, point 8: an API that ignores the page size asked for, says nothing of it or
 * echoes the one asked. The pages themselves tell the size it serves: a full page that is
 * not the last.
 */
describe('Get Many pages by what the pages hold', () => {
	useNock();

	interface Sizing {
		total: number;
		/** The size it serves for the one asked. */
		served: (asked: number) => number;
		/** The `limit` its envelope states. */
		stated: (asked: number, served: number) => number | null;
		counts?: (served: number) => IDataObject;
		calls: number;
	}

	function serveSized({ total, served, stated, counts, calls }: Sizing): void {
		api()
			.get(v1('/contacts'))
			.query(true)
			.times(calls)
			.reply((uri) => {
				const query = new URL(uri, 'https://x.test').searchParams;
				const page = Number(query.get('page'));
				const asked = Number(query.get('limit'));
				const size = served(asked);
				const envelope = counts ? counts(size) : { total, pagesCount: Math.ceil(total / size) };
				return [200, { contacts: ids((page - 1) * size + 1, Math.min(page * size, total)), page, limit: stated(asked, size), ...envelope }];
			});
	}
	const fixed100 = { served: () => 100, stated: () => null };

	const echoesCap500 = { served: (asked: number) => Math.min(asked, 500), stated: (asked: number) => asked };

	it.each([
		{
			title: 'limit: null and pages of 100 where 50 were asked: all 300 contacts, at the size served',
			sizing: { total: 300, ...fixed100 },
			parameters: { returnAll: true, options: { pageSize: 50 } },
			calls: ['page=1&limit=50', 'page=2&limit=100', 'page=3&limit=100'],
			from: 1,
			to: 300,
		},
		{
			title: 'the same with only a total',
			sizing: { total: 300, ...fixed100, counts: () => ({ total: 300 }) },
			parameters: { returnAll: true, options: { pageSize: 50 } },
			calls: ['page=1&limit=50', 'page=2&limit=100', 'page=3&limit=100'],
			from: 1,
			to: 300,
		},
		{
			title: 'a cap of 500 that echoes the asked 1000: all 1,200 contacts, no "run it again"',
			sizing: { total: 1200, ...echoesCap500, counts: () => ({ total: 1200 }) },
			parameters: { returnAll: true, options: { pageSize: 1000 } },
			calls: ['page=1&limit=1000', 'page=2&limit=500', 'page=3&limit=500'],
			from: 1,
			to: 1200,
		},
		{
			title: 'a fixed size of 100 where 1000 were asked, from an Offset with a Limit: exactly those items',
			sizing: { total: 1000, ...fixed100 },
			parameters: { limit: 150, options: { offset: 250, pageSize: 1000 } },
			calls: ['page=1&limit=400', 'page=3&limit=100', 'page=4&limit=100'],
			from: 251,
			to: 400,
		},
		{
			title: 'limit: null and pages of 18 where 5 were asked, from an Offset of 5 in a list of 7: page 2 lies past the list, page 1 shows the size',
			sizing: { total: 7, served: () => 18, stated: () => null },
			parameters: { returnAll: true, options: { offset: 5, pageSize: 5 } },
			calls: ['page=2&limit=5', 'page=1&limit=5'],
			from: 6,
			to: 7,
		},
	])('$title', async ({ sizing, parameters, calls, from, to }) => {
		serveSized({ ...sizing, calls: calls.length });

		const result = await run(getMany(parameters));

		expect(result.error).toBeUndefined();
		expect(result.items).toEqual(pairedTo(0, ofList7(from, to)));
		expect(requestLines()).toEqual(pages(...calls));
	});

	it('a page short of the size a full page settled, while the total says more: still an error', async () => {
		serveSized({ total: 300, ...fixed100, counts: () => ({ total: 400 }), calls: 4 });

		const result = await run(getMany({ returnAll: true, options: { pageSize: 50 } }));

		expect(result.items).toEqual([]);
		expect(result.error?.message).toBe("Leadsopedia's answer to get many contacts ended early: page 4 had 0 of 100 items");
	});
});

describe('Options → Offset', () => {
	useNock();

	it.each([
		{ title: 'with a Limit: from the page that holds the offset', parameters: { limit: 100, options: { offset: 150 } }, calls: ['page=2&limit=100', 'page=3&limit=100'], from: 151, to: 250 },
		{ title: 'small offset and Limit: one page holds both', parameters: { limit: 30, options: { offset: 45 } }, calls: ['page=1&limit=75'], from: 46, to: 75 },
		{ title: 'with Return All: to the end', parameters: { returnAll: true, options: { offset: 250 } }, calls: ['page=3&limit=100'], from: 251, to: 300 },
		{ title: 'a short last page at the asked size is the end, not a cap', parameters: { limit: 10, options: { offset: 20, pageSize: 10 } }, calls: ['page=3&limit=10'], from: 21, to: 25, total: 25 },
		{ title: 'past the end: nothing', parameters: { returnAll: true, options: { offset: 500 } }, calls: ['page=6&limit=100'], from: 1, to: 0 },
		{
			title: 'batches at page size 1000 line up with pages',
			parameters: { limit: 1000, options: { offset: 2000, pageSize: 1000 } },
			calls: ['page=3&limit=1000'],
			from: 2001,
			to: 3000,
			total: 5000,
		},
	])('$title', async ({ parameters, calls, from, to, total = 300 }) => {
		serve({ total, calls: calls.length });

		const result = await run(getMany(parameters));

		expect(result.error).toBeUndefined();
		expect(result.items).toEqual(pairedTo(0, ofList7(from, to)));
		expect(requestLines()).toEqual(pages(...calls));
	});

	it('an offset on a page the API serves smaller asks again at its size', async () => {
		serve({ total: 5000, cap: 500, calls: 2 });

		const result = await run(getMany({ limit: 500, options: { offset: 2000, pageSize: 1000 } }));

		expect(result.items).toEqual(pairedTo(0, ofList7(2001, 2500)));
		expect(requestLines()).toEqual(pages('page=3&limit=1000', 'page=5&limit=500'));
	});
});

describe('more items than n8n can take from one node run', () => {
	useNock();

	it.each([
		{ title: 'Return All', parameters: { returnAll: true, options: { pageSize: 1000 } }, total: 100_001, returned: '100,001' },
		{ title: 'a Limit', parameters: { limit: 150_000, options: { pageSize: 1000 } }, total: 1_000_000, returned: '150,000' },
		{ title: 'Return All from an offset', parameters: { returnAll: true, options: { offset: 10 } }, total: 1_000_000, returned: '999,990' },
	])('$title is refused after the first call, saying how to get everything', async ({ parameters, total, returned }) => {
		serve({ total, calls: 1 });

		const result = await run(getMany(parameters));

		expect(result.items).toEqual([]);
		expect(result.error?.message).toBe(`This would return ${returned} items, more than the 100,000 one Get Many can return`);
		expect(result.error?.description).toMatch(/Offset to 0, then the Limit, then twice the Limit.*Loop Over Items.*Download → Download File/);
		expect(requestLines()).toHaveLength(1);
	});

	it('under Continue On Fail the refusal is one error item', async () => {
		serve({ total: 200_000, calls: 1 });

		const result = await run(getMany({ returnAll: true }), { continueOnFail: true });

		expect(result.items).toEqual([{ json: { error: expect.stringMatching(/more than the 100,000/), description: expect.any(String) }, pairedItem: { item: 0 } }]);
	});

	it('a big Limit on a small list is not refused', async () => {
		serve({ total: 120, calls: 1 });

		const result = await run(getMany({ limit: 500_000, options: { pageSize: 1000 } }));

		expect(result.items).toEqual(pairedTo(0, ofList7(1, 120)));
	});

	it('exactly the most it can take: every item', async () => {
		serve({ total: 100_500, calls: 101 });

		const result = await run(getMany({ returnAll: true, options: { offset: 500, pageSize: 1000 } }));

		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(100_000);
		expect(result.items[0].json).toEqual({ id: 501, list_id: 7 });
		expect(result.items[99_999].json).toEqual({ id: 100_500, list_id: 7 });
	});

	it('without any count, fails as soon as it has read more than it can return', async () => {
		serve({ total: 1_000_000, counts: () => ({}), calls: 101 });

		const result = await run(getMany({ returnAll: true, options: { pageSize: 1000 } }));

		expect(result.items).toEqual([]);
		expect(result.error?.message).toBe('This returns more than the 100,000 items one Get Many can return');
		expect(requestLines()).toHaveLength(101);
	});
});
