import { testCredential } from '../helpers/credential-tester';
import { leadsopediaCredentials, TEST_API_KEY } from '../helpers/engine';
import { loopbackServer } from '../helpers/loopback-server';

describe.each([301, 302, 307, 308])('the credential test answered %i to another loopback port', (status) => {
	it('does not follow it: the other server never sees the key, and the test does not succeed', async () => {
		const elsewhere = await loopbackServer(() => ({ status: 200, body: JSON.stringify({ id: 1, name: 'Not Leadsopedia' }) }));
		const api = await loopbackServer((path) => ({ status, headers: { Location: `${elsewhere.origin}${path}` } }));
		try {
			const verdict = await testCredential(leadsopediaCredentials(`${api.origin}/v1`));

			expect(api.seen).toHaveLength(1);
			expect(api.seen[0]['x-api-key']).toBe(TEST_API_KEY);
			expect(elsewhere.seen).toEqual([]);
			expect(verdict).toEqual({
				status: 'Error',
				message: `The Base URL answered with a redirect (${status}) to ${elsewhere.origin}. The key is never sent on a redirect: enter the API's own address as the Base URL.`,
			});
			expect(JSON.stringify(verdict)).not.toContain(TEST_API_KEY);
		} finally {
			await api.stop();
			await elsewhere.stop();
		}
	});
});
