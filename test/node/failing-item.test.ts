import type { INodeParameters } from 'n8n-workflow';
import { api, listRef, pairedTo, requestLines, run, useNock, v1 } from '../helpers/nock';

/**
 * Issue 19, point 2: a run that fails spends nothing it need not. Every item's input is
 * checked before the first call (bad input anywhere: zero calls), and once an item has
 * failed without Continue On Fail no further call starts: items waiting for the key's turn
 * leave the lane. With Continue On Fail nothing changes.
 */

/** Paced, so that the items' calls queue in the key's lane one after the other. */
const paced = { requestInterval: 0.3 };

/**
 * A run that fails ends before calls already under way would reach the server: give them
 * time to arrive (and fail the test) before counting.
 */
const strayCallsArrived = () => new Promise((resolve) => setTimeout(resolve, 200));

/** Contact → Create or Update, the email and first name from each input item. */
const upsert: INodeParameters = {
	resource: 'contact',
	operation: 'upsert',
	listId: listRef('7'),
	email: '={{ $json.email }}',
	additionalFields: { firstName: '={{ $json.name.first }}' },
};
/** An item without an email falls back to a node this workflow lacks: n8n refuses that item itself. */
const upsertFallingBack: INodeParameters = { ...upsert, email: '={{ $json.email ?? $("Lookup").item.json.email }}' };
const person = (email: string) => ({ email, name: { first: email.split('@')[0] } });
const contact = (id: number, email: string) => ({ id, email, first_name: email.split('@')[0] });
const upserts = (email: string, id: number) => api().post(v1('/contacts'), { list_id: 7, email, first_name: email.split('@')[0] }).reply(200, contact(id, email));

/** Contact → Get by email, the email from each input item. */
const getByEmail: INodeParameters = { resource: 'contact', operation: 'get', listId: listRef('7'), identifyBy: 'email', email: '={{ $json.email }}' };
const found = (id: number, email: string) => api().get(v1('/contacts/7')).query({ email }).reply(200, { id, email });
const notFound = (email: string) => api().get(v1('/contacts/7')).query({ email }).reply(404, { message: `No contact ${email}` });

describe('Bad input in any item: no item calls', () => {
	useNock();

	it('an invalid email in the last of three items: zero calls, the error names that item', async () => {
		const result = await run(upsert, { input: [person('a@acme.com'), person('b@acme.com'), { email: 'not-an-email', name: { first: 'c' } }] });

		expect(result.error?.message).toBe('Email "not-an-email" is not a valid email address');
		expect(result.error?.context).toMatchObject({ itemIndex: 2 });
		expect(result.items).toEqual([]);
		await strayCallsArrived();
		expect(requestLines()).toEqual([]);
	});

	it('an expression n8n cannot evaluate for the last item (refused before the node runs it): zero calls', async () => {
		const result = await run(upsertFallingBack, { input: [person('a@acme.com'), person('b@acme.com'), { name: { first: 'c' } }] });

		expect(result.error?.message).toBe("Referenced node doesn't exist");
		expect(result.items).toEqual([]);
		await strayCallsArrived();
		expect(requestLines()).toEqual([]);
	});

	it('a bad Page Size in the second of two Get Many items: zero calls', async () => {
		const result = await run(
			{ resource: 'list', operation: 'getAll', returnAll: true, options: { pageSize: '={{ $json.size }}' } },
			{ input: [{ size: 10 }, { size: 5000 }] },
		);

		expect(result.error?.message).toMatch(/^Page Size must be a whole number from 1 to 1000/);
		await strayCallsArrived();
		expect(requestLines()).toEqual([]);
	});

	it('with Continue On Fail, the good items still call and the bad one gives an error item', async () => {
		upserts('a@acme.com', 1);
		upserts('b@acme.com', 2);

		const result = await run(upsert, {
			continueOnFail: true,
			input: [person('a@acme.com'), person('b@acme.com'), { email: 'not-an-email', name: { first: 'c' } }],
		});

		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([
			...pairedTo(0, [contact(1, 'a@acme.com')]),
			...pairedTo(1, [contact(2, 'b@acme.com')]),
			...pairedTo(2, [{ error: 'Email "not-an-email" is not a valid email address' }]),
		]);
	});

	it('with Continue On Fail, an item n8n refuses itself does not hold the others back', async () => {
		upserts('a@acme.com', 1);
		upserts('c@acme.com', 3);

		const result = await run(upsertFallingBack, { continueOnFail: true, input: [person('a@acme.com'), { name: { first: 'b' } }, person('c@acme.com')] });

		expect(result.error).toBeUndefined();
		expect(requestLines()).toEqual([`POST ${v1('/contacts')}`, `POST ${v1('/contacts')}`]);
		expect(result.items).toHaveLength(3);
	});
});

describe('After an item fails, no further call starts', () => {
	useNock();

	it('a 404 on item 0 of a paced key: items 1 and 2 never call, and the 404 is reported', async () => {
		notFound('a@acme.com');

		const result = await run(getByEmail, { credentials: paced, input: [{ email: 'a@acme.com' }, { email: 'b@acme.com' }, { email: 'c@acme.com' }] });

		expect(result.error?.message).toMatch(/^Not found/);
		expect(result.error?.description).toBe('No contact a@acme.com');
		expect(result.items).toEqual([]);
		await strayCallsArrived();
		expect(requestLines()).toEqual([`GET ${v1('/contacts/7?email=a%40acme.com')}`]);
	});

	it('a 404 on item 1 while item 0 pages through a Return All: no further page, and item 1’s error is the one reported', async () => {
		// The lane serves the items in turn: item 0's page 1, item 1, then item 0's page 2 would follow.
		api().get(v1('/contacts')).query({ list_id: 7, page: 1, limit: 2 }).reply(200, { contacts: [{ id: 1 }, { id: 2 }], total: 6, pagesCount: 3 });
		api().get(v1('/contacts')).query({ list_id: 404, page: 1, limit: 2 }).reply(404, { message: 'No list 404' });

		const result = await run(
			{ resource: 'contact', operation: 'getAll', listId: listRef('={{ $json.list }}'), returnAll: true, options: { pageSize: 2 } },
			{ credentials: paced, input: [{ list: '7' }, { list: '404' }] },
		);

		expect(result.error?.message).toMatch(/^Not found/);
		expect(result.error?.description).toBe('No list 404');
		expect(result.error?.context).toMatchObject({ itemIndex: 1 });
		await strayCallsArrived();
		expect(requestLines()).toHaveLength(2);
	});

	it('with Continue On Fail, the items after a 404 still call', async () => {
		notFound('a@acme.com');
		found(2, 'b@acme.com');
		found(3, 'c@acme.com');

		const result = await run(getByEmail, {
			credentials: paced,
			continueOnFail: true,
			input: [{ email: 'a@acme.com' }, { email: 'b@acme.com' }, { email: 'c@acme.com' }],
		});

		expect(result.items).toEqual([
			...pairedTo(0, [{ error: 'Not found: no such item in Leadsopedia (404 on get contact)', description: 'No contact a@acme.com' }]),
			...pairedTo(1, [{ id: 2, email: 'b@acme.com', list_id: 7 }]),
			...pairedTo(2, [{ id: 3, email: 'c@acme.com', list_id: 7 }]),
		]);
	});
});

describe('Items n8n hands over in batches or once', () => {
	useNock();

	/** Settings → Batching: one item at a time, 50 ms apart (RoutingNode sleeps between them). */
	const batching = { requestOptions: { batching: { batch: { batchSize: 1, batchInterval: 50 } } } };

	it('with Batching, bad input in the last batch: zero calls', async () => {
		const result = await run({ ...upsert, ...batching }, { asServer: true, input: [person('a@acme.com'), person('b@acme.com'), { email: 'nope', name: { first: 'c' } }] });

		expect(result.error?.message).toBe('Email "nope" is not a valid email address');
		await strayCallsArrived();
		expect(requestLines()).toEqual([]);
	});

	it('with Batching, good items all call, in order', async () => {
		upserts('a@acme.com', 1);
		upserts('b@acme.com', 2);
		upserts('c@acme.com', 3);

		const result = await run({ ...upsert, ...batching }, { asServer: true, input: [person('a@acme.com'), person('b@acme.com'), person('c@acme.com')] });

		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.id)).toEqual([1, 2, 3]);
	});

	it('with Execute Once, the one item n8n runs calls', async () => {
		upserts('a@acme.com', 1);

		const result = await run(upsert, { executeOnce: true, input: [person('a@acme.com'), person('b@acme.com'), person('c@acme.com')] });

		expect(result.error).toBeUndefined();
		expect(result.items).toEqual(pairedTo(0, [contact(1, 'a@acme.com')]));
	});
});
