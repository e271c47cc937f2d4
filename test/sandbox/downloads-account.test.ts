import { call, expectError, useSandbox } from './helpers';

const sandbox = useSandbox();

describe('downloads', () => {
	it('GET /downloads answers the envelope; each url points at the file host, another origin', async () => {
		const { status, json } = await call(sandbox, 'GET', '/downloads');
		expect(status).toBe(200);
		expect(json).toMatchObject({ total: 2, page: 1, limit: 100, pagesCount: 1, next: null, previous: null });
		expect(json.downloads[0]).toEqual({
			id: 1,
			filename: 'leads-2024-03-01.csv',
			extension: 'csv',
			url: `${sandbox.fileBaseUrl}/files/1/leads-2024-03-01.csv`,
			date_created: '2024-03-01T00:00:00.000Z',
		});
		expect(new URL(sandbox.fileBaseUrl).origin).not.toBe(new URL(sandbox.baseUrl).origin);
	});

	it('GET /downloads/{id} answers one; 404, 403 and 400 as for lists', async () => {
		expect((await call(sandbox, 'GET', '/downloads/2')).json).toMatchObject({ id: 2, filename: 'companies-2024-04-12.csv' });
		expectError(await call(sandbox, 'GET', '/downloads/99'), 404);
		expectError(await call(sandbox, 'GET', '/downloads/3'), 403);
		expectError(await call(sandbox, 'GET', '/downloads/one'), 400);
	});

	it('answers 404 to the examples’ /mydownloads', async () => {
		expectError(await call(sandbox, 'GET', '/mydownloads'), 404);
		expectError(await call(sandbox, 'GET', '/mydownloads/1'), 404);
		expectError(await call(sandbox, 'DELETE', '/mydownloads/1'), 404);
	});

	it('serves the file as CSV without a key, and logs that no key came', async () => {
		const { url } = (await call(sandbox, 'GET', '/downloads/1')).json;
		sandbox.control.clearLog();
		const response = await fetch(url);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
		expect(response.headers.get('content-disposition')).toBe('attachment; filename="leads-2024-03-01.csv"');
		const lines = (await response.text()).trim().split('\n');
		expect(lines[0]).toBe('email,first_name,last_name,title,company,phone,city,country');
		expect(lines).toHaveLength(11);
		expect(sandbox.control.requestLog()).toEqual([
			expect.objectContaining({ host: 'files', method: 'GET', path: '/files/1/leads-2024-03-01.csv', status: 200, keyPresent: false }),
		]);
	});

	it('serves content given to control.addDownload, and forgets a deleted download’s file', async () => {
		const added = sandbox.control.addDownload({ filename: 'mine.csv', content: 'email\nme@example.com\n' });
		expect(added).toMatchObject({ filename: 'mine.csv', extension: 'csv' });
		expect(await (await fetch(added.url)).text()).toBe('email\nme@example.com\n');
		expect(sandbox.control.addDownload().filename).toMatch(/^export-\d+\.csv$/);

		expect(await call(sandbox, 'DELETE', `/downloads/${added.id}`)).toMatchObject({ status: 200, json: { id: added.id, deleted: true } });
		expectError(await call(sandbox, 'GET', `/downloads/${added.id}`), 404);
		expect((await fetch(added.url)).status).toBe(404);
		expectError(await call(sandbox, 'DELETE', '/downloads/3'), 403);
	});

	it('answers 404 on the file host for other paths and methods', async () => {
		expect((await fetch(`${sandbox.fileBaseUrl}/files/1/other.csv`)).status).toBe(404);
		expect((await fetch(`${sandbox.fileBaseUrl}/files/2/leads-2024-03-01.csv`)).status).toBe(404);
		expect((await fetch(`${sandbox.fileBaseUrl}/files/1/leads-2024-03-01.csv`, { method: 'DELETE' })).status).toBe(404);
	});
});

describe('account', () => {
	it('GET /account answers the profile of the key’s account', async () => {
		expect((await call(sandbox, 'GET', '/account')).json).toEqual({
			id: 1001,
			name: 'Demo Account',
			email: 'demo@example.com',
			company: 'Sandbox Inc.',
			address: '1 Sandbox Way, Springfield',
			phone: '+1-202-555-0101',
			status: 'active',
			date_created: '2024-01-01T00:00:00.000Z',
		});
		expect((await call(sandbox, 'GET', '/account', { key: sandbox.otherApiKey })).json.id).toBe(1002);
	});

	it('GET /account/credits: used is the sum of the history’s lead counts', async () => {
		const credits = (await call(sandbox, 'GET', '/account/credits')).json;
		const history = (await call(sandbox, 'GET', '/account/history')).json.history as { lead_count: number }[];
		const used = history.reduce((sum, item) => sum + item.lead_count, 0);
		expect(credits).toEqual({ credits_total: 25000, credits_used: used, credits_left: 25000 - used });
	});

	it('GET /account/usage counts this key’s admitted calls, this one included', async () => {
		sandbox.control.resetCounters();
		await call(sandbox, 'GET', '/account');
		await call(sandbox, 'GET', '/nowhere');
		await call(sandbox, 'GET', '/account', { key: 'wrong' });
		const { json } = await call(sandbox, 'GET', '/account/usage');
		expect(json).toMatchObject({ calls_this_month: 3, monthly_quota: 15000, calls_remaining: 14997, interval_ms: 0 });
		expect(json.resets_at).toMatch(/^\d{4}-\d{2}-01T00:00:00\.000Z$/);
		expect((await call(sandbox, 'GET', '/account/usage', { key: sandbox.otherApiKey })).json.calls_this_month).toBe(1);
	});

	it('GET /account/history answers ObjectID items in the envelope', async () => {
		const { json } = await call(sandbox, 'GET', '/account/history?limit=5&page=3');
		expect(json).toMatchObject({ total: 12, page: 3, limit: 5, pagesCount: 3, next: null });
		expect(json.history).toHaveLength(2);
		for (const item of json.history) {
			expect(item).toEqual({ id: expect.stringMatching(/^[0-9a-f]{24}$/), type: expect.stringMatching(/^(contacts|company|email)$/), lead_count: expect.any(Number), date_added: expect.any(String) });
		}
	});

	it('GET /account/activity answers the envelope and records what the API changed', async () => {
		const before = (await call(sandbox, 'GET', '/account/activity')).json;
		expect(before).toMatchObject({ page: 1, limit: 100, next: null, previous: null });
		await call(sandbox, 'POST', '/mylists', { body: { name: 'Activity check' } });
		const after = (await call(sandbox, 'GET', `/account/activity?page=${before.total + 1}&limit=1`)).json;
		expect(after.total).toBe(before.total + 1);
		expect(after.activities).toEqual([{ id: expect.any(Number), type: 'list_created', description: 'Created list "Activity check"', date_added: expect.any(String) }]);
	});

	it('answers 400 to query parameters the account endpoints do not take', async () => {
		expectError(await call(sandbox, 'GET', '/account?page=1'), 400);
		expectError(await call(sandbox, 'GET', '/account/history?limit=1001'), 400);
	});
});
