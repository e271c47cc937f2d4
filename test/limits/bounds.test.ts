import { LeadsopediaApi } from '../../credentials/LeadsopediaApi.credentials';
import { testCredential } from '../helpers/credential-tester';
import { leadsopediaCredentials, runLeadsopedia } from '../helpers/engine';
import { startHttpHost, type Loopback } from '../helpers/loopback';
import { loopbackServer, type LoopbackServer } from '../helpers/loopback-server';

// Node's timers hold at most 2^31 - 1 ms (about 24.8 days); a longer one fires after 1 ms.
// A Timeout or Max Wait typed to mean "never" must neither fail at once nor retry at once.
const NEVER = 9_999_999;
const getAccount = { resource: 'account', operation: 'get' };
let server: LoopbackServer;
afterEach(async () => server?.stop());

describe('a Timeout meant as "never" waits for an answer that comes after 200 ms', () => {
	// A timer that overflowed to 1 ms would have given up long before the answer.
	let slow: Loopback;
	beforeAll(async () => {
		slow = await startHttpHost((_incoming, outgoing) => {
			setTimeout(() => outgoing.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ id: 1 })), 200);
		});
	});
	afterAll(async () => slow.stop());

	test('the Test button, with the credential’s Timeout at 9,999,999 s', async () => {
		expect(await testCredential(leadsopediaCredentials(`${slow.origin}/v1`, { timeout: NEVER }))).toEqual({ status: 'OK', message: 'Connection successful!' });
	});

	test.each([
		['the credential’s Timeout at 9,999,999 s', {}, { timeout: NEVER }],
		['the node’s Request Options Timeout at 9,999,999,000 ms', { requestOptions: { timeout: NEVER * 1000 } }, {}],
	])('a node call, with %s', async (_title, parameters, credentials) => {
		const run = await runLeadsopedia({ ...getAccount, ...parameters }, { baseUrl: `${slow.origin}/v1`, credentials, asServer: true });

		expect(run.error).toBeUndefined();
		expect(run.items.map((item) => item.json)).toEqual([{ id: 1 }]);
	});
});

test('a Max Wait of 9,999,999 s does not turn a 30-day Retry-After into an instant retry', async () => {
	const thirtyDays = String(30 * 24 * 60 * 60);
	server = await loopbackServer(() => ({ status: 429, headers: { 'Retry-After': thirtyDays }, body: JSON.stringify({ message: 'Too many requests' }) }));

	const run = await runLeadsopedia(getAccount, { baseUrl: `${server.origin}/v1`, credentials: { maxRetryWait: NEVER, maxTries: 3 } });

	// Max Wait holds at most a day: a longer Retry-After is a spent quota, not a wait.
	expect(run.error?.message).toBe('The monthly quota of Leadsopedia API calls is spent');
	expect(server.seen).toHaveLength(1);
});

test('Seconds Between Calls of 9,999,999 spaces calls by the bound (an hour), not by a timer that fires at once', async () => {
	// The waits asked for are recorded; one of an hour or more is shortened to keep the test quick.
	const asked: number[] = [];
	const realSetTimeout = global.setTimeout;
	jest.spyOn(global, 'setTimeout').mockImplementation(((callback: () => void, ms?: number) => {
		asked.push(Number(ms));
		return realSetTimeout(callback, Number(ms) >= 1_000_000 ? 20 : ms);
	}) as typeof setTimeout);
	server = await loopbackServer(() => ({ status: 200, body: JSON.stringify({ id: 1 }) }));

	const run = await runLeadsopedia(getAccount, { baseUrl: `${server.origin}/v1`, credentials: { requestInterval: NEVER }, input: [{}, {}] });

	jest.restoreAllMocks();
	expect(run.error).toBeUndefined();
	expect(server.seen).toHaveLength(2);
	const longest = Math.max(...asked);
	expect(longest).toBeLessThanOrEqual(3_600_000);
	expect(longest).toBeGreaterThan(3_590_000);
});

test('the credential form bounds the seconds and tries it takes', () => {
	const maxOf = (name: string) => new LeadsopediaApi().properties.find((property) => property.name === name)?.typeOptions?.maxValue;
	expect({
		requestInterval: maxOf('requestInterval'),
		maxTries: maxOf('maxTries'),
		maxRetryWait: maxOf('maxRetryWait'),
		timeout: maxOf('timeout'),
	}).toEqual({ requestInterval: 3600, maxTries: 10, maxRetryWait: 86_400, timeout: 3600 });
});
