import assert from 'node:assert/strict';
import { fromBody, idFromBody } from '../workflows';
import type { CheckGroup } from './context';

const list = (operation: string, parameters: Record<string, unknown> = {}) => ({
	path: `list-${operation}`,
	parameters: { resource: 'list', operation, ...parameters },
});

/** Every list operation against the sandbox's demo account, checked against its data. */
export const listChecks: CheckGroup = {
	workflows: [
		list('getAll', { returnAll: true, options: {} }),
		list('get', { listId: idFromBody('listId') }),
		list('create', { name: fromBody('name') }),
		list('update', { listId: idFromBody('listId'), name: fromBody('name') }),
		list('delete', { listId: idFromBody('listId') }),
	],

	async run({ runner, call, sandbox: { control } }) {
		await runner.check('list getAll returns every list of the account', async () => {
			const items = await call('list-getAll');
			assert.deepEqual(
				items.map((item) => item.id),
				control.lists('demo').map((item) => item.id),
			);
		});
		await runner.check('list get returns the list', async () => {
			const [expected] = control.lists('demo');
			assert.deepEqual(await call('list-get', { listId: expected.id }), [
				{ id: expected.id, name: expected.name, total_contacts: expected.total_contacts, date_created: expected.date_created },
			]);
		});
		await runner.check('list create adds a list', async () => {
			const [created] = await call('list-create', { name: 'E2E created' });
			assert.equal(created.name, 'E2E created');
			assert.ok(control.lists('demo').some((item) => item.id === created.id && item.name === 'E2E created'));
		});
		await runner.check('list update renames a list', async () => {
			const { id } = control.addList('E2E to rename');
			const [updated] = await call('list-update', { listId: id, name: 'E2E renamed' });
			assert.equal(updated.name, 'E2E renamed');
			assert.equal(control.lists('demo').find((item) => item.id === id)?.name, 'E2E renamed');
		});
		await runner.check('list delete removes a list', async () => {
			const { id } = control.addList('E2E to delete');
			const [deleted] = await call('list-delete', { listId: id });
			assert.deepEqual([deleted.deleted, String(deleted.id)], [true, String(id)]);
			assert.ok(!control.lists('demo').some((item) => item.id === id));
		});
	},
};
