import { call, expectError, useSandbox } from './helpers';

const sandbox = useSandbox();

describe('GET /mylists', () => {
	it('answers the envelope of the account’s own lists', async () => {
		const { status, json } = await call(sandbox, 'GET', '/mylists');
		expect(status).toBe(200);
		expect(json).toEqual({
			lists: [
				{ id: 1, name: 'Prospects', total_contacts: 25, date_created: '2024-01-02T00:00:00.000Z' },
				{ id: 2, name: 'Customers', total_contacts: 3, date_created: '2024-01-03T00:00:00.000Z' },
				{ id: 3, name: 'Empty list', total_contacts: 0, date_created: '2024-01-04T00:00:00.000Z' },
			],
			total: 3,
			page: 1,
			limit: 100,
			pagesCount: 1,
			next: null,
			previous: null,
		});
		expect((await call(sandbox, 'GET', '/mylists', { key: sandbox.otherApiKey })).json.lists.map((l: { name: string }) => l.name)).toEqual([
			'Other team list',
		]);
	});

	it('pages with absolute next and previous links that keep the limit', async () => {
		const { json } = await call(sandbox, 'GET', '/mylists?page=2&limit=1');
		expect(json).toMatchObject({ lists: [{ id: 2 }], total: 3, page: 2, limit: 1, pagesCount: 3 });
		expect(json.next).toBe(`${sandbox.baseUrl}/mylists?page=3&limit=1`);
		expect(json.previous).toBe(`${sandbox.baseUrl}/mylists?page=1&limit=1`);
		const last = await call(sandbox, 'GET', '/mylists?page=3&limit=1');
		expect(last.json.next).toBeNull();
		const beyond = await call(sandbox, 'GET', '/mylists?page=9&limit=2');
		expect(beyond.json).toMatchObject({ lists: [], page: 9, pagesCount: 2, next: null, previous: `${sandbox.baseUrl}/mylists?page=2&limit=2` });
	});

	it.each(['page=0', 'page=-1', 'page=x', 'limit=0', 'limit=1001', 'limit=2.5', 'foo=1', 'page=1&page=2'])('answers 400 to ?%s', async (query) => {
		expectError(await call(sandbox, 'GET', `/mylists?${query}`), 400);
	});

	it('accepts limit 1000', async () => {
		expect((await call(sandbox, 'GET', '/mylists?limit=1000')).json.limit).toBe(1000);
	});
});

describe('GET /mylists/{id}', () => {
	it('answers the list, 404 for an unknown id, 403 for another account’s, 400 for a bad id', async () => {
		expect((await call(sandbox, 'GET', '/mylists/2')).json).toEqual({ id: 2, name: 'Customers', total_contacts: 3, date_created: '2024-01-03T00:00:00.000Z' });
		expectError(await call(sandbox, 'GET', '/mylists/999'), 404);
		expectError(await call(sandbox, 'GET', '/mylists/4'), 403);
		for (const bad of ['abc', '0', '-2', '1.5', '01', '%zz']) expectError(await call(sandbox, 'GET', `/mylists/${bad}`), 400);
	});
});

describe('POST /mylists', () => {
	it('creates with 201 and a Location that answers the list; the same name again answers 200 with it', async () => {
		const created = await call(sandbox, 'POST', '/mylists', { body: { name: 'Webinar leads' } });
		expect(created.status).toBe(201);
		expect(created.json).toMatchObject({ name: 'Webinar leads', total_contacts: 0 });
		expect(created.headers.get('location')).toBe(`${sandbox.baseUrl}/mylists/${created.json.id}`);
		const located = await fetch(created.headers.get('location') as string, { headers: { 'X-Api-Key': sandbox.apiKey } });
		expect(await located.json()).toEqual(created.json);

		const again = await call(sandbox, 'POST', '/mylists', { body: { name: 'Webinar leads' } });
		expect(again.status).toBe(200);
		expect(again.json).toEqual(created.json);
		expect(again.headers.get('location')).toBeNull();
	});

	it('keeps names per account: another account may use the same name', async () => {
		expect((await call(sandbox, 'POST', '/mylists', { key: sandbox.otherApiKey, body: { name: 'Prospects' } })).status).toBe(201);
	});

	it.each([
		['an unknown field', { name: 'x', colour: 'red' }],
		['an id', { name: 'x', id: 9 }],
		['no name', {}],
		['an empty name', { name: '  ' }],
		['a number as name', { name: 3 }],
		['an array body', [{ name: 'x' }]],
		['invalid JSON', '{"name": '],
	])('answers 400 to %s', async (_, body) => {
		expectError(await call(sandbox, 'POST', '/mylists', { body }), 400);
	});

	it('answers 400 without a JSON content type', async () => {
		expectError(await call(sandbox, 'POST', '/mylists', { body: '{"name":"x"}', headers: { 'Content-Type': 'text/plain' } }), 400);
	});
});

describe('POST /mylists/{id}', () => {
	it('renames when the body repeats the id (number or string)', async () => {
		const { json: list } = await call(sandbox, 'POST', '/mylists', { body: { name: 'To rename' } });
		const renamed = await call(sandbox, 'POST', `/mylists/${list.id}`, { body: { id: list.id, name: 'Renamed' } });
		expect(renamed.status).toBe(200);
		expect(renamed.json).toEqual({ ...list, name: 'Renamed' });
		expect((await call(sandbox, 'POST', `/mylists/${list.id}`, { body: { id: String(list.id), name: 'Renamed again' } })).json.name).toBe('Renamed again');
	});

	it('answers 400 without the id in the body, with another id, or with a name another list has', async () => {
		expectError(await call(sandbox, 'POST', '/mylists/2', { body: { name: 'x' } }), 400);
		expectError(await call(sandbox, 'POST', '/mylists/2', { body: { id: 3, name: 'x' } }), 400);
		expectError(await call(sandbox, 'POST', '/mylists/2', { body: { id: 2, name: 'Prospects' } }), 400);
		expectError(await call(sandbox, 'POST', '/mylists/2', { body: { id: 2, name: 'x', extra: true } }), 400);
	});

	it('answers 404 for an unknown list and 403 for another account’s', async () => {
		expectError(await call(sandbox, 'POST', '/mylists/999', { body: { id: 999, name: 'x' } }), 404);
		expectError(await call(sandbox, 'POST', '/mylists/4', { body: { id: 4, name: 'x' } }), 403);
	});
});

describe('DELETE /mylists/{id}', () => {
	it('deletes the list with its contacts', async () => {
		const { json: list } = await call(sandbox, 'POST', '/mylists', { body: { name: 'Doomed' } });
		sandbox.control.addContacts(list.id, [{ email: 'gone@example.com' }]);
		const deleted = await call(sandbox, 'DELETE', `/mylists/${list.id}`);
		expect(deleted).toMatchObject({ status: 200, json: { id: list.id, deleted: true } });
		expectError(await call(sandbox, 'GET', `/mylists/${list.id}`), 404);
		expectError(await call(sandbox, 'GET', `/contacts?list_id=${list.id}`), 404);
	});

	it('answers 404, 403 and 400 like the other list endpoints', async () => {
		expectError(await call(sandbox, 'DELETE', '/mylists/999'), 404);
		expectError(await call(sandbox, 'DELETE', '/mylists/4'), 403);
		expectError(await call(sandbox, 'DELETE', '/mylists/x'), 400);
		expect(sandbox.control.lists('other').some((list) => list.id === 4)).toBe(true);
	});
});

describe('unknown endpoints', () => {
	it.each([
		['GET', '/mylist'],
		['GET', '/mylists/'],
		['PUT', '/mylists/1'],
		['PATCH', '/mylists/1'],
		['GET', '/'],
	])('%s %s answers 404 JSON', async (method, path) => {
		expectError(await call(sandbox, method, path), 404);
	});

	it('answers 404 outside /v1 (the document’s example without /v1 is a typo)', async () => {
		const response = await fetch(sandbox.baseUrl.replace('/v1', '/mylists'), { headers: { 'X-Api-Key': sandbox.apiKey } });
		expect(response.status).toBe(404);
	});
});
