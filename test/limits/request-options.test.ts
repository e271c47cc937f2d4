import type { INodeParameters } from 'n8n-workflow';
import { runLeadsopedia, TEST_API_KEY } from '../helpers/engine';
import { startProxy, startSelfSignedHttps, type Loopback, type Proxy } from '../helpers/loopback';
import { recordWaits } from '../helpers/waits';
import { byId, listNamed, runAgainst, useSandbox } from './sandbox-run';

// n8n adds Request Options (Batching, Ignore SSL Issues, Proxy, Timeout) to a declarative
// node when it loads it: every run here loads the node as the server does.
const sandbox = useSandbox();
const waits = recordWaits();

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
	const run = await runAgainst(sandbox(), withOptions({ timeout: 300 }), { asServer: true, credentials: { timeout: 60 } });
	// The node gave up before the API answered: the call is still open in the sandbox's log.
	const [call] = sandbox().control.requestLog();
	expect(call.durationMs).toBeUndefined();
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
	// n8n's runner waited the Batching interval before the 2nd and 3rd items (no pacing here:
	// Seconds Between Calls is 0). Every item is checked before the first call, so the calls
	// start once the last item is in, and the node then keeps n8n's spacing: it asks a wait of
	// about the interval before the 2nd and 3rd calls, and each call comes after its wait. Gaps
	// between arrivals are not compared: on a busy machine an earlier arrival can be late.
	const asked = waits();
	const runners = asked.filter((wait) => wait.owner === 'n8n-core');
	expect(runners.map((wait) => wait.ms)).toEqual([400, 400]);
	const lastItemIn = runners[1].endedAt ?? Infinity;
	expect(starts[0]).toBeGreaterThanOrEqual(lastItemIn);
	const spacing = asked.filter((wait) => wait.owner === 'n8n-workflow' && wait.askedAt >= lastItemIn);
	expect(spacing).toHaveLength(2);
	spacing.forEach((wait, index) => {
		expect(wait.ms).toBeGreaterThan(300);
		expect(wait.endedAt).toBeLessThanOrEqual(starts[index + 1]);
	});
});
