import nock from 'nock';
import type { INodeParameters } from 'n8n-workflow';
import { startSandbox, type Sandbox } from '../../sandbox';
import { runLeadsopedia, type RunOptions } from '../helpers/engine';
import { listRef, pairedTo } from '../helpers/nock';

/**
 * The node against the sandbox server, so the node and the server are held to the same
 * contract (a wrong path, query or body gets the sandbox's 404 or 400, not a mock's nod).
 * Only 127.0.0.1 is reachable from here.
 */
let sandbox: Sandbox;

beforeAll(async () => {
	nock.disableNetConnect();
	nock.enableNetConnect(/^127\.0\.0\.1:\d+$/);
	sandbox = await startSandbox({ intervalMs: 0 });
});
afterAll(async () => {
	await sandbox.stop();
	nock.enableNetConnect();
	nock.restore();
});
beforeEach(() => {
	sandbox.control.clearLog();
	sandbox.control.clearFaults();
});

function run(parameters: INodeParameters, options: Partial<RunOptions> = {}) {
	return runLeadsopedia(parameters, { baseUrl: sandbox.baseUrl, credentials: { apiKey: sandbox.apiKey }, ...options });
}

/** `METHOD path?query (status)` of every call the sandbox received, in order. */
function calls(): string[] {
	return sandbox.control.requestLog().map(({ method, path, query, status }) => {
		const search = new URLSearchParams(query).toString();
		return `${method} ${path}${search ? `?${search}` : ''} ${status}`;
	});
}

const listNamed = (name: string) => {
	const list = sandbox.control.lists().find((candidate) => candidate.name === name);
	if (!list) throw new Error(`The sandbox has no list ${name}`);
	return list;
};

describe('Against the sandbox', () => {
	afterEach(() => {
		// Every API call carried the key in its header, none in its URL; files got no key.
		for (const entry of sandbox.control.requestLog()) {
			expect(entry.keyPresent).toBe(entry.host === 'api');
			expect(JSON.stringify(entry)).not.toContain('[api-key]');
		}
	});

	it('List → Get Many: the demo account’s lists in one call', async () => {
		const result = await run({ resource: 'list', operation: 'getAll', returnAll: true });

		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.name)).toEqual(sandbox.control.lists('demo').map((list) => list.name));
		expect(calls()).toEqual(['GET /v1/mylists?page=1&limit=100 200']);
	});

	it('Contact → Get Many with Return All over several pages', async () => {
		const prospects = listNamed('Prospects');
		const expected = sandbox.control.contacts(prospects.id);
		expect(expected.length).toBeGreaterThan(20);

		const result = await run({
			resource: 'contact',
			operation: 'getAll',
			listId: listRef(String(prospects.id)),
			returnAll: true,
			options: { pageSize: 10 },
		});

		expect(result.error).toBeUndefined();
		expect(result.items).toEqual(pairedTo(0, expected.map((contact) => ({ ...contact, list_id: prospects.id }))));
		const pages = Math.ceil(expected.length / 10);
		expect(calls()).toEqual(
			Array.from({ length: pages }, (_, index) => `GET /v1/contacts?list_id=${prospects.id}&page=${index + 1}&limit=10 200`),
		);
	});

	it('Contact → Get Many with a Limit stops on the page that completes it', async () => {
		const prospects = listNamed('Prospects');

		const result = await run({ resource: 'contact', operation: 'getAll', listId: listRef(String(prospects.id)), limit: 12, options: { pageSize: 10 } });

		expect(result.items.map((item) => item.json.id)).toEqual(sandbox.control.contacts(prospects.id).slice(0, 12).map((contact) => contact.id));
		expect(calls()).toHaveLength(2);
	});

	it('Contact → Create or Update, then Get by email and by ID, Update and Delete by ID', async () => {
		const customers = listNamed('Customers');
		const listId = listRef(String(customers.id));
		const email = 'new.lead+n8n@example.com';

		const created = await run({ resource: 'contact', operation: 'upsert', listId, email, additionalFields: { firstName: 'Ada', company: 'Engines' } });
		const updated = await run({ resource: 'contact', operation: 'upsert', listId, email, additionalFields: { title: 'CTO' } });
		const id = String(created.items[0].json.id);
		const byEmail = await run({ resource: 'contact', operation: 'get', listId, identifyBy: 'email', email });
		const changed = await run({ resource: 'contact', operation: 'update', contactId: id, updateFields: { city: 'London' } });
		const byId = await run({ resource: 'contact', operation: 'get', listId, identifyBy: 'id', contactId: id });
		const deleted = await run({ resource: 'contact', operation: 'delete', identifyBy: 'id', listId, contactId: id });

		expect(created.items[0].json).toMatchObject({ email, first_name: 'Ada', company: 'Engines' });
		expect(updated.items[0].json).toMatchObject({ id: Number(id), email, first_name: 'Ada', title: 'CTO' });
		expect(byEmail.items[0].json).toMatchObject({ id: Number(id), title: 'CTO' });
		expect(changed.items[0].json).toMatchObject({ id: Number(id), city: 'London' });
		expect(byId.items[0].json).toMatchObject({ id: Number(id), email, city: 'London' });
		expect(deleted.items).toEqual(pairedTo(0, [{ deleted: true, listId: Number(customers.id), id: Number(id) }]));
		expect(sandbox.control.contacts(customers.id).some((contact) => contact.email === email)).toBe(false);
		expect(calls().map((call) => call.slice(-3))).toEqual(['201', '200', '200', '200', '200', '200']);
	});

	it('List → Create, Update, Delete', async () => {
		const created = await run({ resource: 'list', operation: 'create', name: 'From n8n' });
		const listId = listRef(String(created.items[0].json.id));
		const renamed = await run({ resource: 'list', operation: 'update', listId, name: 'From n8n, renamed' });
		const deleted = await run({ resource: 'list', operation: 'delete', listId });

		expect(created.items[0].json).toMatchObject({ name: 'From n8n', total_contacts: 0 });
		expect(renamed.items[0].json).toMatchObject({ id: created.items[0].json.id, name: 'From n8n, renamed' });
		expect(deleted.items[0].json).toEqual({ deleted: true, id: Number(created.items[0].json.id) });
		expect(sandbox.control.lists().some((list) => list.name.startsWith('From n8n'))).toBe(false);
	});

	it('List → Get of another account’s list: 403 in the user’s words', async () => {
		const foreign = listNamed('Other team list');

		const result = await run({ resource: 'list', operation: 'get', listId: listRef(String(foreign.id)) });

		expect(result.error?.message).toBe('The API key has no access to this resource (for example a list of another account) (403 on get list)');
		expect(result.error?.httpCode).toBe('403');
		expect(calls()).toEqual([`GET /v1/mylists/${foreign.id} 403`]);
		expect(result.serialized).not.toContain(sandbox.apiKey);
	});

	it('a wrong key: 401 in the user’s words', async () => {
		const result = await run({ resource: 'account', operation: 'get' }, { credentials: { apiKey: 'SBXwrongwrongwrongwrong' } });

		expect(result.error?.message).toMatch(/^Leadsopedia rejected the API key/);
		expect(calls()).toEqual(['GET /v1/account 401']);
		expect(result.serialized).not.toContain('SBXwrongwrongwrongwrong');
	});

	it('Download → Download File from the file host without the key', async () => {
		const csv = 'email,first_name\nada@example.com,Ada\n';
		const download = sandbox.control.addDownload({ filename: 'n8n-test.csv', content: csv });

		const result = await run({ resource: 'download', operation: 'getFile', downloadId: String(download.id) });

		expect(result.error).toBeUndefined();
		const binary = result.items[0].binary?.data;
		expect(binary).toMatchObject({ fileName: 'n8n-test.csv', mimeType: 'text/csv' });
		expect(Buffer.from(binary!.data, 'base64').toString('utf8')).toBe(csv);
		expect(sandbox.control.requestLog().map(({ host, status }) => `${host} ${status}`)).toEqual(['api 200', 'files 200']);
	});

	it('Download → Get Many and Delete', async () => {
		const download = sandbox.control.addDownload();

		const all = await run({ resource: 'download', operation: 'getAll', returnAll: true });
		const deleted = await run({ resource: 'download', operation: 'delete', downloadId: String(download.id) });

		expect(all.items.map((item) => item.json.id)).toContain(download.id);
		expect(deleted.items).toEqual(pairedTo(0, [{ deleted: true, id: Number(download.id) }]));
		expect(sandbox.control.downloads().some((candidate) => candidate.id === download.id)).toBe(false);
	});

	it('Contact → Delete by email in one list, then from every list', async () => {
		const [prospects, customers] = [listNamed('Prospects'), listNamed('Customers')];
		const email = 'twice@example.com';
		sandbox.control.addContacts(prospects.id, [{ email }]);
		sandbox.control.addContacts(customers.id, [{ email }]);
		const inList = (listId: number) => sandbox.control.contacts(listId).some((contact) => contact.email === email);

		await run({ resource: 'contact', operation: 'delete', identifyBy: 'email', email, listId: listRef(String(prospects.id)) });
		expect([inList(prospects.id), inList(customers.id)]).toEqual([false, true]);

		await run({ resource: 'contact', operation: 'delete', identifyBy: 'email', email, fromEveryList: true });
		expect(inList(customers.id)).toBe(false);
		expect(calls()).toEqual([
			`DELETE /v1/contacts?email=twice%40example.com&list_id=${prospects.id} 200`,
			'DELETE /v1/contacts?email=twice%40example.com 200',
		]);
	});

	it('Account → Get, Get Credits, Get Usage, Get Activity, Get Search History', async () => {
		const account = await run({ resource: 'account', operation: 'get' });
		const credits = await run({ resource: 'account', operation: 'getCredits' });
		const usage = await run({ resource: 'account', operation: 'getUsage' });
		const activity = await run({ resource: 'account', operation: 'getActivity', returnAll: true });
		const history = await run({ resource: 'account', operation: 'getHistory', limit: 5 });

		expect(account.items[0].json).toMatchObject({ name: 'Demo Account', email: 'demo@example.com' });
		expect(credits.items[0].json).toEqual({ credits_total: expect.any(Number), credits_used: expect.any(Number), credits_left: expect.any(Number) });
		expect(usage.error).toBeUndefined();
		expect(usage.items).toHaveLength(1);
		expect(activity.items.length).toBeGreaterThan(0);
		expect(history.items).toHaveLength(5);
		expect(history.items[0].json).toEqual({ id: expect.stringMatching(/^[0-9a-f]{24}$/), type: expect.any(String), lead_count: expect.any(Number), date_added: expect.any(String) });
		expect(calls()).toEqual([
			'GET /v1/account 200',
			'GET /v1/account/credits 200',
			'GET /v1/account/usage 200',
			'GET /v1/account/activity?page=1&limit=100 200',
			'GET /v1/account/history?page=1&limit=5 200',
		]);
	});

	it.each([
		['a reset connection', { kind: 'reset' as const }, /^Could not reach Leadsopedia to get account$/],
		['a malformed JSON body', { kind: 'malformed-json' as const }, /^Leadsopedia answered 200 with a body that is not valid JSON to get account$/],
		['an HTML error page', { kind: 'html' as const }, /^The Leadsopedia server failed to answer; try again later \(502 on get account\)$/],
	])('%s fails clearly without the key', async (_title, fault, message) => {
		sandbox.control.injectFaults({ ...fault, path: '/v1/account' });

		const result = await run({ resource: 'account', operation: 'get' });

		expect(result.error?.message).toMatch(message);
		expect(result.serialized).not.toContain(sandbox.apiKey);
		expect(calls()).toHaveLength(1);
	});
});
