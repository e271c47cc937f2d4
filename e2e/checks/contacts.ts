import assert from 'node:assert/strict';
import { fromBody, idFromBody } from '../workflows';
import type { CheckGroup, Context } from './context';

const contact = (name: string, operation: string, parameters: Record<string, unknown>) => ({
	path: `contact-${name}`,
	parameters: { resource: 'contact', operation, ...parameters },
});
const listId = idFromBody('listId');

/** A fresh list holding two known contacts, so each case owns its data. */
function freshList({ sandbox: { control } }: Context, name: string) {
	const list = control.addList(name);
	const contacts = control.addContacts(list.id, [
		{ email: `ada.${list.id}@example.com`, first_name: 'Ada' },
		{ email: `alan.${list.id}@example.com`, first_name: 'Alan' },
	]);
	return { listId: list.id, contacts };
}

/** Every contact operation, and both ways of identifying a contact where there are two. */
export const contactChecks: CheckGroup = {
	workflows: [
		contact('getAll', 'getAll', { listId, returnAll: true, options: {} }),
		contact('get-by-id', 'get', { listId, identifyBy: 'id', contactId: fromBody('contactId') }),
		contact('get-by-email', 'get', { listId, identifyBy: 'email', email: fromBody('email') }),
		contact('upsert', 'upsert', { listId, email: fromBody('email'), additionalFields: { firstName: 'Grace', company: fromBody('company') } }),
		contact('update', 'update', { contactId: fromBody('contactId'), updateFields: { title: fromBody('title') } }),
		contact('delete-by-id', 'delete', { identifyBy: 'id', listId, contactId: fromBody('contactId') }),
		contact('delete-by-email', 'delete', { identifyBy: 'email', listId, email: fromBody('email') }),
	],

	async run(context) {
		const { runner, call, sandbox: { control } } = context;
		const emailsIn = (id: number) => control.contacts(id).map((item) => item.email);

		await runner.check('contact getAll returns every contact of the list', async () => {
			const { listId, contacts } = freshList(context, 'E2E contacts getAll');
			assert.deepEqual(await call('contact-getAll', { listId }), contacts.map((item) => ({ ...item, list_id: listId })));
		});
		await runner.check('contact get by id', async () => {
			const { listId, contacts } = freshList(context, 'E2E contact get by id');
			assert.deepEqual(await call('contact-get-by-id', { listId, contactId: contacts[1].id }), [{ ...contacts[1], list_id: listId }]);
		});
		await runner.check('contact get by email', async () => {
			const { listId, contacts } = freshList(context, 'E2E contact get by email');
			assert.deepEqual(await call('contact-get-by-email', { listId, email: contacts[0].email }), [{ ...contacts[0], list_id: listId }]);
		});
		await runner.check('contact upsert creates, then updates by email', async () => {
			const { listId } = freshList(context, 'E2E contact upsert');
			const [created] = await call('contact-upsert', { listId, email: 'grace@example.com', company: 'Navy' });
			assert.equal(created.company, 'Navy');
			const [updated] = await call('contact-upsert', { listId, email: 'grace@example.com', company: 'Harvard' });
			assert.equal(updated.id, created.id);
			const stored = control.contacts(listId).filter((item) => item.email === 'grace@example.com');
			assert.deepEqual(stored.map((item) => [item.first_name, item.company]), [['Grace', 'Harvard']]);
		});
		await runner.check('contact update by id', async () => {
			const { listId, contacts } = freshList(context, 'E2E contact update');
			const [updated] = await call('contact-update', { contactId: contacts[0].id, title: 'Countess' });
			assert.equal(updated.title, 'Countess');
			assert.equal(control.contacts(listId)[0].title, 'Countess');
		});
		await runner.check('contact delete by id', async () => {
			const { listId, contacts } = freshList(context, 'E2E contact delete by id');
			const [deleted] = await call('contact-delete-by-id', { listId, contactId: contacts[0].id });
			assert.equal(deleted.deleted, true);
			assert.deepEqual(emailsIn(listId), [contacts[1].email]);
		});
		await runner.check('contact delete by email', async () => {
			const { listId, contacts } = freshList(context, 'E2E contact delete by email');
			const [deleted] = await call('contact-delete-by-email', { listId, email: contacts[1].email });
			assert.equal(deleted.deleted, true);
			assert.deepEqual(emailsIn(listId), [contacts[0].email]);
		});
	},
};
