import { call, expectError, useSandbox } from './helpers';

const sandbox = useSandbox();
beforeEach(() => sandbox.control.clearLog());

describe('authentication', () => {
	it('answers 401 without a key or with a wrong one, on any path', async () => {
		expectError(await call(sandbox, 'GET', '/account', { key: null }), 401);
		expectError(await call(sandbox, 'GET', '/account', { key: 'SBXwrongwrongwrongwrong' }), 401);
		expectError(await call(sandbox, 'GET', '/nowhere', { key: null }), 401);
		expectError(await call(sandbox, 'GET', `/account?api_key=${sandbox.apiKey}`, { key: null }), 401);
	});

	it('gives two accounts their own keys', () => {
		expect(sandbox.apiKey).toMatch(/^SBX[\w-]{20}$/);
		expect(sandbox.otherApiKey).toMatch(/^SBX[\w-]{20}$/);
		expect(sandbox.apiKey).not.toBe(sandbox.otherApiKey);
	});
});

describe('request log', () => {
	it('records method, path, query, body, status, time, key presence and account, in arrival order', async () => {
		await call(sandbox, 'GET', '/contacts?list_id=1&limit=2');
		await call(sandbox, 'POST', '/mylists', { key: sandbox.otherApiKey, body: { name: 'Logged' } });
		await call(sandbox, 'GET', '/account', { key: null });
		const log = sandbox.control.requestLog();
		expect(log).toEqual([
			{ method: 'GET', path: '/v1/contacts', query: { list_id: '1', limit: '2' }, status: 200, startedAt: expect.any(Number), durationMs: expect.any(Number), keyPresent: true, account: 'demo', host: 'api' },
			{ method: 'POST', path: '/v1/mylists', query: {}, body: '{"name":"Logged"}', status: 201, startedAt: expect.any(Number), durationMs: expect.any(Number), keyPresent: true, account: 'other', host: 'api' },
			{ method: 'GET', path: '/v1/account', query: {}, status: 401, startedAt: expect.any(Number), durationMs: expect.any(Number), keyPresent: false, host: 'api' },
		]);
		expect(log[0].startedAt).toBeGreaterThan(Date.now() - 60_000);
		expect(log[1].startedAt).toBeGreaterThan(log[0].startedAt);
	});

	it('never holds a key, even one a client wrongly put in the URL', async () => {
		await call(sandbox, 'GET', '/account');
		await call(sandbox, 'GET', `/account?api_key=${sandbox.apiKey}`);
		await call(sandbox, 'GET', `/${sandbox.otherApiKey}/mylists`, { key: sandbox.otherApiKey });
		await call(sandbox, 'POST', '/mylists', { body: { name: sandbox.apiKey } });
		const text = JSON.stringify(sandbox.control.requestLog());
		expect(text).not.toContain(sandbox.apiKey);
		expect(text).not.toContain(sandbox.otherApiKey);
		expect(sandbox.control.requestLog()[1].query).toEqual({ api_key: '[api-key]' });
	});

	it('answers copies, and clearLog empties it', async () => {
		await call(sandbox, 'GET', '/account');
		sandbox.control.requestLog()[0].query.x = 'changed';
		expect(sandbox.control.requestLog()[0].query).toEqual({});
		sandbox.control.clearLog();
		expect(sandbox.control.requestLog()).toEqual([]);
	});

	it('marks a key sent to the file host', async () => {
		const [download] = sandbox.control.downloads('demo');
		await fetch(download.url, { headers: { 'X-Api-Key': sandbox.apiKey } });
		expect(sandbox.control.requestLog()).toEqual([expect.objectContaining({ host: 'files', keyPresent: true, account: 'demo' })]);
	});
});
