import { NodeHelpers } from 'n8n-workflow';
import { LeadsopediaApi } from '../../credentials/LeadsopediaApi.credentials';
import { testCredential } from '../helpers/credential-tester';
import { leadsopediaCredentials } from '../helpers/engine';
import { api, requestLines, run, useNock } from '../helpers/nock';

// The credential form's https notice must show exactly when the nodes refuse the Base URL:
// URL schemes and host names are case-insensitive, and the nodes trim spaces around it.
const notice = new LeadsopediaApi().properties.find((property) => property.type === 'notice')!;
const showsHttpsNotice = (baseUrl: string) => NodeHelpers.displayParameter({ ...leadsopediaCredentials(baseUrl) }, notice, null, null);

const accepted = [
	'https://api.leadsopedia.test/v1',
	'HTTPS://api.leadsopedia.test/v1',
	'Https://API.Leadsopedia.test/v1/',
	' https://api.leadsopedia.test/v1 ',
	'http://LOCALHOST:8787/v1',
	'HTTP://localhost:8787/v1',
	'http://LocalHost:8787',
	'HTTP://127.0.0.1:8787/v1',
	'hTtP://[::1]:8787/v1',
	' http://127.0.0.1:8787/v1',
];
const refused = [
	'http://api.leadsopedia.test/v1',
	'HTTP://API.LEADSOPEDIA.TEST/v1',
	'http://LOCALHOST.example.test/v1',
	'http://127.0.0.1.example.test/v1',
	'http://localhost@api.leadsopedia.test/v1',
	'ftp://api.leadsopedia.test/v1',
	// Other spellings of 127.0.0.1 are refused by both, rather than told apart by a pattern.
	'http://127.1:8787/v1',
	'http://2130706433:8787/v1',
];

describe('the credential form’s https notice and the nodes agree on the Base URL', () => {
	useNock();

	it.each(accepted)('%j: no notice, and the Test button calls it', async (baseUrl) => {
		api(new URL(baseUrl.trim()).origin).get(/\/account$/).reply(200, { id: 1 });

		expect(showsHttpsNotice(baseUrl)).toBe(false);
		expect(await testCredential(leadsopediaCredentials(baseUrl))).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(requestLines()).toHaveLength(1);
	});

	it.each(refused)('%j: the notice shows, and the Test button and the node refuse it before any call', async (baseUrl) => {
		expect(showsHttpsNotice(baseUrl)).toBe(true);
		expect((await testCredential(leadsopediaCredentials(baseUrl))).message).toMatch(/must use https/);
		const node = await run({ resource: 'account', operation: 'get' }, { baseUrl });
		expect(node.error?.message).toBe('The Base URL in the Leadsopedia credential must use https');
		expect(requestLines()).toEqual([]);
	});
});
