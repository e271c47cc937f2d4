import { ExecuteContext, RoutingNode } from 'n8n-core';
import {
	createEmptyRunExecutionData,
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentialTestRequest,
	type INodeCredentialTestResult,
	type INodeType,
} from 'n8n-workflow';
import { LeadsopediaApi } from '../../credentials/LeadsopediaApi.credentials';
import { additionalData, nodeWithCredential } from './engine';
import { nodeTypes, registerNodeType } from './node-types';

interface TestError {
	message: string;
	cause?: { response?: { status: number; statusText?: string }; code?: string };
}

/** The dialog's verdict on a failed test, worked out as n8n 2.40.7's runRequestTest does. */
function verdictOnError(error: TestError, test: ICredentialTestRequest): INodeCredentialTestResult {
	const response = error.cause?.response;
	if (response) {
		const rule = (test.rules ?? []).find((r) => r.type === 'responseCode' && r.properties.value === response.status);
		if (rule) return { status: 'Error', message: rule.properties.message };
		if (response.status < 199 || response.status > 299) {
			return { status: 'Error', message: response.statusText || `Received HTTP status code: ${response.status}` };
		}
	} else if (error.cause?.code) {
		return { status: 'Error', message: error.cause.code };
	}
	return { status: 'Error', message: String(error.message) };
}

/**
 * What n8n's "Test" button in the credential dialog does with a declarative `test`
 * (n8n `services/credentials-tester.service.js`, runRequestTest): a temporary node whose
 * only property routes the test request, run by RoutingNode in an execute context with
 * the decrypted credential, then the answer turned into the dialog's message.
 */
export async function testCredential(
	credentials: ICredentialDataDecryptedObject,
	test: ICredentialTestRequest = new LeadsopediaApi().test,
): Promise<INodeCredentialTestResult> {
	const nodeType: INodeType = {
		description: {
			displayName: 'Credential Test',
			name: 'credentialTest',
			group: ['transform'],
			version: 1,
			description: 'Sends a credential’s test request',
			defaults: { name: 'Temp-Node' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: 'leadsopediaApi', required: true }],
			properties: [{ displayName: 'Temp', name: 'temp', type: 'string', default: '', routing: { request: test.request } }],
		},
	};
	registerNodeType('test.credentialTest', nodeType);
	const node = nodeWithCredential('temp', 'Temp-Node', 'test.credentialTest', {});
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData(credentials),
		'internal',
		createEmptyRunExecutionData(),
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	const decrypted = { id: 'cred-1', name: 'Leadsopedia account', type: 'leadsopediaApi', data: credentials };
	try {
		await new RoutingNode(context, nodeType, decrypted).runNode();
	} catch (thrown) {
		return verdictOnError(thrown as TestError, test);
	}
	return { status: 'OK', message: 'Connection successful!' };
}
