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

const at5 = (inserted: string) => `${TEST_API_KEY.slice(0, 5)}${inserted}${TEST_API_KEY.slice(5)}`;

// Characters nobody sees in a pasted key: the API gets the key without them, and nothing the
// user sees shows the key, whichever form of it the API echoes.
const invisible: Array<[string, string]> = [
	['spaces around it', `  ${TEST_API_KEY}  `],
	['a trailing newline', `${TEST_API_KEY}\n`],
	['a leading tab and a trailing space', `\t${TEST_API_KEY} `],
	['a zero-width space inside', at5('\u200B')],
	['a zero-width joiner at the end', `${TEST_API_KEY}\u200D`],
	['a zero-width non-joiner and a word joiner', at5('\u200C\u2060')],
	['a line feed inside', at5('\n')],
	['a carriage return and line feed at the end', `${TEST_API_KEY}\r\n`],
	['a tab inside', at5('\t')],
	['a non-breaking space inside', at5('\u00A0')],
	['a byte-order mark in front', `\uFEFF${TEST_API_KEY}`],
	['a soft hyphen inside', at5('\u00AD')],
];

describe.each(invisible)('a key saved with %s', (_name, apiKey) => {
	it('is sent without it, and the API’s echo of the key is redacted in the error and the execution data', async () => {
		server = await loopbackServer(echoesTheKey);

		const run = await runLeadsopedia(getAccount, { baseUrl: `${server.origin}/v1`, credentials: { apiKey } });

		expect(server.seen.map((headers) => headers['x-api-key'])).toEqual([TEST_API_KEY]);
		expect(run.error?.httpCode).toBe('401');
		expect(run.error?.description).toBe('Unknown key ***');
		expect(run.serialized).not.toContain(TEST_API_KEY.slice(5));
	});

	it('passes the credential test, sent without it', async () => {
		server = await loopbackServer(() => ({ status: 200, body: JSON.stringify(account) }));

		const verdict = await testCredential(leadsopediaCredentials(`${server.origin}/v1`, { apiKey }));

		expect(verdict.status).toBe('OK');
		expect(server.seen.map((headers) => headers['x-api-key'])).toEqual([TEST_API_KEY]);
	});
});

const wrong: Array<[string, string, string, number]> = [
	['a letter with an accent', `${TEST_API_KEY}é`, 'U+00E9', TEST_API_KEY.length + 1],
	['a Cyrillic letter that looks Latin', at5('а'), 'U+0430', 6],
	['a control character', at5('\u0007'), 'U+0007', 6],
	['an emoji, after a zero-width space', `\u200B${at5('😀')}`, 'U+1F600', 7],
];

describe.each(wrong)('a key saved with %s', (_title, apiKey, character, position) => {
	const message = 'The API key in the Leadsopedia credential has a character no Leadsopedia key has';
	const description = `Character ${position} of the key is ${character}. Copy the key again from Leadsopedia under Settings → API Key.`;

	it('is refused before any call, naming the character and where it is, never the key', async () => {
		server = await loopbackServer(echoesTheKey);

		const run = await runLeadsopedia(getAccount, { baseUrl: `${server.origin}/v1`, credentials: { apiKey } });

		expect(server.seen).toEqual([]);
		expect({ message: run.error?.message, description: run.error?.description }).toEqual({ message, description });
		expect(run.serialized).not.toContain(TEST_API_KEY.slice(5));
	});

	it('is refused by the Test button the same way', async () => {
		server = await loopbackServer(echoesTheKey);

		expect(await testCredential(leadsopediaCredentials(`${server.origin}/v1`, { apiKey }))).toEqual({ status: 'Error', message: `${message}. ${description}` });
		expect(server.seen).toEqual([]);
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
