import assert from 'node:assert/strict';
import { idFromBody } from '../workflows';
import type { CheckGroup } from './context';
import { failure } from './errors';

const PAGE_SIZE = 10;

/** Get Many across pages: the items and the exact calls the node spent on them. */
export const paginationChecks: CheckGroup = {
	workflows: [
		{
			path: 'contact-getAll-pages',
			parameters: { resource: 'contact', operation: 'getAll', listId: idFromBody('listId'), returnAll: true, options: { pageSize: PAGE_SIZE } },
		},
		{
			path: 'contact-getAll-limit',
			parameters: { resource: 'contact', operation: 'getAll', listId: idFromBody('listId'), returnAll: false, limit: 12, options: { pageSize: PAGE_SIZE } },
		},
		{
			path: 'contact-getAll-offset',
			parameters: { resource: 'contact', operation: 'getAll', listId: idFromBody('listId'), returnAll: false, limit: 10, options: { offset: 20, pageSize: PAGE_SIZE } },
		},
		{
			path: 'contact-getAll-too-many',
			parameters: { resource: 'contact', operation: 'getAll', listId: idFromBody('listId'), returnAll: true, options: { pageSize: 1000 } },
		},
	],

	async run(context) {
		const { runner, call, sandbox } = context;
		const { control } = sandbox;
		const list = control.addList('E2E pages');
		const contacts = control.addContacts(list.id, Array.from({ length: 25 }, () => ({})));
		/** The contacts as Get Many outputs them: with the list they were read from. */
		const asOutput = (items: typeof contacts) => items.map((item) => ({ ...item, list_id: list.id }));
		/** The pages the node asked for, in order. */
		const pagesCalled = () =>
			control
				.requestLog()
				.filter((entry) => entry.path === '/v1/contacts' && entry.query.list_id === String(list.id))
				.map((entry) => `${entry.query.page}/${entry.query.limit}`);

		await runner.check('contact getAll with Return All walks 3 pages, each once', async () => {
			control.clearLog();
			assert.deepEqual(await call('contact-getAll-pages', { listId: list.id }), asOutput(contacts));
			assert.deepEqual(pagesCalled(), ['1/10', '2/10', '3/10']);
		});
		await runner.check('contact getAll with Limit 12 stops after 12 items', async () => {
			control.clearLog();
			assert.deepEqual(await call('contact-getAll-limit', { listId: list.id }), asOutput(contacts.slice(0, 12)));
			assert.equal(pagesCalled().length, 2);
		});
		await runner.check('contact getAll with Offset 20 and Limit 10 returns items 21 to 30', async () => {
			control.clearLog();
			assert.deepEqual(await call('contact-getAll-offset', { listId: list.id }), asOutput(contacts.slice(20, 30)));
			assert.deepEqual(pagesCalled(), ['3/10']);
		});

		// More than n8n can take from one node run: refused after one call, not a crash after all of them.
		const big = control.addList('E2E more than n8n takes', 'demo', 100_001);
		try {
			await runner.check('contact getAll with Return All of 100,001 contacts is refused after one call', async () => {
				control.clearLog();
				const message = await failure(context, 'contact-getAll-too-many', { listId: big.id });
				assert.equal(message, 'This would return 100,001 items, more than the 100,000 one Get Many can return');
				assert.equal(control.requestLog().filter((entry) => entry.path === '/v1/contacts').length, 1);
			});
		} finally {
			await fetch(`${sandbox.baseUrl}/mylists/${big.id}`, { method: 'DELETE', headers: { 'X-Api-Key': sandbox.apiKey } });
		}
	},
};
