import { CredentialTestContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestFunction,
	ICredentialType,
	INodeCredentialTestResult,
	INodeType,
} from 'n8n-workflow';
import { LeadsopediaApi } from '../../credentials/LeadsopediaApi.credentials';
import { Leadsopedia } from '../../nodes/Leadsopedia/Leadsopedia.node';
import { LeadsopediaTrigger } from '../../nodes/Leadsopedia/LeadsopediaTrigger.node';
import { additionalData } from './engine';

/**
 * The function n8n's Test button runs for the credential, found as n8n 2.40.7's
 * getCredentialTestFunction finds it (services/credentials-tester.service.js): a `test` on
 * the credential wins; otherwise the first node naming the credential with `testedBy`
 * supplies it from `methods.credentialTest`.
 */
function testFunction(): ICredentialTestFunction {
	const credentialType: ICredentialType = new LeadsopediaApi();
	if (credentialType.test) throw new Error('the credential declares a test: n8n would run it and never the nodes\' function');
	const nodes: INodeType[] = [new Leadsopedia(), new LeadsopediaTrigger()];
	for (const node of nodes) {
		const testedBy = node.description.credentials?.find((credential) => credential.name === 'leadsopediaApi')?.testedBy;
		if (typeof testedBy === 'string') {
			const test = node.methods?.credentialTest?.[testedBy];
			if (!test) throw new Error(`${node.description.name} names the test ${testedBy} but has no such method`);
			return test;
		}
	}
	throw new Error('no node names a test for the credential');
}

/**
 * What the credential dialog's Test button shows: the test function called in n8n-core's
 * CredentialTestContext with the decrypted credential, as n8n's testCredentials does.
 */
export async function testCredential(credentials: ICredentialDataDecryptedObject): Promise<INodeCredentialTestResult> {
	const context = new CredentialTestContext(additionalData(credentials));
	const decrypted = { id: 'cred-1', name: 'Leadsopedia account', type: 'leadsopediaApi', data: credentials };
	return await testFunction().call(context, decrypted);
}
