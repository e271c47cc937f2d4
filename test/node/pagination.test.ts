import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { api, listRef, pairedTo, requestLines, run, useNock, v1 } from '../helpers/nock';

/** A paginated operation: how it is called and what its envelope holds. */
interface Collection {
	title: string;
	parameters: INodeParameters;
	path: string;
	query: IDataObject;
	key: string;
	/** What the node adds to each element (contacts carry their list_id). */
	added?: IDataObject;
}

const collections: Collection[] = [
	{ title: 'List → Get Many', parameters: { resource: 'list', operation: 'getAll' }, path: '/mylists', query: {}, key: 'lists' },
	{
		title: 'Contact → Get Many',
		parameters: { resource: 'contact', operation: 'getAll', listId: listRef('7') },
		path: '/contacts',
		query: { list_id: 7 },
		key: 'contacts',
		added: { list_id: 7 },
	},
	{ title: 'Download → Get Many', parameters: { resource: 'download', operation: 'getAll' }, path: '/downloads', query: {}, key: 'downloads' },
	{ title: 'Account → Get Activity', parameters: { resource: 'account', operation: 'getActivity' }, path: '/account/activity', query: {}, key: 'activities' },
	{ title: 'Account → Get Search History', parameters: { resource: 'account', operation: 'getHistory' }, path: '/account/history', query: {}, key: 'history' },
];

/** How the envelope states the number of pages: as CONTRACT.md's `pagesCount`, only as a total, or not at all. */
type Sizing = 'pagesCount' | 'total' | 'count' | 'none';

const ids = (from: number, to: number) => Array.from({ length: Math.max(0, to - from + 1) }, (_, index) => ({ id: from + index }));

interface Server {
	/** Items in the whole collection: `{id: 1}` … `{id: total}`. */
	total: number;
	/** The page size the node must ask for. */
	limit: number;
	/** The pages the node must ask for, each once; any other request fails the test. */
	pages: number[];
	sizing?: Sizing;
}

/**
 * Answers the listed pages as the API would. Every envelope carries a `next` link to a
 * foreign host: the node must page by number, so following it would be an unmatched request.
 */
function serve(collection: Collection, { total, limit, pages, sizing = 'pagesCount' }: Server): void {
	const pagesCount = Math.ceil(total / limit);
	for (const page of pages) {
		const envelope: IDataObject = {
			[collection.key]: ids((page - 1) * limit + 1, Math.min(page * limit, total)),
			page,
			limit,
			next: page < pagesCount ? `https://elsewhere.test${collection.path}?page=${page + 1}` : null,
			previous: null,
		};
		if (sizing === 'pagesCount') Object.assign(envelope, { total, pagesCount });
		else if (sizing !== 'none') envelope[sizing] = total;
		api()
			.get(v1(collection.path))
			.query({ ...collection.query, page, limit })
			.reply(200, envelope);
	}
}

interface PagingCase {
	title: string;
	parameters: INodeParameters;
	server: Server;
	/** The ids output, in order. */
	output: number;
}

const pageRange = (count: number) => Array.from({ length: count }, (_, index) => index + 1);

const cases: PagingCase[] = [
	{ title: 'Return All over 1 page', parameters: { returnAll: true }, server: { total: 40, limit: 100, pages: [1] }, output: 40 },
	{ title: 'Return All over 2 pages', parameters: { returnAll: true }, server: { total: 150, limit: 100, pages: [1, 2] }, output: 150 },
	{ title: 'Return All over 11 pages', parameters: { returnAll: true }, server: { total: 1050, limit: 100, pages: pageRange(11) }, output: 1050 },
	{ title: 'Return All of an empty collection', parameters: { returnAll: true }, server: { total: 0, limit: 100, pages: [1] }, output: 0 },
	{
		title: 'Return All with page size 1000',
		parameters: { returnAll: true, options: { pageSize: 1000 } },
		server: { total: 2500, limit: 1000, pages: [1, 2, 3] },
		output: 2500,
	},
	{ title: 'Limit below the page size: asks for just that many', parameters: { limit: 30 }, server: { total: 500, limit: 30, pages: [1] }, output: 30 },
	{ title: 'Limit at the page size', parameters: { limit: 100 }, server: { total: 500, limit: 100, pages: [1] }, output: 100 },
	{
		title: 'Limit above the page size: stops on the page that completes it',
		parameters: { limit: 250 },
		server: { total: 500, limit: 100, pages: [1, 2, 3] },
		output: 250,
	},
	{ title: 'Limit above the total: stops at the last page', parameters: { limit: 250 }, server: { total: 120, limit: 100, pages: [1, 2] }, output: 120 },
	{
		title: 'Limit with page size 1000',
		parameters: { limit: 1500, options: { pageSize: 1000 } },
		server: { total: 5000, limit: 1000, pages: [1, 2] },
		output: 1500,
	},
	{
		title: 'no pagesCount: pages from total over limit',
		parameters: { returnAll: true },
		server: { total: 250, limit: 100, pages: [1, 2, 3], sizing: 'total' },
		output: 250,
	},
	{
		title: 'no pagesCount: pages from count over limit',
		parameters: { returnAll: true },
		server: { total: 200, limit: 100, pages: [1, 2], sizing: 'count' },
		output: 200,
	},
	{
		title: 'no count at all: pages until a short page',
		parameters: { returnAll: true },
		server: { total: 200, limit: 100, pages: [1, 2, 3], sizing: 'none' },
		output: 200,
	},
];

describe.each(collections)('$title', (collection) => {
	useNock();

	it.each(cases)('$title', async ({ parameters, server, output }) => {
		serve(collection, server);

		const result = await run({ ...collection.parameters, ...parameters });

		expect(result.error).toBeUndefined();
		expect(result.items).toEqual(pairedTo(0, ids(1, output).map((element) => ({ ...element, ...collection.added }))));
		expect(requestLines()).toHaveLength(server.pages.length);
	});
});
