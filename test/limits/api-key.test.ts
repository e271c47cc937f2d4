import { testCredential } from '../helpers/credential-tester';
import { leadsopediaCredentials, runLeadsopedia, TEST_API_KEY } from '../helpers/engine';
import { loopbackServer, type LoopbackServer } from '../helpers/loopback-server';

const getAccount = { resource: 'account', operation: 'get' };
const account = { id: 1, name: 'Demo Ltd', status: 'active' };

/** Like an API that names the key it refuses: what a redaction that misses the key would show. */
const echoesTheKey = (_path: string, headers: Record<string, unknown>) =>
	headers['x-api-key'] === TEST_API_KEY
		? { status: 401, body: JSON.stringify({ message: `Unknown key ${String(headers['x-api-key'])}` }) }
		: { status: 400, body: JSON.stringify({ message: 'malformed key header' }) };

let server: LoopbackServer;
afterEach(async () => server?.stop());

const padded: Array<[string, string]> = [
	['spaces around it', `  ${TEST_API_KEY}  `],
	['a trailing newline', `${TEST_API_KEY}\n`],
	['a leading tab and a trailing space', `\t${TEST_API_KEY} `],
];

describe.each(padded)('a key saved with %s', (_name, apiKey) => {
	it('is sent trimmed, and an error text that names it shows it redacted', async () => {
		server = await loopbackServer(echoesTheKey);

		const run = await runLeadsopedia(getAccount, { baseUrl: `${server.origin}/v1`, credentials: { apiKey } });

		expect(server.seen.map((headers) => headers['x-api-key'])).toEqual([TEST_API_KEY]);
		expect(run.error?.httpCode).toBe('401');
		expect(run.error?.description).toBe('Unknown key ***');
		expect(run.serialized).not.toContain(TEST_API_KEY);
	});

	it('passes the credential test, the key sent trimmed', async () => {
		server = await loopbackServer(() => ({ status: 200, body: JSON.stringify(account) }));

		const verdict = await testCredential(leadsopediaCredentials(`${server.origin}/v1`, { apiKey }));

		expect(verdict.status).toBe('OK');
		expect(server.seen.map((headers) => headers['x-api-key'])).toEqual([TEST_API_KEY]);
	});
});

describe('a key shorter than 16 characters', () => {
	it.each(['e', 'ab', ' a ', 'fifteen-chars-x'])('(%j) is refused before any call, with a message that is not mangled', async (apiKey) => {
		server = await loopbackServer(() => ({ status: 401, body: JSON.stringify({ message: 'Invalid API key' }) }));

		const run = await runLeadsopedia(getAccount, { baseUrl: `${server.origin}/v1`, credentials: { apiKey } });

		expect(server.seen).toEqual([]);
		expect(run.error?.message).toBe('The API key in the Leadsopedia credential is too short to be a Leadsopedia key');
		expect(run.error?.description).toBe(
			'Leadsopedia API keys are at least 16 characters long. Copy the whole key from Leadsopedia under Settings → API Key.',
		);
	});

	it('of exactly 16 characters is used', async () => {
		const apiKey = 'sixteen-chars-ok';
		server = await loopbackServer((_path, headers) => ({ status: headers['x-api-key'] === apiKey ? 200 : 401, body: JSON.stringify(account) }));

		const run = await runLeadsopedia(getAccount, { baseUrl: `${server.origin}/v1`, credentials: { apiKey } });

		expect(run.error).toBeUndefined();
		expect(run.items.map((item) => item.json)).toEqual([account]);
	});
});
