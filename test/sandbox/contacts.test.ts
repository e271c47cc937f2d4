import { call, expectError, useSandbox } from './helpers';

const sandbox = useSandbox({ now: () => Date.UTC(2025, 5, 1) });

const newList = async (name: string) => (await call(sandbox, 'POST', '/mylists', { body: { name } })).json.id as number;

describe('GET /contacts?list_id=', () => {
	it('answers the envelope, oldest first by default, with links keeping list_id', async () => {
		const { status, json } = await call(sandbox, 'GET', '/contacts?list_id=1&limit=10&page=2');
		expect(status).toBe(200);
		expect(json).toMatchObject({ total: 25, page: 2, limit: 10, pagesCount: 3 });
		expect(json.contacts.map((c: { id: number }) => c.id)).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
		expect(json.next).toBe(`${sandbox.baseUrl}/contacts?list_id=1&limit=10&page=3`);
		expect(json.previous).toBe(`${sandbox.baseUrl}/contacts?list_id=1&limit=10&page=1`);
		expect(Object.keys(json.contacts[0])).toEqual([
			'id', 'email', 'first_name', 'last_name', 'title', 'company', 'phone', 'city', 'state', 'region', 'country', 'date_added',
		]);
	});

	it('answers newest first when the order is desc (both by date_added and id)', async () => {
		sandbox.control.setOptions({ order: 'desc' });
		try {
			const { json } = await call(sandbox, 'GET', '/contacts?list_id=1&limit=3');
			expect(json.contacts.map((c: { id: number }) => c.id)).toEqual([25, 24, 23]);
			const dates = json.contacts.map((c: { date_added: string }) => c.date_added);
			expect([...dates].sort().reverse()).toEqual(dates);
		} finally {
			sandbox.control.setOptions({ order: 'asc' });
		}
	});

	it('answers 404 to the example’s single-contact form GET /contacts?list_id=..&email=|id=..', async () => {
		expectError(await call(sandbox, 'GET', '/contacts?list_id=1&email=a@b.co'), 404);
		expectError(await call(sandbox, 'GET', '/contacts?list_id=1&id=3'), 404);
	});

	it('answers 400 without list_id or with a bad one, 404/403 for lists not the caller’s', async () => {
		expectError(await call(sandbox, 'GET', '/contacts'), 400);
		expectError(await call(sandbox, 'GET', '/contacts?list_id=zero'), 400);
		expectError(await call(sandbox, 'GET', '/contacts?list_id=1&limit=5000'), 400);
		expectError(await call(sandbox, 'GET', '/contacts?list_id=999'), 404);
		expectError(await call(sandbox, 'GET', '/contacts?list_id=4'), 403);
	});
});

describe('GET /contacts/{list_id}?email=|id=', () => {
	it('finds one contact by email (any case) or by id', async () => {
		const [contact] = (await call(sandbox, 'GET', '/contacts?list_id=2&limit=1')).json.contacts;
		expect((await call(sandbox, 'GET', `/contacts/2?email=${encodeURIComponent(contact.email.toUpperCase())}`)).json).toEqual(contact);
		expect((await call(sandbox, 'GET', `/contacts/2?id=${contact.id}`)).json).toEqual(contact);
	});

	it('answers 404 for a contact of another list or none, 400 for bad input, 403 for another account', async () => {
		expectError(await call(sandbox, 'GET', '/contacts/2?id=1'), 404);
		expectError(await call(sandbox, 'GET', '/contacts/2?email=nobody@example.com'), 404);
		expectError(await call(sandbox, 'GET', '/contacts/2'), 400);
		expectError(await call(sandbox, 'GET', '/contacts/2?id=1&email=a@b.co'), 400);
		expectError(await call(sandbox, 'GET', '/contacts/2?email=not-an-email'), 400);
		expectError(await call(sandbox, 'GET', '/contacts/2?id=-3'), 400);
		expectError(await call(sandbox, 'GET', '/contacts/2?id=3&list_id=2'), 400);
		expectError(await call(sandbox, 'GET', '/contacts/4?id=1'), 403);
	});
});

describe('POST /contacts', () => {
	it('creates with 201 and a Location that answers the contact, then updates the same email with 200', async () => {
		const listId = await newList('Upserts');
		const created = await call(sandbox, 'POST', '/contacts', { body: { list_id: listId, email: 'Jane@Example.com', first_name: 'Jane', country: 49 } });
		expect(created.status).toBe(201);
		expect(created.json).toMatchObject({ email: 'Jane@Example.com', first_name: 'Jane', last_name: null, country: 49 });
		expect(created.json.date_added).toMatch(/^2025-06-01T00:00:00\.\d{3}Z$/);
		const location = created.headers.get('location') as string;
		expect(location).toBe(`${sandbox.baseUrl}/contacts/${listId}?id=${created.json.id}`);
		expect(await (await fetch(location, { headers: { 'X-Api-Key': sandbox.apiKey } })).json()).toEqual(created.json);

		const updated = await call(sandbox, 'POST', '/contacts', { body: { list_id: String(listId), email: 'jane@example.com', title: 'CTO' } });
		expect(updated.status).toBe(200);
		expect(updated.headers.get('location')).toBeNull();
		expect(updated.json).toEqual({ ...created.json, email: 'jane@example.com', title: 'CTO' });
		expect(sandbox.control.contacts(listId)).toEqual([updated.json]);
	});

	it('gives new contacts increasing ids and dates even with a frozen clock', async () => {
		const listId = await newList('Ordered');
		const a = (await call(sandbox, 'POST', '/contacts', { body: { list_id: listId, email: 'a@example.com' } })).json;
		const b = (await call(sandbox, 'POST', '/contacts', { body: { list_id: listId, email: 'b@example.com' } })).json;
		expect(b.id).toBeGreaterThan(a.id);
		expect(b.date_added > a.date_added).toBe(true);
	});

	it('updates a generated contact found by its email', async () => {
		const [first] = (await call(sandbox, 'GET', '/contacts?list_id=1&limit=1')).json.contacts;
		const { status, json } = await call(sandbox, 'POST', '/contacts', { body: { list_id: 1, email: first.email, city: 'Oslo' } });
		expect(status).toBe(200);
		expect(json).toEqual({ ...first, city: 'Oslo' });
	});

	it.each([
		['no list_id', { email: 'x@example.com' }],
		['no email', { list_id: 1 }],
		['a bad email', { list_id: 1, email: 'x@' }],
		['a bad list_id', { list_id: 0, email: 'x@example.com' }],
		['an unknown field', { list_id: 1, email: 'x@example.com', nickname: 'X' }],
		['a read-only field', { list_id: 1, email: 'x@example.com', date_added: '2020-01-01' }],
		['a non-string field', { list_id: 1, email: 'x@example.com', first_name: 7 }],
		['a fractional country', { list_id: 1, email: 'x@example.com', country: 1.5 }],
	])('answers 400 to %s', async (_, body) => {
		expectError(await call(sandbox, 'POST', '/contacts', { body }), 400);
	});

	it('answers 404 and 403 for lists not the caller’s', async () => {
		expectError(await call(sandbox, 'POST', '/contacts', { body: { list_id: 999, email: 'x@example.com' } }), 404);
		expectError(await call(sandbox, 'POST', '/contacts', { body: { list_id: 4, email: 'x@example.com' } }), 403);
	});
});

describe('POST /contacts/{contact_id}', () => {
	it('updates the fields given and keeps the others', async () => {
		const listId = await newList('Updates');
		const [contact] = sandbox.control.addContacts(listId, [{ email: 'u@example.com', first_name: 'U' }]);
		const { status, json } = await call(sandbox, 'POST', `/contacts/${contact.id}`, { body: { last_name: 'Ser', email: 'user@example.com' } });
		expect(status).toBe(200);
		expect(json).toEqual({ ...contact, last_name: 'Ser', email: 'user@example.com' });
		expectError(await call(sandbox, 'GET', `/contacts/${listId}?email=u@example.com`), 404);
		expect((await call(sandbox, 'GET', `/contacts/${listId}?email=user@example.com`)).json.id).toBe(contact.id);
		expect((await call(sandbox, 'POST', `/contacts/${contact.id}`, { body: { id: contact.id, title: null } })).json.title).toBeNull();
	});

	it('answers 400 for another id in the body, no fields, an unknown field, or an email another contact of the list has', async () => {
		const listId = await newList('Clashes');
		const [one, two] = sandbox.control.addContacts(listId, [{ email: 'one@example.com' }, { email: 'two@example.com' }]);
		expectError(await call(sandbox, 'POST', `/contacts/${one.id}`, { body: { id: two.id, title: 'x' } }), 400);
		expectError(await call(sandbox, 'POST', `/contacts/${one.id}`, { body: {} }), 400);
		expectError(await call(sandbox, 'POST', `/contacts/${one.id}`, { body: { list_id: 1 } }), 400);
		expectError(await call(sandbox, 'POST', `/contacts/${one.id}`, { body: { email: 'two@example.com' } }), 400);
		expectError(await call(sandbox, 'POST', '/contacts/abc', { body: { title: 'x' } }), 400);
	});

	it('answers 404 for an unknown contact and 403 for another account’s', async () => {
		expectError(await call(sandbox, 'POST', '/contacts/99999999', { body: { title: 'x' } }), 404);
		const [theirs] = sandbox.control.contacts(4);
		expectError(await call(sandbox, 'POST', `/contacts/${theirs.id}`, { body: { title: 'x' } }), 403);
	});
});

describe('DELETE /contacts/{list_id}?id=', () => {
	it('deletes one contact of the list', async () => {
		const listId = await newList('Deletes');
		const [contact] = sandbox.control.addContacts(listId, [{ email: 'd@example.com' }]);
		expect(await call(sandbox, 'DELETE', `/contacts/${listId}?id=${contact.id}`)).toMatchObject({ status: 200, json: { id: contact.id, deleted: true } });
		expect(sandbox.control.contacts(listId)).toEqual([]);
		expectError(await call(sandbox, 'DELETE', `/contacts/${listId}?id=${contact.id}`), 404);
	});

	it('answers 404 to the example’s form DELETE /contacts/{contact_id}, and 400/403 as usual', async () => {
		expectError(await call(sandbox, 'DELETE', '/contacts/5'), 404);
		expect(sandbox.control.contacts(1).some((c) => c.id === 5)).toBe(true);
		expectError(await call(sandbox, 'DELETE', '/contacts/1?id=x'), 400);
		expectError(await call(sandbox, 'DELETE', '/contacts/1?id=5&email=a@b.co'), 400);
		expectError(await call(sandbox, 'DELETE', `/contacts/4?id=${sandbox.control.contacts(4)[0].id}`), 403);
	});
});

describe('DELETE /contacts?email=', () => {
	it('removes the email from every list of the account, or from one with list_id', async () => {
		const a = await newList('Email A');
		const b = await newList('Email B');
		const c = await newList('Email C');
		for (const id of [a, b, c]) sandbox.control.addContacts(id, [{ email: 'twice@example.com' }, { email: `keep${id}@example.com` }]);
		sandbox.control.addContacts(4, [{ email: 'twice@example.com' }]);

		expect(await call(sandbox, 'DELETE', `/contacts?email=twice@example.com&list_id=${c}`)).toMatchObject({ status: 200, json: { deleted: 1 } });
		expect(sandbox.control.contacts(c).map((x) => x.email)).toEqual([`keep${c}@example.com`]);
		expect(await call(sandbox, 'DELETE', '/contacts?email=TWICE@example.com')).toMatchObject({ status: 200, json: { deleted: 2 } });
		expect(sandbox.control.contacts(a).map((x) => x.email)).toEqual([`keep${a}@example.com`]);
		expect(sandbox.control.contacts(4).some((x) => x.email === 'twice@example.com')).toBe(true);
		expectError(await call(sandbox, 'DELETE', '/contacts?email=twice@example.com'), 404);
	});

	it('answers 400 without an email or with a bad one, 403 for another account’s list', async () => {
		expectError(await call(sandbox, 'DELETE', '/contacts'), 400);
		expectError(await call(sandbox, 'DELETE', '/contacts?email=nope'), 400);
		expectError(await call(sandbox, 'DELETE', '/contacts?email=a@b.co&id=3'), 400);
		expectError(await call(sandbox, 'DELETE', '/contacts?email=a@b.co&list_id=4'), 403);
	});
});
