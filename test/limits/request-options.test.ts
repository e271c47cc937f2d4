import type { INodeParameters } from 'n8n-workflow';
import { runLeadsopedia, TEST_API_KEY } from '../helpers/engine';
import { startProxy, startSelfSignedHttps, type Loopback, type Proxy } from '../helpers/loopback';
import { byId, listNamed, runAgainst, useSandbox } from './sandbox-run';

// n8n adds Request Options (Batching, Ignore SSL Issues, Proxy, Timeout) to a declarative
// node when it loads it: every run here loads the node as the server does.
const sandbox = useSandbox();

const getList = () => ({ resource: 'list', operation: 'get', listId: byId(listNamed(sandbox(), 'Customers')) });
const withOptions = (requestOptions: INodeParameters) => ({ ...getList(), requestOptions });

describe('Proxy', () => {
	let proxy: Proxy;
	beforeEach(async () => (proxy = await startProxy()));
	afterEach(async () => await proxy.stop());

	test('every API call goes through the proxy set in Request Options', async () => {
		const run = await runAgainst(sandbox(), withOptions({ proxy: proxy.origin }), { asServer: true });
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(1);
		const host = new URL(sandbox().baseUrl).host;
		expect(proxy.seen).toEqual([expect.stringMatching(new RegExp(`^GET http://${host}/v1/mylists/\\d+$`))]);
	});

	test('without a proxy nothing goes through one', async () => {
		const run = await runAgainst(sandbox(), getList(), { asServer: true });
		expect(run.error).toBeUndefined();
		expect(proxy.seen).toEqual([]);
	});
});

describe('Ignore SSL Issues', () => {
	let api: Loopback;
	beforeAll(async () => {
		api = await startSelfSignedHttps((incoming, outgoing) => {
			outgoing.writeHead(incoming.headers['x-api-key'] === TEST_API_KEY ? 200 : 401, { 'Content-Type': 'application/json' });
			outgoing.end(JSON.stringify({ id: 7, name: 'Behind a self-signed certificate' }));
		});
	});
	afterAll(async () => await api.stop());

	const run = (requestOptions: INodeParameters) =>
		runLeadsopedia(
			{ resource: 'list', operation: 'get', listId: byId(7), requestOptions },
			{ baseUrl: `${api.origin}/v1`, asServer: true },
		);

	test('a self-signed certificate is refused by default', async () => {
		const result = await run({});
		expect(result.error?.message).toBe('Could not reach Leadsopedia to get list');
		expect(result.error?.description).toMatch(/SELF_SIGNED|certificate/i);
	});

	test('with Ignore SSL Issues the call goes through', async () => {
		const result = await run({ allowUnauthorizedCerts: true });
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json)).toEqual([{ id: 7, name: 'Behind a self-signed certificate' }]);
	});
});

test('a Timeout shorter than the credential’s applies to the API call', async () => {
	sandbox().control.injectFaults({ kind: 'slow', slowMs: 5000 });
	const started = Date.now();
	const run = await runAgainst(sandbox(), withOptions({ timeout: 300 }), { asServer: true, credentials: { timeout: 60 } });
	expect(Date.now() - started).toBeLessThan(3000);
	expect(run.error?.message).toBe('Could not reach Leadsopedia to get list');
	expect(run.error?.description).toMatch(/ECONNABORTED|ETIMEDOUT|timeout/i);
});

test('Batching spaces the input items on top of the pacing: n8n’s runner honours it', async () => {
	const run = await runAgainst(sandbox(), withOptions({ batching: { batch: { batchSize: 1, batchInterval: 400 } } }), {
		asServer: true,
		input: [{}, {}, {}],
	});
	expect(run.error).toBeUndefined();
	expect(run.items).toHaveLength(3);
	const starts = sandbox().control.requestLog().map((entry) => entry.startedAt);
	expect(starts).toHaveLength(3);
	for (let index = 1; index < starts.length; index++) expect(starts[index] - starts[index - 1]).toBeGreaterThanOrEqual(390);
});
