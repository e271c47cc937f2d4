import { api, expectCall, listRef, requests, run, useNock, v1, type CallCase } from '../helpers/nock';

const tradeShow = { id: 7, name: 'Trade show', total_contacts: 120, date_created: '2024-03-01T10:00:00Z' };

const cases: CallCase[] = [
	{
		title: 'Get Many: one item per list, unwrapped from the envelope',
		parameters: { resource: 'list', operation: 'getAll', limit: 2 },
		method: 'GET',
		path: '/mylists',
		query: { page: 1, limit: 2 },
		reply: { lists: [tradeShow, { ...tradeShow, id: 8, name: 'Webinar' }], total: 2, page: 1, limit: 2, pagesCount: 1, next: null, previous: null },
		output: [tradeShow, { ...tradeShow, id: 8, name: 'Webinar' }],
	},
	{
		title: 'Get by ID',
		parameters: { resource: 'list', operation: 'get', listId: listRef('7') },
		method: 'GET',
		path: '/mylists/7',
		reply: tradeShow,
		output: [tradeShow],
	},
	{
		title: 'Get, list picked From List',
		parameters: { resource: 'list', operation: 'get', listId: { __rl: true, mode: 'list', value: '7', cachedResultName: 'Trade show' } },
		method: 'GET',
		path: '/mylists/7',
		reply: tradeShow,
		output: [tradeShow],
	},
	{
		title: 'Create: 201 with Location, the name trimmed',
		parameters: { resource: 'list', operation: 'create', name: '  Trade show ' },
		method: 'POST',
		path: '/mylists',
		body: { name: 'Trade show' },
		status: 201,
		reply: tradeShow,
		output: [tradeShow],
	},
	{
		title: 'Create of an existing name: 200 with the existing list',
		parameters: { resource: 'list', operation: 'create', name: 'Trade show' },
		method: 'POST',
		path: '/mylists',
		body: { name: 'Trade show' },
		reply: tradeShow,
		output: [tradeShow],
	},
	{
		title: 'Update: the id in the path and in the body',
		parameters: { resource: 'list', operation: 'update', listId: listRef('7'), name: 'Trade show 2024' },
		method: 'POST',
		path: '/mylists/7',
		body: { id: 7, name: 'Trade show 2024' },
		reply: { ...tradeShow, name: 'Trade show 2024' },
		output: [{ ...tradeShow, name: 'Trade show 2024' }],
	},
	{
		title: 'Delete with an empty 200',
		parameters: { resource: 'list', operation: 'delete', listId: listRef('7') },
		method: 'DELETE',
		path: '/mylists/7',
		reply: '',
		output: [{ deleted: true, id: 7 }],
	},
	{
		title: 'Delete with a JSON 200',
		parameters: { resource: 'list', operation: 'delete', listId: listRef('7') },
		method: 'DELETE',
		path: '/mylists/7',
		reply: { success: true },
		output: [{ deleted: true, id: 7 }],
	},
];

describe('List', () => {
	useNock();
	it.each(cases)('$title', expectCall);

	it('Delete sends no body and so no Content-Type', async () => {
		api().delete(v1('/mylists/7')).reply(200, '');

		await run({ resource: 'list', operation: 'delete', listId: listRef('7') });

		expect(requests().map(({ body, headers }) => ({ body, contentType: headers['content-type'] }))).toEqual([{ body: '', contentType: undefined }]);
	});
});
