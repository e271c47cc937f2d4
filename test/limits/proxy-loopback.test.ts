import { testCredential } from '../helpers/credential-tester';
import { leadsopediaCredentials, runLeadsopedia, TEST_API_KEY } from '../helpers/engine';
import { startProxy, type Proxy } from '../helpers/loopback';
import { loopbackServer, type LoopbackServer } from '../helpers/loopback-server';

// Plain http is allowed to a loopback Base URL because the key then never leaves this
// machine. Through a proxy elsewhere it would: the key in clear to the proxy, which then
// reaches its own 127.0.0.1.
const getAccount = { resource: 'account', operation: 'get' };
let api: LoopbackServer;
let proxy: Proxy;
beforeEach(async () => {
	api = await loopbackServer(() => ({ status: 200, body: JSON.stringify({ id: 1 }) }));
	proxy = await startProxy();
});
afterEach(async () => {
	await api.stop();
	await proxy.stop();
});

describe('a proxy in the node’s Request Options', () => {
	test.each(['http://proxy.example.test:3128', 'http://user:secret@proxy.example.test:8080'])(
		'on another machine (%s) with an http loopback Base URL: refused before any call',
		async (proxyUrl) => {
			const run = await runLeadsopedia({ ...getAccount, requestOptions: { proxy: proxyUrl } }, { baseUrl: `${api.origin}/v1`, asServer: true });

			expect(run.error?.message).toBe('A plain-http Base URL cannot be used through a proxy on another machine');
			expect(run.error?.description).toContain(`(${new URL(proxyUrl).hostname})`);
			expect(run.serialized).not.toContain(TEST_API_KEY);
			expect(api.seen).toEqual([]);
		},
	);

	test('on this machine: the call goes through it', async () => {
		const run = await runLeadsopedia({ ...getAccount, requestOptions: { proxy: proxy.origin } }, { baseUrl: `${api.origin}/v1`, asServer: true });

		expect(run.error).toBeUndefined();
		expect(proxy.seen).toEqual([`GET ${api.origin}/v1/account`]);
	});
});

describe('n8n’s proxy from the environment (HTTP_PROXY), which a node cannot see', () => {
	const names = ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'ALL_PROXY', 'all_proxy', 'NO_PROXY', 'no_proxy'];
	let saved: Record<string, string | undefined>;
	beforeEach(() => {
		saved = Object.fromEntries(names.map((name) => [name, process.env[name]]));
		for (const name of names) delete process.env[name];
		process.env.HTTP_PROXY = proxy.origin;
	});
	afterEach(() => {
		for (const name of names) {
			if (saved[name] === undefined) delete process.env[name];
			else process.env[name] = saved[name];
		}
	});

	// What README's Limits and retries says: n8n sends even 127.0.0.1 through it unless
	// NO_PROXY names the host.
	test('carries an http loopback call unless NO_PROXY names the host', async () => {
		await runLeadsopedia(getAccount, { baseUrl: `${api.origin}/v1` });
		expect(proxy.seen).toEqual([`GET ${api.origin}/v1/account`]);

		process.env.NO_PROXY = 'localhost,127.0.0.1,::1';
		const run = await runLeadsopedia(getAccount, { baseUrl: `${api.origin}/v1` });
		expect(run.error).toBeUndefined();
		expect(proxy.seen).toHaveLength(1);
		expect(api.seen).toHaveLength(2);
	});

	test('carries the Test button’s call the same way', async () => {
		expect((await testCredential(leadsopediaCredentials(`${api.origin}/v1`))).status).toBe('OK');
		expect(proxy.seen).toEqual([`GET ${api.origin}/v1/account`]);
	});
});
