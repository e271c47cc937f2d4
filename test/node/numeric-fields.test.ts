import type { INodeParameters } from 'n8n-workflow';
import { byId, runAgainst, useSandbox } from '../limits/sandbox-run';

/**
 * A mapped contact field whose value is a number (a phone column of a spreadsheet or a
 * database): the API document types every contact field but country as a string, and the
 * API (the sandbox) refuses a number there. Found by the property test (seed 3 on main).
 */
const sandbox = useSandbox();

const upsert = (listId: number): INodeParameters => ({
	resource: 'contact',
	operation: 'upsert',
	listId: byId('={{ $json.listId }}'),
	email: '={{ $json.email }}',
	additionalFields: { phone: '={{ $json.phone }}', title: '={{ $json.title }}', country: '={{ $json.country }}' },
});

it('Create or Update sends a mapped number as text in text fields, and country as it is', async () => {
	const list = sandbox().control.addList('Numbers');
	const result = await runAgainst(sandbox(), upsert(list.id), {
		input: [{ listId: list.id, email: 'numbers@example.com', phone: 5551234, title: 42, country: 840 }],
	});

	expect(result.error).toBeUndefined();
	const [stored] = sandbox().control.contacts(list.id);
	expect({ phone: stored.phone, title: stored.title, country: stored.country }).toEqual({ phone: '5551234', title: '42', country: 840 });
});

it('Update does the same', async () => {
	const list = sandbox().control.addList('Numbers to update');
	const [contact] = sandbox().control.addContacts(list.id, [{ email: 'update-numbers@example.com' }]);
	const result = await runAgainst(
		sandbox(),
		{ resource: 'contact', operation: 'update', contactId: String(contact.id), updateFields: { phone: '={{ $json.phone }}' } },
		{ input: [{ phone: 5550000 }] },
	);

	expect(result.error).toBeUndefined();
	expect(sandbox().control.contacts(list.id)[0].phone).toBe('5550000');
});
