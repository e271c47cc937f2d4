import type { IncomingMessage, ServerResponse } from 'node:http';
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { runLeadsopedia, TEST_API_KEY } from '../helpers/engine';
import { startHttpHost, startProxy, type Loopback } from '../helpers/loopback';

// Download File against a loopback API and a loopback file host (another origin), so that
// each test decides how the file host behaves: silent, slow, big, with or without a length.
const MB = 1024 * 1024;
let api: Loopback;
let fileHost: Loopback;
let fileAnswer: (incoming: IncomingMessage, outgoing: ServerResponse) => void;
let fileUrl: () => string;

beforeAll(async () => {
	fileHost = await startHttpHost((incoming, outgoing) => fileAnswer(incoming, outgoing));
	api = await startHttpHost((incoming, outgoing) => {
		if (incoming.url === '/v1/downloads/17' && incoming.headers['x-api-key'] === TEST_API_KEY) {
			outgoing.writeHead(200, { 'Content-Type': 'application/json' });
			outgoing.end(JSON.stringify({ id: 17, filename: 'leads.csv', extension: 'csv', url: fileUrl() }));
		} else if (incoming.url === '/v1/downloads/17/file' && incoming.headers['x-api-key'] === TEST_API_KEY) {
			fileAnswer(incoming, outgoing);
		} else {
			outgoing.writeHead(404).end();
		}
	});
});
beforeEach(() => (fileUrl = () => `${fileHost.origin}/exports/leads.csv`));
afterAll(async () => {
	await fileHost.stop();
	await api.stop();
});

const never = () => undefined;
/** `size` bytes of CSV-ish text, with a Content-Length header or chunked without one. */
const bytes = (size: number, withLength: boolean) => (_incoming: IncomingMessage, outgoing: ServerResponse) => {
	outgoing.writeHead(200, { 'Content-Type': 'text/csv', ...(withLength ? { 'Content-Length': String(size) } : {}) });
	const chunk = Buffer.alloc(64 * 1024, 'a');
	for (let sent = 0; sent < size; sent += chunk.length) outgoing.write(chunk.subarray(0, Math.min(chunk.length, size - sent)));
	outgoing.end();
};

function getFile(extra: INodeParameters = {}, credentials: IDataObject = {}, stop?: Promise<unknown>) {
	return runLeadsopedia(
		{ resource: 'download', operation: 'getFile', downloadId: '17', binaryPropertyName: 'data', ...extra },
		{ baseUrl: `${api.origin}/v1`, credentials, asServer: true, stop },
	);
}

// No upper bounds on time (a busy machine stretches any): a Timeout not applied shows in the
// message, which names the seconds waited.
describe('Timeout on the file host', () => {
	test('a file host that never answers fails the execution after the credential’s Timeout, clearly', async () => {
		fileAnswer = never;
		const started = Date.now();
		const run = await getFile({}, { timeout: 1 });
		expect(run.error?.message).toBe('The file host did not answer within 1 s');
		expect(run.error?.description).toMatch(/Timeout/);
		// Not before it: a busy machine only delays a timer.
		expect(Date.now() - started).toBeGreaterThanOrEqual(900);
	});

	test('a shorter Timeout in Request Options applies to the file host too', async () => {
		fileAnswer = never;
		const run = await getFile({ requestOptions: { timeout: 300 } }, { timeout: 60 });
		expect(run.error?.message).toBe('The file host did not answer within 0.3 s');
	});


	test('a file host that stalls in the middle of the file fails after the Timeout, clearly', async () => {
		fileAnswer = (_incoming, outgoing) => {
			outgoing.writeHead(200, { 'Content-Type': 'text/csv' });
			outgoing.write('id,email\n');
		};
		const run = await getFile({}, { timeout: 1 });
		expect(run.error?.message).toMatch(/^The file host broke off the file after 9 bytes/);
	});
});

describe('Max File Size', () => {
	test.each([
		['states a Content-Length over it', true],
		['streams more than it without a length', false],
	])('a file host that %s fails with a clear error', async (_title, withLength) => {
		fileAnswer = bytes(3 * MB, withLength);
		const run = await getFile({ options: { maxFileSize: 1 } });
		expect(run.error?.message).toBe('The file is larger than the Max File Size of 1 MB');
		expect(run.items).toEqual([]);
	});

	test('the cap also holds for a file on the API’s own origin', async () => {
		fileUrl = () => `${api.origin}/v1/downloads/17/file`;
		fileAnswer = bytes(3 * MB, false);
		const run = await getFile({ options: { maxFileSize: 1 } });
		expect(run.error?.message).toBe('The file is larger than the Max File Size of 1 MB');
	});

	test('a file within the cap (default 100 MB) arrives whole', async () => {
		fileAnswer = bytes(3 * MB, false);
		const run = await getFile();
		expect(run.error).toBeUndefined();
		expect(Buffer.from(run.items[0].binary!.data.data, 'base64')).toHaveLength(3 * MB);
	});
});

test('Proxy in Request Options carries the API call and the file download', async () => {
	const proxy = await startProxy();
	try {
		fileAnswer = bytes(10, true);
		const run = await getFile({ requestOptions: { proxy: proxy.origin } });
		expect(run.error).toBeUndefined();
		expect(proxy.seen).toEqual([`GET ${api.origin}/v1/downloads/17`, `GET ${fileHost.origin}/exports/leads.csv`]);
	} finally {
		await proxy.stop();
	}
});

test('Stop while the file host keeps the node waiting ends the node, not its Timeout', async () => {
	let asked = false;
	fileAnswer = () => (asked = true);
	const stop = new Promise((resolve) => {
		const check = () => (asked ? resolve(undefined) : setTimeout(check, 5));
		check();
	});
	// The Stop's own error, not the Timeout's, and within the test's limit, far under the 60 s Timeout.
	const run = await getFile({}, { timeout: 60 }, stop);
	expect(run.error?.message).toBe('The execution was stopped');
});
