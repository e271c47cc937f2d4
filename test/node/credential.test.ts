import { createServer, type Socket } from 'node:net';
import { NodeHelpers } from 'n8n-workflow';
import { LeadsopediaApi } from '../../credentials/LeadsopediaApi.credentials';
import { freePort } from '../../e2e/processes';
import { testCredential } from '../helpers/credential-tester';
import { leadsopediaCredentials } from '../helpers/engine';
import { startSelfSignedHttps } from '../helpers/loopback';
import { BASE_URL, api, expectRefused, listRef, pairedTo, requestLines, run, useNock, v1 } from '../helpers/nock';

const account = { id: 1, name: 'Demo Ltd', status: 'active' };
const getAccount = { resource: 'account', operation: 'get' };
const credentialType = new LeadsopediaApi();

/** Whether the credential form shows the https notice for this Base URL (n8n's own display rules). */
function showsHttpsNotice(baseUrl: string): boolean {
	const notice = credentialType.properties.find((property) => property.type === 'notice');
	if (!notice) return false;
	return NodeHelpers.displayParameter({ ...leadsopediaCredentials(baseUrl) }, notice, null, null);
}

describe('Credential', () => {
	useNock();

	it.each([BASE_URL, `${BASE_URL}/`])('its test request is GET /account with the key header (base URL %s)', async (baseUrl) => {
		api().get(v1('/account')).reply(200, account);

		expect(await testCredential(leadsopediaCredentials(baseUrl))).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(requestLines()).toEqual(['GET /v1/account']);
	});

	it.each(['http://api.leadsopedia.test/v1', 'http://127.0.0.1.example.test/v1', 'ftp://api.leadsopedia.test/v1'])(
		'its test sends nothing to the non-https Base URL %s, and both the form and the test say why',
		async (baseUrl) => {
			const result = await testCredential(leadsopediaCredentials(baseUrl));

			expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/^The Base URL in the Leadsopedia credential must use https\b.*unencrypted/) });
			expect(result.message).toContain(new URL(baseUrl).origin);
			expect(requestLines()).toEqual([]);
			expect(showsHttpsNotice(baseUrl)).toBe(true);
		},
	);

	it('its test says a Base URL that is not a URL is not one, with no call', async () => {
		expect(await testCredential(leadsopediaCredentials('api.leadsopedia.com/v1'))).toEqual({
			status: 'Error',
			message: expect.stringMatching(/^The Base URL in the Leadsopedia credential is not a valid URL\. Use https:\/\/api\.leadsopedia\.com\/v1/),
		});
		expect(requestLines()).toEqual([]);
	});

	it('its test refuses a key too short to be one, with no call', async () => {
		expect(await testCredential(leadsopediaCredentials(BASE_URL, { apiKey: 'short-key' }))).toEqual({
			status: 'Error',
			message: expect.stringMatching(/too short to be a Leadsopedia key.*Settings → API Key/),
		});
		expect(requestLines()).toEqual([]);
	});

	it.each([BASE_URL, 'http://127.0.0.1:8080/v1', 'http://localhost:8080/v1', 'http://[::1]:8080/v1'])('the form shows no https notice for %s', (baseUrl) => {
		expect(showsHttpsNotice(baseUrl)).toBe(false);
	});

	it('its test says a rejected key is rejected, and where to copy the right one', async () => {
		api().get(v1('/account')).reply(401, { message: 'Invalid API key' });

		const result = await testCredential(leadsopediaCredentials(BASE_URL));

		expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/rejected the API key.*Settings → API Key/) });
		// One call of the month's quota, not a second one to try the key again.
		expect(requestLines()).toEqual(['GET /v1/account']);
	});

	it('its test says a key without access has no access', async () => {
		api().get(v1('/account')).reply(403, { message: 'Forbidden' });

		expect(await testCredential(leadsopediaCredentials(BASE_URL))).toEqual({ status: 'Error', message: expect.stringMatching(/no access to the Leadsopedia API/) });
	});

	it.each([
		[429, /rate limit for this key is reached.*Test again later/],
		[500, /server failed to answer.*test again in a few minutes/],
		[502, /server failed to answer/],
		[503, /server failed to answer/],
	])('its test says what an answer %s means for the key', async (status, message) => {
		api().get(v1('/account')).reply(status, 'Unavailable');

		expect(await testCredential(leadsopediaCredentials(BASE_URL))).toEqual({ status: 'Error', message: expect.stringMatching(message) });
	});

	it('its test says a Base URL without the API behind it is wrong', async () => {
		api().get(v1('/account')).reply(404, 'Not Found');

		expect(await testCredential(leadsopediaCredentials(BASE_URL))).toEqual({ status: 'Error', message: expect.stringMatching(/No Leadsopedia API at this Base URL/) });
	});

	it('its test says an answer the API never gives means the Base URL is not the API', async () => {
		api().get(v1('/account')).reply(418, 'I am a teapot');

		expect(await testCredential(leadsopediaCredentials(BASE_URL))).toEqual({
			status: 'Error',
			message: expect.stringMatching(/^The Base URL answered 418, an answer the Leadsopedia API never gives\. Check the Base URL/),
		});
	});

	it.each([
		['a web page', '<html><body>Welcome</body></html>'],
		['a JSON list', '[]'],
	])('its test does not pass a Base URL that answers 200 with %s', async (_what, body) => {
		api().get(v1('/account')).reply(200, body);

		expect(await testCredential(leadsopediaCredentials(BASE_URL))).toEqual({
			status: 'Error',
			message: expect.stringMatching(/^The Base URL answered, but not as the Leadsopedia API does\. Check the Base URL/),
		});
	});

	it('works with a trailing slash in the Base URL', async () => {
		api().get(v1('/account')).reply(200, account);

		const result = await run(getAccount, { baseUrl: `${BASE_URL}/` });

		expect(result.items).toEqual(pairedTo(0, [account]));
	});

	it.each(['http://127.0.0.1:8080/v1', 'http://localhost:8080/v1', 'http://[::1]:8080/v1'])(
		'allows plain http to the loopback address %s',
		async (baseUrl) => {
			api(new URL(baseUrl).origin).get(v1('/account')).reply(200, account);

			const result = await run(getAccount, { baseUrl });

			expect(result.items).toEqual(pairedTo(0, [account]));
		},
	);

	it.each(['http://api.leadsopedia.test/v1', 'http://127.0.0.1.example.test/v1', 'http://localhost.example.test/v1', 'ftp://api.leadsopedia.test/v1'])(
		'refuses the Base URL %s before any request',
		async (baseUrl) => {
			expectRefused(await run(getAccount, { baseUrl }), 'The Base URL in the Leadsopedia credential must use https');
		},
	);

	it('refuses a Base URL that is not a URL', async () => {
		expectRefused(await run(getAccount, { baseUrl: 'api.leadsopedia.com/v1' }), 'The Base URL in the Leadsopedia credential is not a valid URL');
	});

	it('refuses an empty API key before any request', async () => {
		expectRefused(await run({ resource: 'list', operation: 'get', listId: listRef('7') }, { credentials: { apiKey: '' } }), 'The Leadsopedia credential has no API key');
	});
});

describe('Credential test with the API unreachable', () => {
	it('says the API cannot be reached at the Base URL, and what to check', async () => {
		const baseUrl = `http://127.0.0.1:${await freePort()}/v1`;

		expect(await testCredential(leadsopediaCredentials(baseUrl))).toEqual({
			status: 'Error',
			message: `Could not reach the Leadsopedia API at ${new URL(baseUrl).origin} (ECONNREFUSED). Check the Base URL, and that this n8n can reach the internet.`,
		});
	});

	it('says a certificate it cannot trust is not trusted, and sends the key nowhere', async () => {
		let requests = 0;
		const selfSigned = await startSelfSignedHttps((_incoming, outgoing) => {
			requests++;
			outgoing.end('{}');
		});
		try {
			const result = await testCredential(leadsopediaCredentials(`${selfSigned.origin}/v1`));

			expect(result).toEqual({
				status: 'Error',
				message: expect.stringMatching(/^The certificate of https:\/\/127\.0\.0\.1:\d+ is not trusted \([A-Z_]+\), so the key was not sent\. Check the Base URL\.$/),
			});
			expect(requests).toBe(0);
		} finally {
			await selfSigned.stop();
		}
	});

	it('says how long it waited for an API that never answers', async () => {
		const held: Socket[] = [];
		const silent = createServer((socket) => void held.push(socket));
		await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
		const { port } = silent.address() as { port: number };
		try {
			const result = await testCredential(leadsopediaCredentials(`http://127.0.0.1:${port}/v1`, { timeout: 1 }));

			expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/^The Leadsopedia API at http:\/\/127\.0\.0\.1:\d+ did not answer within 1 second \(E[A-Z]+\)\. Check the Base URL/) });
		} finally {
			held.forEach((socket) => socket.destroy());
			await new Promise<void>((resolve) => silent.close(() => resolve()));
		}
	});
});
