import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import {
	Workflow,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type IRun,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { LeadsopediaApi } from '../../credentials/LeadsopediaApi.credentials';
import { TestCredentialsHelper } from './credentials-helper';
import { nodeTypes, serverNodeTypes } from './node-types';

export const TEST_API_KEY = 'test-key-3f9a1c7e5b';

/**
 * Pacing and retries are off unless a test turns them on: most tests count calls and map
 * single answers; the limits-and-retries tests set these fields themselves.
 */
export function leadsopediaCredentials(baseUrl: string, extra: IDataObject = {}): ICredentialDataDecryptedObject {
	return { apiKey: TEST_API_KEY, baseUrl, requestInterval: 0, maxTries: 1, ...extra };
}

/** What n8n's server supplies to an execution: hooks, credentials, the two waiting URLs. */
export function additionalData(credentials: ICredentialDataDecryptedObject): IWorkflowExecuteAdditionalData {
	const credentialsHelper = new TestCredentialsHelper({ leadsopediaApi: new LeadsopediaApi() }, { leadsopediaApi: credentials });
	return {
		credentialsHelper,
		hooks: new ExecutionLifecycleHooks('manual', 'test-execution', {
			id: 'test-workflow',
			name: 'test',
			active: false,
			nodes: [],
			connections: {},
			isArchived: false,
			activeVersionId: null,
			createdAt: new Date(),
			updatedAt: new Date(),
		}),
		webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
		formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		variables: {},
		userId: 'test-user',
		currentNodeParameters: undefined,
		executionTimeoutTimestamp: undefined,
	} as unknown as IWorkflowExecuteAdditionalData;
}

export interface NodeRun {
	items: INodeExecutionData[];
	/** The node's error as the workflow reports it, when the run failed. */
	error?: { message: string; description?: string | null; httpCode?: string | null; name?: string } & IDataObject;
	/** Everything the execution produced, serialised: for searching secrets. */
	serialized: string;
}

export interface RunOptions {
	baseUrl: string;
	credentials?: IDataObject;
	input?: IDataObject[];
	continueOnFail?: boolean;
	/** Load the node as the n8n server does: with Request Options and the Stop signal. */
	asServer?: boolean;
	/** Press Stop on the execution when this settles (needs `asServer` to reach the node). */
	stop?: Promise<unknown>;
	/** The node's Settings → Execute Once. */
	executeOnce?: boolean;
}

/** A node of a test workflow that uses the test's Leadsopedia credential. */
export function nodeWithCredential(id: string, name: string, type: string, parameters: INodeParameters): INode {
	return { id, name, type, typeVersion: 1, position: [0, 0], parameters, credentials: { leadsopediaApi: { id: 'cred-1', name: 'Leadsopedia account' } } };
}

/** Runs Start → Leadsopedia through n8n-core's WorkflowExecute, as a manual execution does. */
export async function runLeadsopedia(parameters: INodeParameters, options: RunOptions): Promise<NodeRun> {
	const nodes: INode[] = [
		{
			id: 'start',
			name: 'Start',
			type: 'test.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: { items: JSON.stringify(options.input ?? [{}]) },
		},
		{
			...nodeWithCredential('leadsopedia', 'Leadsopedia', 'n8n-nodes-leadsopedia.leadsopedia', parameters),
			position: [200, 0],
			...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
			...(options.executeOnce ? { executeOnce: true } : {}),
		},
	];
	const workflow = new Workflow({
		id: 'test-workflow',
		nodes,
		connections: { Start: { main: [[{ node: 'Leadsopedia', type: 'main', index: 0 }]] } },
		active: false,
		nodeTypes: options.asServer ? serverNodeTypes : nodeTypes,
	});
	const credentials = leadsopediaCredentials(options.baseUrl, options.credentials);
	let run: IRun;
	try {
		const execution = new WorkflowExecute(additionalData(credentials), 'manual').run({ workflow });
		void options.stop?.then(() => execution.cancel());
		run = await execution;
	} catch (thrown) {
		// n8n refuses some input before the node runs (for example a resource locator that
		// fails its regex): the user sees that refusal as the workflow's error.
		const error = thrown as Error;
		return { items: [], error: { message: error.message, name: error.name }, serialized: JSON.stringify({ message: error.message }) };
	}
	const taskData = run.data.resultData.runData.Leadsopedia?.[0];
	const error = (taskData?.error ?? run.data.resultData.error) as NodeRun['error'];
	return {
		items: taskData?.data?.main[0] ?? [],
		error: error ? { ...error, message: error.message, description: error.description } : undefined,
		// Built on demand: serialising a run of 100,000 items is costly and only key searches need it.
		get serialized() {
			return JSON.stringify(run, (_key, value: unknown) =>
				value instanceof Error ? { ...value, message: value.message, stack: value.stack } : value,
			);
		},
	};
}
