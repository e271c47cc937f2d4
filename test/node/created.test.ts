import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { api, BASE_URL, listRef, pairedTo, requestLines, run, useNock, v1 } from '../helpers/nock';

/**
 * Issue 10, point 7: the API document promises a `Location` header on 201 Created, not a
 * body. The API has acted: the node must succeed and say what was created, from the header,
 * without another call.
 */

interface CreatedCase {
	title: string;
	parameters: INodeParameters;
	path: string;
	location: string;
	output: IDataObject;
}

const cases: CreatedCase[] = [
	{
		title: 'List → Create: the id from /mylists/{id}, with the name sent',
		parameters: { resource: 'list', operation: 'create', name: 'Trade show' },
		path: '/mylists',
		location: `${BASE_URL}/mylists/42`,
		output: { id: 42, name: 'Trade show' },
	},
	{
		title: 'Contact → Create or Update: the id from /contacts/{list_id}?id={id}, with the fields sent',
		parameters: { resource: 'contact', operation: 'upsert', listId: listRef('7'), email: 'ada@example.com', additionalFields: { firstName: 'Ada' } },
		path: '/contacts',
		location: `${BASE_URL}/contacts/7?id=99`,
		output: { id: 99, list_id: 7, email: 'ada@example.com', first_name: 'Ada' },
	},
	{
		title: 'a Location relative to the API',
		parameters: { resource: 'list', operation: 'create', name: 'Trade show' },
		path: '/mylists',
		location: '/v1/mylists/43',
		output: { id: 43, name: 'Trade show' },
	},
];

/**
 * Issue 19, point 6: a small JSON body without an id ({}, a message) is as silent about the
 * new item as no body: the id is read from Location whenever the body has none.
 */
const bodiesWithoutId: Array<[string, string, IDataObject]> = [
	['no body', '', {}],
	['{}', '{}', {}],
	['{"message":"Created"}', '{"message":"Created"}', { message: 'Created' }],
	['an id of null', '{"id":null,"status":"created"}', { status: 'created' }],
];

describe('201 Created with a Location header and no id in the body', () => {
	useNock();

	describe.each(bodiesWithoutId)('body: %s', (_title, reply, kept) => {
		it.each(cases)('$title', async ({ parameters, path, location, output }) => {
			api().post(v1(path)).reply(201, reply, { Location: location, ...(reply ? { 'Content-Type': 'application/json' } : {}) });

			const result = await run(parameters);

			expect(result.error).toBeUndefined();
			expect(result.items).toEqual(pairedTo(0, [{ ...output, ...kept }]));
			expect(requestLines()).toEqual([`POST ${v1(path)}`]);
		});
	});

	it('a body that names the id wins over Location', async () => {
		api().post(v1('/mylists')).reply(201, { id: 44, name: 'Trade show', total_contacts: 0 }, { Location: `${BASE_URL}/mylists/43` });

		const result = await run({ resource: 'list', operation: 'create', name: 'Trade show' });

		expect(result.items).toEqual(pairedTo(0, [{ id: 44, name: 'Trade show', total_contacts: 0 }]));
	});

	it.each([
		['no Location', '', {}],
		['a Location that names no id', '', { Location: `${BASE_URL}/mylists` }],
		['{} and no Location', '{}', {}],
		['a message and a Location that names no id', '{"message":"Created"}', { Location: '/v1/mylists' }],
	])('with %s: an error that says the API did act', async (_title, reply, headers) => {
		api().post(v1('/mylists')).reply(201, reply, headers);

		const result = await run({ resource: 'list', operation: 'create', name: 'Trade show' });

		expect(result.items).toEqual([]);
		expect(result.error?.message).toBe('Leadsopedia created the item but did not say which (201 on create list)');
		expect(result.error?.description).toMatch(/The item was created/);
		expect(requestLines()).toEqual([`POST ${v1('/mylists')}`]);
	});
});
