import assert from 'node:assert/strict';
import type { Sandbox } from '../../sandbox';
import { sandboxCredential, type CredentialJson } from '../environment';
import { fromBody, idFromBody, SANDBOX_CREDENTIAL } from '../workflows';
import type { CheckGroup, Context } from './context';

const WRONG_KEY = 'SBXwrongWrongWrong12345';
const WRONG_CREDENTIAL = { id: 'leadsopediaBad01', name: 'Leadsopedia wrong key' };
const OTHER_CREDENTIAL = { id: 'leadsopediaOth01', name: 'Leadsopedia other account' };

/** A credential with a key the sandbox does not know, and one of another account. */
const errorCredentials = (sandbox: Sandbox): CredentialJson[] => [
	sandboxCredential(sandbox, { ...SANDBOX_CREDENTIAL, ...WRONG_CREDENTIAL }, WRONG_KEY),
	sandboxCredential(sandbox, { ...SANDBOX_CREDENTIAL, ...OTHER_CREDENTIAL }, sandbox.otherApiKey),
];

export interface RecordedError {
	message?: string;
	description?: string;
	name?: string;
	httpCode?: string | null;
}

/**
 * Calls a workflow expected to fail and answers the error n8n recorded for its execution,
 * after checking that no key (the sandbox's, or `otherKeys`) appears anywhere in that
 * execution's saved data.
 */
export async function recordedError({ api, sandbox, workflowIds }: Context, path: string, body: Record<string, unknown>, otherKeys: string[] = []): Promise<RecordedError> {
	const response = await api.webhook(path, body);
	assert.notEqual(response.status, 200, `the workflow succeeded: ${(await response.text()).slice(0, 300)}`);
	const [execution] = await api.executions(workflowIds.get(path) as string);
	assert.equal(execution?.status, 'error', `latest execution: ${JSON.stringify(execution)?.slice(0, 300)}`);
	const saved = JSON.stringify(execution);
	for (const key of [sandbox.apiKey, sandbox.otherApiKey, WRONG_KEY, ...otherKeys]) assert.ok(!saved.includes(key), 'an API key appears in the execution data');
	return (execution.data?.resultData.error ?? {}) as RecordedError;
}

export async function failure(context: Context, path: string, body: Record<string, unknown>): Promise<string> {
	return String((await recordedError(context, path, body)).message);
}

/** Node errors as a user meets them in n8n: a clear message, and never the key. */
export const errorChecks: CheckGroup = {
	credentials: errorCredentials,
	workflows: [
		{ path: 'error-not-found', parameters: { resource: 'contact', operation: 'get', listId: idFromBody('listId'), identifyBy: 'id', contactId: fromBody('contactId') } },
		{ path: 'error-bad-email', parameters: { resource: 'contact', operation: 'get', listId: idFromBody('listId'), identifyBy: 'email', email: fromBody('email') } },
		{ path: 'error-wrong-key', parameters: { resource: 'account', operation: 'get' }, credential: WRONG_CREDENTIAL },
		{ path: 'error-no-access', parameters: { resource: 'list', operation: 'get', listId: idFromBody('listId') }, credential: OTHER_CREDENTIAL },
	],

	async run(context) {
		const { runner, sandbox: { control } } = context;
		const [demoList] = control.lists('demo');

		await runner.check('error: a missing contact says not found', async () => {
			assert.match(await failure(context, 'error-not-found', { listId: demoList.id, contactId: 999999 }), /not found/i);
		});
		await runner.check('error: a bad email is refused, naming the field, before any call', async () => {
			control.clearLog();
			const error = await recordedError(context, 'error-bad-email', { listId: demoList.id, email: 'not-an-email' });
			assert.match(String(error.message), /email/i);
			// The node's own error, not an API answer ("From Leadsopedia – Error code: none").
			assert.deepEqual([error.name, error.httpCode ?? undefined], ['NodeOperationError', undefined]);
			assert.deepEqual(control.requestLog(), []);
		});
		await runner.check('error: a wrong API key says so, without the key', async () => {
			assert.match(await failure(context, 'error-wrong-key', {}), /API key/i);
		});
		await runner.check("error: another account's list says no access", async () => {
			assert.match(await failure(context, 'error-no-access', { listId: demoList.id }), /no access/i);
		});
	},
};
