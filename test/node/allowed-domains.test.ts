import {
	getCredentialAllowedDomains,
	injectDomainRestrictionFields,
	isDomainAllowed,
	NodeHelpers,
	type ICredentialDataDecryptedObject,
	type INode,
	type INodeParameters,
} from 'n8n-workflow';
import { LeadsopediaApi } from '../../credentials/LeadsopediaApi.credentials';
import { testCredential } from '../helpers/credential-tester';
import { leadsopediaCredentials, runLeadsopedia, TEST_API_KEY } from '../helpers/engine';
import { loopbackServer, type LoopbackServer } from '../helpers/loopback-server';

const credentialType = new LeadsopediaApi();
/** The credential's fields as n8n's loader offers them (it adds its domain fields unless a credential has them). */
const properties = injectDomainRestrictionFields(credentialType);

/** A credential saved before these fields existed, as n8n's credentials helper hands it out: with the defaults filled in. */
function asSaved(data: ICredentialDataDecryptedObject): ICredentialDataDecryptedObject {
	return NodeHelpers.getNodeParameters(properties, data as INodeParameters, true, false, null, null) as ICredentialDataDecryptedObject;
}

const httpRequestNode = { name: 'HTTP Request', type: 'n8n-nodes-base.httpRequest', typeVersion: 4.2 } as INode;
const account = { id: 1, name: 'Demo Ltd', status: 'active' };

describe('Allowed HTTP Request Domains', () => {
	it('n8n keeps the credential’s own fields: one of each, limited to the API’s host by default', () => {
		expect(properties.filter((property) => property.name === 'allowedHttpRequestDomains')).toEqual([
			expect.objectContaining({ default: 'domains' }),
		]);
		expect(properties.filter((property) => property.name === 'allowedDomains')).toEqual([
			expect.objectContaining({ default: 'api.leadsopedia.com' }),
		]);
	});

	it('by default, lets the HTTP Request node send the key to the API’s host only', () => {
		const saved = asSaved({ apiKey: TEST_API_KEY, baseUrl: 'https://api.leadsopedia.com/v1' });

		// What the HTTP Request node asks n8n before it sends a request with a predefined credential.
		const allowedDomains = getCredentialAllowedDomains({ node: httpRequestNode, credentialData: saved, surface: 'HTTP Request' });

		expect(allowedDomains).toBe('api.leadsopedia.com');
		const allowed = (url: string) => isDomainAllowed({ url, allowedDomains: String(allowedDomains) });
		expect(allowed('https://api.leadsopedia.com/v1/account')).toBe(true);
		expect(allowed('https://attacker.example/collect')).toBe(false);
		expect(allowed('https://api.leadsopedia.com.attacker.example/v1')).toBe(false);
	});

	describe('does not stop the Leadsopedia nodes or the Test button reaching another Base URL', () => {
		let server: LoopbackServer;
		beforeEach(async () => {
			server = await loopbackServer(() => ({ status: 200, body: JSON.stringify(account) }));
		});
		afterEach(async () => server.stop());

		it('the credential test', async () => {
			const verdict = await testCredential(asSaved(leadsopediaCredentials(`${server.origin}/v1`)));

			expect(verdict.status).toBe('OK');
			expect(server.seen).toHaveLength(1);
		});

		it('the node', async () => {
			const { allowedHttpRequestDomains, allowedDomains } = asSaved({});
			const run = await runLeadsopedia(
				{ resource: 'account', operation: 'get' },
				{ baseUrl: `${server.origin}/v1`, credentials: { allowedHttpRequestDomains, allowedDomains } },
			);

			expect(run.error).toBeUndefined();
			expect(run.items.map((item) => item.json)).toEqual([account]);
		});
	});
});
