import type { INodeParameters } from 'n8n-workflow';
import { api, requests, run, useNock } from '../helpers/nock';

/**
 * An AI agent's tool gives the list id as its `$fromAI` argument is typed: the AI-tools
 * example types it as a string ("7"), a tool of one's own may type it as a number (7). Every
 * operation that takes a list must send the same request for both.
 */
const fromAI = (value: string) => ({ __rl: true, mode: 'id', value: `={{ ${value} }}` });

const contact = { id: 123, email: 'jane@acme.com' };
const operations: Array<{ title: string; parameters: INodeParameters; request: string; reply: unknown }> = [
	{ title: 'List → Get', parameters: { resource: 'list', operation: 'get' }, request: 'GET /v1/mylists/7', reply: { id: 7, name: 'Trade show' } },
	{ title: 'List → Update', parameters: { resource: 'list', operation: 'update', name: 'Fair' }, request: 'POST /v1/mylists/7', reply: { id: 7, name: 'Fair' } },
	{ title: 'List → Delete', parameters: { resource: 'list', operation: 'delete' }, request: 'DELETE /v1/mylists/7', reply: {} },
	{
		title: 'Contact → Get Many',
		parameters: { resource: 'contact', operation: 'getAll', simplify: true },
		request: 'GET /v1/contacts?list_id=7&page=1&limit=50',
		reply: { contacts: [contact], total: 1, page: 1, limit: 50, pagesCount: 1 },
	},
	{
		title: 'Contact → Get by email',
		parameters: { resource: 'contact', operation: 'get', identifyBy: 'email', email: 'jane@acme.com', simplify: true },
		request: 'GET /v1/contacts/7?email=jane%40acme.com',
		reply: contact,
	},
	{ title: 'Contact → Create or Update', parameters: { resource: 'contact', operation: 'upsert', email: 'jane@acme.com' }, request: 'POST /v1/contacts', reply: contact },
	{ title: 'Contact → Delete by ID', parameters: { resource: 'contact', operation: 'delete', identifyBy: 'id', contactId: '123' }, request: 'DELETE /v1/contacts/7?id=123', reply: {} },
];

describe('a list id from an AI tool, as a string of digits or as a number', () => {
	useNock();

	it.each(operations)('$title sends the same request and outputs the same items for "7" and 7', async ({ parameters, request, reply }) => {
		const outcomes = [];
		for (const value of ['"7"', '7']) {
			api().intercept(/.*/, request.split(' ')[0]).query(true).reply(200, reply as object);
			const result = await run({ ...parameters, listId: fromAI(value) });
			expect(result.error).toBeUndefined();
			outcomes.push({ items: result.items });
		}
		const sent = requests().map((seen) => ({ line: `${seen.method} ${seen.path}`, body: seen.body }));
		expect(sent.map((seen) => seen.line)).toEqual([request, request]);
		expect(sent[1].body).toBe(sent[0].body);
		expect(outcomes[1]).toEqual(outcomes[0]);
		expect(outcomes[0].items.length).toBeGreaterThan(0);
	});
});
