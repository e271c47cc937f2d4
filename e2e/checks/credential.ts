import assert from 'node:assert/strict';
import { SANDBOX_CREDENTIAL } from '../workflows';
import type { CheckGroup } from './context';

/** The credential's Test button, as the editor calls it. */
export const credentialChecks: CheckGroup = {
	async run({ runner, api, sandbox }) {
		await runner.check('credential test succeeds with a good key', async () => {
			const result = await api.testCredential(SANDBOX_CREDENTIAL, { apiKey: sandbox.apiKey, baseUrl: sandbox.baseUrl });
			assert.equal(result.status, 'OK', JSON.stringify(result));
		});
		await runner.check('credential test fails with a bad key, without showing it', async () => {
			const badKey = 'SBXnotTheRightKey000000';
			const result = await api.testCredential(SANDBOX_CREDENTIAL, { apiKey: badKey, baseUrl: sandbox.baseUrl });
			assert.equal(result.status, 'Error', JSON.stringify(result));
			assert.ok(!JSON.stringify(result).includes(badKey), 'the key appears in the test result');
		});
	},
};
