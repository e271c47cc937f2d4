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

test('the credential form bounds the seconds and tries it takes', () => {
	const maxOf = (name: string) => new LeadsopediaApi().properties.find((property) => property.name === name)?.typeOptions?.maxValue;
	expect({
		requestInterval: maxOf('requestInterval'),
		maxTries: maxOf('maxTries'),
		maxRetryWait: maxOf('maxRetryWait'),
		timeout: maxOf('timeout'),
	}).toEqual({ requestInterval: 3600, maxTries: 10, maxRetryWait: 86_400, timeout: 3600 });
});
