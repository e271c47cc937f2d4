import type { INodeParameters } from 'n8n-workflow';
import { TEST_API_KEY } from '../helpers/engine';
import { api, listRef, pairedTo, requestLines, run, useNock, v1 } from '../helpers/nock';

/** Contact → Get by email, the email taken from each input item. */
const getByEmail: INodeParameters = {
	resource: 'contact',
	operation: 'get',
	listId: listRef('7'),
	identifyBy: 'email',
	email: '={{ $json.email }}',
};
/** A contact as the API answers it. */
const stored = (id: number, email: string) => ({ id, email });
/** The same contact as the node outputs it: with the list it was read from. */
const contact = (id: number, email: string) => ({ ...stored(id, email), list_id: 7 });
const answersContact = (id: number, email: string) =>
	api().get(v1('/contacts/7')).query({ email }).reply(200, stored(id, email));

describe('Several input items', () => {
	useNock();

	it('each output item is paired with the input item it came from', async () => {
		answersContact(1, 'a@acme.com');
		answersContact(2, 'b@acme.com');
		answersContact(3, 'c@acme.com');

		const result = await run(getByEmail, { input: [{ email: 'a@acme.com' }, { email: 'b@acme.com' }, { email: 'c@acme.com' }] });

		expect(result.items).toEqual([
			...pairedTo(0, [contact(1, 'a@acme.com')]),
			...pairedTo(1, [contact(2, 'b@acme.com')]),
			...pairedTo(2, [contact(3, 'c@acme.com')]),
		]);
	});

	it('every page of a Get Many is paired with its own input item', async () => {
		api().get(v1('/contacts')).query({ list_id: 7, page: 1, limit: 50 }).reply(200, { contacts: [{ id: 1 }, { id: 2 }], pagesCount: 1 });
		api().get(v1('/contacts')).query({ list_id: 8, page: 1, limit: 50 }).reply(200, { contacts: [{ id: 3 }], pagesCount: 1 });

		const result = await run(
			{ resource: 'contact', operation: 'getAll', listId: listRef('={{ $json.list }}') },
			{ input: [{ list: '7' }, { list: '8' }] },
		);

		expect(result.items).toEqual([
			...pairedTo(0, [
				{ id: 1, list_id: 7 },
				{ id: 2, list_id: 7 },
			]),
			...pairedTo(1, [{ id: 3, list_id: 8 }]),
		]);
	});

	it('without Continue On Fail, one failed item fails the node', async () => {
		answersContact(1, 'a@acme.com');
		api().get(v1('/contacts/7')).query({ email: 'b@acme.com' }).reply(404, { message: 'No contact b@acme.com' });

		const result = await run(getByEmail, { input: [{ email: 'a@acme.com' }, { email: 'b@acme.com' }] });

		expect(result.error?.message).toMatch(/^Not found/);
		expect(result.items).toEqual([]);
	});
});

describe('Continue On Fail', () => {
	useNock();

	it('gives one error item per failed input item, paired with it, and the others succeed', async () => {
		answersContact(1, 'a@acme.com');
		api().get(v1('/contacts/7')).query({ email: 'b@acme.com' }).reply(404, { message: 'No contact b@acme.com' });
		api().get(v1('/contacts/7')).query({ email: 'd@acme.com' }).reply(403, { message: `Key ${TEST_API_KEY} has no access to list 7` });
		answersContact(5, 'e@acme.com');

		const result = await run(getByEmail, {
			continueOnFail: true,
			input: [{ email: 'a@acme.com' }, { email: 'b@acme.com' }, { email: 'not-an-email' }, { email: 'd@acme.com' }, { email: 'e@acme.com' }],
		});

		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([
			...pairedTo(0, [contact(1, 'a@acme.com')]),
			...pairedTo(1, [{ error: 'Not found: no such item in Leadsopedia (404 on get contact)', description: 'No contact b@acme.com' }]),
			...pairedTo(2, [{ error: 'Email "not-an-email" is not a valid email address' }]),
			...pairedTo(3, [{ error: expect.stringMatching(/no access .*\(403 on get contact\)$/), description: 'Key *** has no access to list 7' }]),
			...pairedTo(4, [contact(5, 'e@acme.com')]),
		]);
		// The invalid email cost no request.
		expect(requestLines()).toHaveLength(4);
		expect(result.serialized).not.toContain(TEST_API_KEY);
	});

	it('an error item for a failed page of a Get Many, with nothing partial', async () => {
		api().get(v1('/mylists')).query({ page: 1, limit: 1 }).reply(200, { lists: [{ id: 1 }], pagesCount: 2 });
		api().get(v1('/mylists')).query({ page: 2, limit: 1 }).reply(500, '');

		const result = await run({ resource: 'list', operation: 'getAll', returnAll: true, options: { pageSize: 1 } }, { continueOnFail: true });

		expect(result.items).toEqual(
			pairedTo(0, [{ error: 'The Leadsopedia server failed to answer; try again later (500 on get many lists)', description: 'Leadsopedia answered with an empty body.' }]),
		);
	});
});
