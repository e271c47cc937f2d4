import { testCredential } from '../helpers/credential-tester';
import { leadsopediaCredentials, runLeadsopedia, TEST_API_KEY } from '../helpers/engine';
import { loopbackServer, type LoopbackServer } from '../helpers/loopback-server';

// A key pasted with characters nobody sees. The API (here: one that names the key it
// refuses, as an error body may) must get the key without them, and nothing the user sees
// may show the key, whichever form of it the API echoes.
const getAccount = { resource: 'account', operation: 'get' };
const at5 = (inserted: string) => `${TEST_API_KEY.slice(0, 5)}${inserted}${TEST_API_KEY.slice(5)}`;

let server: LoopbackServer;
afterEach(async () => server?.stop());

const echoesTheKey = (_path: string, headers: Record<string, unknown>) => ({
	status: 401,
	body: JSON.stringify({ message: `Unknown key ${String(headers['x-api-key'])}` }),
});

const invisible: Array<[string, string]> = [
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

describe.each(invisible)('a key saved with %s', (_title, apiKey) => {
	it('is sent without it, and the API’s echo of the key is redacted in the error and the execution data', async () => {
		server = await loopbackServer(echoesTheKey);

		const run = await runLeadsopedia(getAccount, { baseUrl: `${server.origin}/v1`, credentials: { apiKey } });

		expect(server.seen.map((headers) => headers['x-api-key'])).toEqual([TEST_API_KEY]);
		expect(run.error?.httpCode).toBe('401');
		expect(run.error?.description).toBe('Unknown key ***');
		expect(run.serialized).not.toContain(TEST_API_KEY.slice(5));
	});

	it('passes the Test button, sent without it', async () => {
		server = await loopbackServer(() => ({ status: 200, body: JSON.stringify({ id: 1 }) }));

		expect(await testCredential(leadsopediaCredentials(`${server.origin}/v1`, { apiKey }))).toEqual({ status: 'OK', message: 'Connection successful!' });
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
