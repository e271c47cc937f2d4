import { WorkflowExecute } from 'n8n-core';
import { Workflow, type ICredentialDataDecryptedObject, type INodeType } from 'n8n-workflow';
import { LeadsopediaApi } from '../../credentials/LeadsopediaApi.credentials';
import { additionalData } from './engine';
import { registerNodeType, nodeTypes } from './node-types';

/**
 * What n8n's "Test credential" button does with a declarative `test.request`
 * (credentials-tester.service.ts): a node with no request defaults whose one property
 * routes that request, run with the credential.
 */
const credentialTester: INodeType = {
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
		properties: [{ displayName: 'Temp', name: 'temp', type: 'string', default: '', routing: { request: new LeadsopediaApi().test.request } }],
	},
};
registerNodeType('test.credentialTest', credentialTester);

/** Runs the credential's test request through RoutingNode; the task shows success or the error the dialog reports. */
export async function testCredential(credentials: ICredentialDataDecryptedObject) {
	const workflow = new Workflow({
		nodes: [
			{
				id: 'temp',
				name: 'Temp-Node',
				type: 'test.credentialTest',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
				credentials: { leadsopediaApi: { id: 'cred-1', name: 'Leadsopedia account' } },
			},
		],
		connections: {},
		active: false,
		nodeTypes,
	});
	const result = await new WorkflowExecute(additionalData(credentials), 'internal').run({ workflow });
	return result.data.resultData.runData['Temp-Node'][0];
}
