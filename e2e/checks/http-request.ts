import assert from 'node:assert/strict';
import type { Sandbox } from '../../sandbox';
import { loopbackServer } from '../../test/helpers/loopback-server';
import { sandboxCredential, type CredentialJson } from '../environment';
import { fromBody, SANDBOX_CREDENTIAL, type WorkflowNode } from '../workflows';
import type { CheckGroup } from './context';

/** The sandbox credential with its Allowed Domains widened to the sandbox's loopback host. */
const LOOPBACK_ALLOWED = { id: 'leadsopediaLoop1', name: 'Leadsopedia sandbox, loopback allowed' };

const httpRequestCredentials = (sandbox: Sandbox): CredentialJson[] => {
	const credential = sandboxCredential(sandbox, { ...SANDBOX_CREDENTIAL, ...LOOPBACK_ALLOWED });
	return [{ ...credential, data: { ...credential.data, allowedHttpRequestDomains: 'domains', allowedDomains: '127.0.0.1' } }];
};

/** n8n's HTTP Request node sending the Leadsopedia credential to the URL in the webhook body. */
const httpRequest = (credential: { id: string; name: string }): WorkflowNode => ({
	name: 'HTTP Request',
	type: 'n8n-nodes-base.httpRequest',
	typeVersion: 4.2,
	parameters: { method: 'GET', url: fromBody('url'), authentication: 'predefinedCredentialType', nodeCredentialType: 'leadsopediaApi', options: {} },
	credentials: { leadsopediaApi: credential },
});

/** The credential in n8n's HTTP Request node: by default its key goes to the API's host only. */
export const httpRequestChecks: CheckGroup = {
	credentials: httpRequestCredentials,
	workflows: [
		{ path: 'http-request-default', parameters: {}, node: httpRequest(SANDBOX_CREDENTIAL) },
		{ path: 'http-request-loopback-allowed', parameters: {}, node: httpRequest(LOOPBACK_ALLOWED) },
	],

	async run({ runner, api, sandbox, workflowIds, call }) {
		const account = `${sandbox.baseUrl}/account`;
		await runner.check('HTTP Request node: by default the key goes to no host outside Allowed Domains', async () => {
			// A typed URL on another host that redirects to a third (the sandbox).
			const typed = await loopbackServer(() => ({ status: 302, headers: { Location: account } }));
			try {
				sandbox.control.clearLog();
				const response = await api.webhook('http-request-default', { url: `${typed.origin}/collect` });
				assert.notEqual(response.status, 200, await response.text());
				const [execution] = await api.executions(workflowIds.get('http-request-default') as string);
				assert.match(String(execution?.data?.resultData.error?.message), /Domain not allowed/);
				assert.ok(!JSON.stringify(execution).includes(sandbox.apiKey), 'the key appears in the execution data');
				assert.deepEqual(sandbox.control.requestLog(), [], 'the redirect was followed');
				// n8n 2 checks the typed URL; n8n 1 checks only where a redirect leads.
				assert.equal(typed.seen.length, runner.section.startsWith('n8n 1.') ? 1 : 0, 'requests to the typed host');
			} finally {
				await typed.stop();
			}
		});
		await runner.check('HTTP Request node: a host added to Allowed Domains is reached with the key', async () => {
			const [answer] = await call('http-request-loopback-allowed', { url: account });
			assert.equal(typeof answer.id, 'number', JSON.stringify(answer));
		});
	},
};
