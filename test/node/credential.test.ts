import { leadsopediaCredentials } from '../helpers/engine';
import { testCredential } from '../helpers/credential-test';
import { BASE_URL, api, expectRefused, listRef, pairedTo, requestLines, run, useNock, v1 } from '../helpers/nock';

const account = { id: 1, name: 'Demo Ltd', status: 'active' };
const getAccount = { resource: 'account', operation: 'get' };

describe('Credential', () => {
	useNock();

	it.each([BASE_URL, `${BASE_URL}/`])('its test request is GET /account with the key header (base URL %s)', async (baseUrl) => {
		api().get(v1('/account')).reply(200, account);

		const task = await testCredential(leadsopediaCredentials(baseUrl));

		expect(task.error).toBeUndefined();
		expect(task.data?.main[0]).toEqual([{ json: account, pairedItem: { item: 0 } }]);
		expect(requestLines()).toEqual(['GET /v1/account']);
	});

	it.each(['http://api.leadsopedia.test/v1', 'http://127.0.0.1.example.test/v1', 'ftp://api.leadsopedia.test/v1'])(
		'its test sends nothing to the non-https Base URL %s',
		async (baseUrl) => {
			const task = await testCredential(leadsopediaCredentials(baseUrl));

			expect(task.error).toBeDefined();
			expect(requestLines()).toEqual([]);
		},
	);

	it('its test fails on a rejected key', async () => {
		// n8n itself sends a request answered 401 a second time, after its pre-authentication step.
		api().get(v1('/account')).times(2).reply(401, { message: 'Invalid API key' });

		const task = await testCredential(leadsopediaCredentials(BASE_URL));

		expect(task.error).toMatchObject({ httpCode: '401' });
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
