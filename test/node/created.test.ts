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

describe('201 Created with a Location header and no body', () => {
	useNock();

	it.each(cases)('$title', async ({ parameters, path, location, output }) => {
		api().post(v1(path)).reply(201, '', { Location: location });

		const result = await run(parameters);

		expect(result.error).toBeUndefined();
		expect(result.items).toEqual(pairedTo(0, [output]));
		expect(requestLines()).toEqual([`POST ${v1(path)}`]);
	});

	it.each([
		['no Location', {}],
		['a Location that names no id', { Location: `${BASE_URL}/mylists` }],
	])('with %s: an error that says the API did act', async (_title, headers) => {
		api().post(v1('/mylists')).reply(201, '', headers);

		const result = await run({ resource: 'list', operation: 'create', name: 'Trade show' });

		expect(result.items).toEqual([]);
		expect(result.error?.message).toBe('Leadsopedia created the item but did not say which (201 on create list)');
		expect(result.error?.description).toMatch(/The item was created/);
	});
});
