import type { INodeParameters } from 'n8n-workflow';
import { TEST_API_KEY } from '../helpers/engine';
import { api, listRef, requestLines, run, useNock, v1 } from '../helpers/nock';

const getList: INodeParameters = { resource: 'list', operation: 'get', listId: listRef('7') };
const json = { 'Content-Type': 'application/json' };

interface ErrorCase {
	title: string;
	status: number;
	body: string;
	headers?: Record<string, string>;
	message: RegExp;
	description?: RegExp;
}

// Error bodies that echo the key check that no message or description can carry it.
const apiErrors: ErrorCase[] = [
	{
		title: '401: the key is rejected',
		status: 401,
		body: JSON.stringify({ error: 'unauthorized', message: `Invalid API key ${TEST_API_KEY}` }),
		headers: json,
		message: /^Leadsopedia rejected the API key: check the API Key in the Leadsopedia credential \(401 on get list\)$/,
		description: /^Invalid API key \*\*\*$/,
	},
	{
		title: '403: no access to the list',
		status: 403,
		body: JSON.stringify({ error: 'forbidden', message: 'Key has no access to list 7' }),
		headers: json,
		message: /^The API key has no access to this resource .*\(403 on get list\)$/,
		description: /^Key has no access to list 7$/,
	},
	{
		title: '404: no such list',
		status: 404,
		body: JSON.stringify({ error: 'not_found', message: 'No list 7' }),
		headers: json,
		message: /^Not found: no such item in Leadsopedia \(404 on get list\)$/,
		description: /^No list 7$/,
	},
	{
		title: '500 with a JSON body',
		status: 500,
		body: JSON.stringify({ error: 'server_error', message: 'Internal error' }),
		headers: json,
		message: /^The Leadsopedia server failed to answer; try again later \(500 on get list\)$/,
		description: /^Internal error$/,
	},
	{
		title: '502 with an HTML page',
		status: 502,
		body: `<html><body><h1>502 Bad Gateway</h1><!-- ${TEST_API_KEY} --></body></html>`,
		headers: { 'Content-Type': 'text/html' },
		message: /^The Leadsopedia server failed to answer; try again later \(502 on get list\)$/,
		description: /^Leadsopedia answered with an HTML page instead of JSON\.$/,
	},
	{
		title: '503 with an empty body',
		status: 503,
		body: '',
		message: /server failed to answer; try again later \(503 on get list\)$/,
		description: /^Leadsopedia answered with an empty body\.$/,
	},
	{
		title: '400 with plain text',
		status: 400,
		body: 'limit must be at most 1000',
		headers: { 'Content-Type': 'text/plain' },
		message: /^Leadsopedia refused the request as invalid \(400 on get list\)$/,
		description: /^Leadsopedia answered with a body that is not valid JSON\.$/,
	},
	{
		title: '200 with malformed JSON',
		status: 200,
		body: '{"id": 7, "name": ',
		headers: json,
		message: /^Leadsopedia answered 200 with a body that is not valid JSON to get list$/,
	},
	{
		title: '200 with an HTML page',
		status: 200,
		body: '<html><body>Maintenance</body></html>',
		headers: { 'Content-Type': 'text/html' },
		message: /^Leadsopedia answered 200 with an HTML page instead of JSON to get list$/,
	},
	{
		title: '200 with an empty body',
		status: 200,
		body: '',
		message: /^Leadsopedia answered 200 with an empty body to get list$/,
	},
	{
		title: 'a redirect, not followed (it could take the key elsewhere)',
		status: 302,
		body: '',
		headers: { Location: 'https://elsewhere.test/v1/mylists/7' },
		message: /^Leadsopedia answered with a redirect, not followed .*\(302 on get list\)$/,
	},
];

describe('API errors become clear messages without the key', () => {
	useNock();

	it.each(apiErrors)('$title', async ({ status, body, headers, message, description }) => {
		api().get(v1('/mylists/7')).reply(status, body, headers);

		const result = await run(getList);

		expect(result.items).toEqual([]);
		expect(result.error).toMatchObject({ name: 'NodeApiError', httpCode: String(status) });
		expect(result.error?.message).toMatch(message);
		if (description) expect(result.error?.description).toMatch(description);
		expect(requestLines()).toEqual(['GET /v1/mylists/7']);
		expect(result.serialized).not.toContain(TEST_API_KEY);
	});

	it('a collection answer without its array', async () => {
		api().get(v1('/mylists')).query({ page: 1, limit: 50 }).reply(200, { items: [], total: 0 });

		const result = await run({ resource: 'list', operation: 'getAll' });

		expect(result.error?.message).toBe('Leadsopedia\'s answer to get many lists has no "lists" list');
		expect(result.items).toEqual([]);
	});
});
