import assert from 'node:assert/strict';
import { freePort } from '../processes';
import { SANDBOX_CREDENTIAL } from '../workflows';
import type { CheckGroup } from './context';

/** The credential's Test button, as the editor calls it. */
export const credentialChecks: CheckGroup = {
	async run({ runner, api, sandbox }) {
		const { control } = sandbox;
		const test = (data: Record<string, unknown>) => api.testCredential(SANDBOX_CREDENTIAL, { apiKey: sandbox.apiKey, baseUrl: sandbox.baseUrl, ...data });

		await runner.check('credential test succeeds with a good key', async () => {
			const result = await test({});
			assert.equal(result.status, 'OK', JSON.stringify(result));
		});
		await runner.check('credential test fails with a bad key, says where to copy the right one, in one call and without the key', async () => {
			const badKey = 'SBXnotTheRightKey000000';
			control.clearLog();
			const result = await test({ apiKey: badKey });
			assert.equal(result.status, 'Error', JSON.stringify(result));
			assert.match(result.message, /rejected the API key.*Settings → API Key/, `the dialog says what is wrong: ${JSON.stringify(result)}`);
			assert.ok(!JSON.stringify(result).includes(badKey), 'the key appears in the test result');
			assert.deepEqual(control.requestLog().map((entry) => entry.path), ['/v1/account']);
		});
		await runner.check('credential test refuses an http Base URL on another host, saying it must be https, with no call', async () => {
			control.clearLog();
			const result = await test({ baseUrl: 'http://api.leadsopedia.test/v1' });
			assert.equal(result.status, 'Error', JSON.stringify(result));
			assert.match(result.message, /must use https.*http:\/\/api\.leadsopedia\.test.*unencrypted/, JSON.stringify(result));
			assert.deepEqual(control.requestLog(), []);
		});
		await runner.check('credential test with the API unreachable names where it looked and what to check', async () => {
			const origin = `http://127.0.0.1:${await freePort()}`;
			const result = await test({ baseUrl: `${origin}/v1` });
			assert.deepEqual(result, {
				status: 'Error',
				message: `Could not reach the Leadsopedia API at ${origin} (ECONNREFUSED). Check the Base URL, and that this n8n can reach the internet.`,
			});
		});
	},
};
