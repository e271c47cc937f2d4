import assert from 'node:assert/strict';
import { idFromBody } from '../workflows';
import type { CheckGroup } from './context';

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
	],

	async run({ runner, call, sandbox: { control } }) {
		const list = control.addList('E2E pages');
		const contacts = control.addContacts(list.id, Array.from({ length: 25 }, () => ({})));
		/** The pages the node asked for, in order. */
		const pagesCalled = () =>
			control
				.requestLog()
				.filter((entry) => entry.path === '/v1/contacts' && entry.query.list_id === String(list.id))
				.map((entry) => `${entry.query.page}/${entry.query.limit}`);

		await runner.check('contact getAll with Return All walks 3 pages, each once', async () => {
			control.clearLog();
			assert.deepEqual(await call('contact-getAll-pages', { listId: list.id }), contacts.map((item) => ({ ...item, list_id: list.id })));
			assert.deepEqual(pagesCalled(), ['1/10', '2/10', '3/10']);
		});
		await runner.check('contact getAll with Limit 12 stops after 12 items', async () => {
			control.clearLog();
			assert.deepEqual(await call('contact-getAll-limit', { listId: list.id }), contacts.slice(0, 12).map((item) => ({ ...item, list_id: list.id })));
			assert.equal(pagesCalled().length, 2);
		});
	},
};
