import { createServer } from 'node:net';
import { NodeHelpers, type ICredentialDataDecryptedObject } from 'n8n-workflow';
import { LeadsopediaApi } from '../../credentials/LeadsopediaApi.credentials';
import { testCredential as runCredentialTest } from '../helpers/credential-tester';
import { leadsopediaCredentials } from '../helpers/engine';
import { BASE_URL, api, expectRefused, listRef, pairedTo, requestLines, run, useNock, v1 } from '../helpers/nock';

const account = { id: 1, name: 'Demo Ltd', status: 'active' };
const getAccount = { resource: 'account', operation: 'get' };
const credentialType = new LeadsopediaApi();
const testCredential = (credentials: ICredentialDataDecryptedObject) => runCredentialTest(credentialType.test, credentials);

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
		'its test sends nothing to the non-https Base URL %s, and the form says why',
		async (baseUrl) => {
			expect((await testCredential(leadsopediaCredentials(baseUrl))).status).toBe('Error');
			expect(requestLines()).toEqual([]);
			expect(showsHttpsNotice(baseUrl)).toBe(true);
		},
	);

	it.each([BASE_URL, 'http://127.0.0.1:8080/v1', 'http://localhost:8080/v1', 'http://[::1]:8080/v1'])('the form shows no https notice for %s', (baseUrl) => {
		expect(showsHttpsNotice(baseUrl)).toBe(false);
	});

	it('its test says a rejected key is rejected, and where to copy the right one', async () => {
		// n8n itself sends a request answered 401 a second time, after its pre-authentication step.
		api().get(v1('/account')).times(2).reply(401, { message: 'Invalid API key' });

		const result = await testCredential(leadsopediaCredentials(BASE_URL));

		expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/rejected the API key.*Settings → API Key/) });
	});

	it('its test says a key without access has no access', async () => {
		api().get(v1('/account')).reply(403, { message: 'Forbidden' });

		expect(await testCredential(leadsopediaCredentials(BASE_URL))).toEqual({ status: 'Error', message: expect.stringMatching(/no access to the Leadsopedia API/) });
	});

	it('its test says a Base URL without the API behind it is wrong', async () => {
		api().get(v1('/account')).reply(404, 'Not Found');

		expect(await testCredential(leadsopediaCredentials(BASE_URL))).toEqual({ status: 'Error', message: expect.stringMatching(/No Leadsopedia API at this Base URL/) });
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
	/** A loopback port nothing listens on: taken from the OS, then freed. */
	async function closedPort(): Promise<number> {
		const server = createServer();
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const { port } = server.address() as { port: number };
		await new Promise<void>((resolve) => server.close(() => resolve()));
		return port;
	}

	it('fails with the network code (n8n applies the rules to answers only)', async () => {
		const baseUrl = `http://127.0.0.1:${await closedPort()}/v1`;

		expect(await testCredential(leadsopediaCredentials(baseUrl))).toEqual({ status: 'Error', message: 'ECONNREFUSED' });
	});
});
