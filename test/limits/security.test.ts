import nock from 'nock';
import { runLeadsopedia, TEST_API_KEY } from '../helpers/engine';

// Mocked origins on loopback; nothing is listening there, nock answers in-process.
const API = 'http://127.0.0.1:65001';
const ELSEWHERE = 'http://127.0.0.1:65002';
const getAccount = { resource: 'account', operation: 'get' };

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => {
	nock.enableNetConnect();
	// Node's http is shared by every test file of the jest worker: unpatch it for the next ones.
	nock.restore();
});

test('a redirect is not followed, so the key never reaches the other host', async () => {
	const api = nock(API, { reqheaders: { 'x-api-key': TEST_API_KEY } })
		.get('/v1/account')
		.reply(302, '', { Location: `${ELSEWHERE}/v1/account` });
	const elsewhere = nock(ELSEWHERE).get('/v1/account').reply(200, { id: 1 });
	const run = await runLeadsopedia(getAccount, { baseUrl: `${API}/v1` });
	expect(api.isDone()).toBe(true);
	expect(elsewhere.isDone()).toBe(false);
	expect(run.error?.httpCode).toBe('302');
	expect(run.error?.message).toMatch(/^Leadsopedia answered with a redirect, not followed/);
	expect(run.serialized).not.toContain(TEST_API_KEY);
});

test.each([
	['plain http to another host', 'http://api.leadsopedia.com/v1'],
	['an unknown scheme', 'ftp://api.leadsopedia.com/v1'],
	['no URL at all', 'api.leadsopedia.com'],
])('a base URL with %s is refused before any call', async (_name, baseUrl) => {
	const run = await runLeadsopedia(getAccount, { baseUrl });
	expect(run.error?.message).toMatch(/^The Base URL in the Leadsopedia credential (must use https|is not a valid URL)$/);
	expect(nock.pendingMocks()).toEqual([]);
	expect(run.serialized).not.toContain(TEST_API_KEY);
});

test('plain http is allowed on loopback', async () => {
	const api = nock(API, { reqheaders: { 'x-api-key': TEST_API_KEY } }).get('/v1/account').reply(200, { id: 1 });
	const run = await runLeadsopedia(getAccount, { baseUrl: `${API}/v1/` });
	expect(run.items.map((item) => item.json)).toEqual([{ id: 1 }]);
	expect(api.isDone()).toBe(true);
});

test('an error body that echoes the key is shown without it', async () => {
	nock(API).get('/v1/account').reply(401, { error: 'unauthorized', message: `Unknown key ${TEST_API_KEY}` }).persist();
	const run = await runLeadsopedia(getAccount, { baseUrl: `${API}/v1` });
	expect(run.error?.message).toBe('Leadsopedia rejected the API key: check the API Key in the Leadsopedia credential (401 on get account)');
	expect(run.error?.description).toBe('Unknown key ***');
	expect(run.serialized).not.toContain(TEST_API_KEY);
});
