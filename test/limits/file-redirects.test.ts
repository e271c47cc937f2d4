import type { IDataObject } from 'n8n-workflow';
import { runLeadsopedia, TEST_API_KEY } from '../helpers/engine';
import { startHttpHost, type Loopback } from '../helpers/loopback';
import { API_ORIGIN, api, keylessHost, requests, run, useNock, v1 } from '../helpers/nock';

// Download File and the file host's redirects: followed at most 5 times, only to https,
// never to a loopback, private or link-local address (cloud metadata at 169.254.169.254)
// unless the export link itself is on this machine, and never with the key.
const FILES = 'https://files.leadsopedia.test';
const CSV = 'id,email\n1,ada@example.com\n';
const SECRET = 'instance-role-credentials';
const POLICY = 'Redirects are followed at most 5 times, only to https, and never to a loopback, private or link-local address (except from an export link on this machine, such as the sandbox\'s, to this machine).';

const getFile = () => run({ resource: 'download', operation: 'getFile', downloadId: '17', binaryPropertyName: 'data' });
const exportLink = (url: string) => api().get(v1('/downloads/17')).reply(200, { id: 17, filename: 'leads.csv', extension: 'csv', url });
const fileText = (item: { binary?: IDataObject }) => Buffer.from(String((item.binary?.data as IDataObject).data), 'base64').toString();

describe('a redirect from the file host', () => {
	useNock();

	const refused: Array<[string, string, string]> = [
		['cloud metadata over http', 'http://169.254.169.254/latest/meta-data/', 'that is a private, link-local or local-network address'],
		['cloud metadata over https', 'https://169.254.169.254/latest/meta-data/', 'that is a private, link-local or local-network address'],
		['metadata as a decimal number', 'https://2852039166/latest/', 'that is a private, link-local or local-network address'],
		['metadata in hex', 'https://0xa9.0xfe.0xa9.0xfe/latest/', 'that is a private, link-local or local-network address'],
		['metadata in octal', 'https://0251.0376.0251.0376/latest/', 'that is a private, link-local or local-network address'],
		['metadata as IPv4-mapped IPv6', 'https://[::ffff:169.254.169.254]/latest/', 'that is a private, link-local or local-network address'],
		['metadata by its internal name', 'https://metadata.google.internal/computeMetadata/v1/', 'that is a private, link-local or local-network address'],
		['a single-label name', 'https://metadata/latest/', 'that is a private, link-local or local-network address'],
		['IPv6 link-local', 'https://[fe80::1]/x', 'that is a private, link-local or local-network address'],
		['IPv6 unique local', 'https://[fd12:3456::1]/x', 'that is a private, link-local or local-network address'],
		['10.x', 'https://10.0.0.5/x', 'that is a private, link-local or local-network address'],
		['172.16.x', 'https://172.16.4.2/x', 'that is a private, link-local or local-network address'],
		['192.168.x', 'https://192.168.1.10/x', 'that is a private, link-local or local-network address'],
		['carrier-grade NAT', 'https://100.64.0.1/x', 'that is a private, link-local or local-network address'],
		['0.0.0.0', 'https://0.0.0.0/x', 'that is a private, link-local or local-network address'],
		['127.0.0.1', 'https://127.0.0.1/x', 'that is this machine (a loopback address)'],
		['127.1', 'https://127.1/x', 'that is this machine (a loopback address)'],
		['127.0.0.1 as a decimal number', 'https://2130706433/x', 'that is this machine (a loopback address)'],
		['localhost in capitals, with a trailing dot', 'https://LOCALHOST./x', 'that is this machine (a loopback address)'],
		['a name under .localhost', 'https://api.localhost/x', 'that is this machine (a loopback address)'],
		['IPv6 loopback', 'https://[::1]/x', 'that is this machine (a loopback address)'],
		['IPv6 loopback written out', 'https://[0:0:0:0:0:0:0:1]/x', 'that is this machine (a loopback address)'],
		['IPv4-mapped loopback', 'https://[::ffff:127.0.0.1]/x', 'that is this machine (a loopback address)'],
		['a scheme-relative link to metadata', '//169.254.169.254/latest/', 'that is a private, link-local or local-network address'],
		['plain http on a public host (a downgrade)', 'http://cdn.leadsopedia.test/leads.csv', 'it is not https'],
		['another scheme', 'ftp://cdn.leadsopedia.test/leads.csv', 'it is not https'],
	];

	it.each(refused)('to %s (%s) is not followed, and the item says why', async (_title, location, reason) => {
		exportLink(`${FILES}/exports/17.csv`);
		keylessHost(FILES).get('/exports/17.csv').reply(302, '', { Location: location });
		// What the target would answer if it were asked: it must not be.
		const target = new URL(location, FILES);
		if (target.protocol.startsWith('http')) keylessHost(target.origin).get(/.*/).optionally().reply(200, SECRET);

		const result = await getFile();

		expect(result.error?.message).toBe(`The file link redirected to ${target.origin}, which is not followed`);
		expect(result.error?.description).toBe(`Not followed because ${reason}. ${POLICY}`);
		expect(requests().map((request) => request.origin)).toEqual([API_ORIGIN, FILES]);
		expect(result.serialized).not.toContain(SECRET);
	});

	it('that names no valid address is not followed', async () => {
		exportLink(`${FILES}/exports/17.csv`);
		keylessHost(FILES).get('/exports/17.csv').reply(302, '', { Location: 'https://[not-an-address/x' });

		const result = await getFile();

		expect(result.error?.message).toBe('The file link redirected to an invalid address, which is not followed');
		expect(result.error?.description).toBe(`Not followed because it names no valid address. ${POLICY}`);
	});

	/** A chain of `hops` redirects over public https hosts, ending in the file. */
	function chain(hops: number): void {
		exportLink(`${FILES}/exports/17.csv`);
		let from = `${FILES}/exports/17.csv`;
		for (let hop = 1; hop <= hops; hop++) {
			const to = `https://cdn${hop}.leadsopedia.test/leads.csv?signature=${hop}`;
			const { origin, pathname } = new URL(from);
			keylessHost(origin).get(`${pathname}${new URL(from).search}`).reply(hop === 1 ? 302 : 307, '', { Location: to });
			from = to;
		}
		const last = new URL(from);
		keylessHost(last.origin).get(`${last.pathname}${last.search}`).optionally(hops > 5).reply(200, CSV, { 'Content-Type': 'text/csv' });
	}

	it.each([1, 2, 5])('%i https hops to public hosts are followed, without the key, and the file arrives', async (hops) => {
		chain(hops);

		const result = await getFile();

		expect(result.error).toBeUndefined();
		expect(fileText(result.items[0])).toBe(CSV);
		expect(requests()).toHaveLength(hops + 2);
		for (const request of requests().slice(1)) expect(request.headers['x-api-key']).toBeUndefined();
	});

	it('a 6th redirect is not followed', async () => {
		chain(6);

		const result = await getFile();

		expect(result.error?.message).toBe('The file link redirected to https://cdn6.leadsopedia.test, which is not followed');
		expect(result.error?.description).toBe(`Not followed because it is redirect number 6. ${POLICY}`);
		expect(requests()).toHaveLength(7);
	});

	it('a file on the API’s own origin (sent with the key) that redirects to a CDN is followed without the key', async () => {
		exportLink(`${API_ORIGIN}/v1/downloads/17/file`);
		api().get(v1('/downloads/17/file')).reply(302, '', { Location: 'https://cdn.leadsopedia.test/leads.csv' });
		keylessHost('https://cdn.leadsopedia.test').get('/leads.csv').reply(200, CSV, { 'Content-Type': 'text/csv' });

		const result = await getFile();

		expect(result.error).toBeUndefined();
		expect(fileText(result.items[0])).toBe(CSV);
		expect(requests().map((request) => request.headers['x-api-key'])).toEqual([TEST_API_KEY, TEST_API_KEY, undefined]);
	});

	it('that leads back to the API’s origin gets no key there', async () => {
		exportLink(`${FILES}/exports/17.csv`);
		keylessHost(FILES).get('/exports/17.csv').reply(302, '', { Location: `${API_ORIGIN}/v1/account` });
		keylessHost(API_ORIGIN).get('/v1/account').reply(401, { message: 'no key' });

		const result = await getFile();

		expect(result.error?.message).toBe('The file link answered 401 to download file');
		expect(result.serialized).not.toContain(TEST_API_KEY);
	});
});

describe('an export link on this machine (the sandbox)', () => {
	let api: Loopback;
	let files: Loopback;
	let other: Loopback;
	let link: () => string;
	beforeAll(async () => {
		other = await startHttpHost((_incoming, outgoing) => outgoing.writeHead(200, { 'Content-Type': 'text/csv' }).end(CSV));
		files = await startHttpHost((incoming, outgoing) => {
			const location = incoming.url === '/to-loopback' ? `${other.origin}/leads.csv` : 'http://10.0.0.5/leads.csv';
			outgoing.writeHead(302, { Location: location }).end();
		});
		api = await startHttpHost((_incoming, outgoing) => {
			outgoing.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ id: 17, filename: 'leads.csv', extension: 'csv', url: link() }));
		});
	});
	afterAll(async () => {
		await Promise.all([api.stop(), files.stop(), other.stop()]);
	});
	const getLoopbackFile = () =>
		runLeadsopedia({ resource: 'download', operation: 'getFile', downloadId: '17', binaryPropertyName: 'data' }, { baseUrl: `${api.origin}/v1` });

	it('may redirect over plain http to another port of this machine', async () => {
		link = () => `${files.origin}/to-loopback`;

		const result = await getLoopbackFile();

		expect(result.error).toBeUndefined();
		expect(fileText(result.items[0])).toBe(CSV);
	});

	it('may not redirect to the local network', async () => {
		link = () => `${files.origin}/to-private`;

		const result = await getLoopbackFile();

		expect(result.error?.message).toBe('The file link redirected to http://10.0.0.5, which is not followed');
	});
});
