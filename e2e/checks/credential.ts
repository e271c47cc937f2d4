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
		await runner.check('credential test fails with a bad key and says what is wrong, without showing the key', async () => {
			const badKey = 'SBXnotTheRightKey000000';
			const result = await api.testCredential(SANDBOX_CREDENTIAL, { apiKey: badKey, baseUrl: sandbox.baseUrl });
			assert.equal(result.status, 'Error', JSON.stringify(result));
			// n8n 2.x shows the credential's rule for a 401; n8n 1.123 never reaches the rules for it and says this itself.
			const expected = /rejected the API key.*Settings → API Key|^Authorization failed - please check your credentials$/;
			assert.match(result.message, expected, `the dialog says what is wrong: ${JSON.stringify(result)}`);
			assert.ok(!JSON.stringify(result).includes(badKey), 'the key appears in the test result');
		});
	},
};
