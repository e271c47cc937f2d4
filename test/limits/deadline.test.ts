import type { IncomingMessage, ServerResponse } from 'node:http';
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { testCredential } from '../helpers/credential-tester';
import { leadsopediaCredentials, runLeadsopedia, TEST_API_KEY } from '../helpers/engine';
import { startHttpHost, type Loopback } from '../helpers/loopback';

// A server that sends one byte every 250 ms never trips an idle timeout. Each exchange must
// end by its total deadline all the same: the API calls and the Test button by Timeout, the
// file host by Max Download Time. Asserted without clocks: the deadline the code asked for
// (recorded from AbortSignal.timeout) and that the client hung up while the server still had
// bytes to send.
const BYTES = 40; // 10 s of trickle: far beyond every deadline below

interface Trickle {
	/** Resolves when the connection closes: true when the client hung up before the last byte. */
	hungUpEarly: Promise<boolean>;
	closed(early: boolean): void;
}

function newTrickle(): Trickle {
	let closed: (early: boolean) => void = () => undefined;
	const hungUpEarly = new Promise<boolean>((resolve) => (closed = resolve));
	return { hungUpEarly, closed };
}

/** Answers 200 with `body` preceded by spaces, one byte every 250 ms. */
function trickle(state: Trickle, contentType: string, body: string) {
	return (incoming: IncomingMessage, outgoing: ServerResponse) => {
		outgoing.writeHead(200, { 'Content-Type': contentType });
		let sent = 0;
		const timer = setInterval(() => {
			sent += 1;
			if (sent < BYTES) outgoing.write(' ');
			else {
				clearInterval(timer);
				outgoing.end(body);
			}
		}, 250);
		incoming.socket.on('close', () => {
			clearInterval(timer);
			state.closed(sent < BYTES);
		});
	};
}

let asked: number[];
beforeEach(() => {
	asked = [];
	const timeout = AbortSignal.timeout.bind(AbortSignal);
	jest.spyOn(AbortSignal, 'timeout').mockImplementation((ms: number) => {
		asked.push(ms);
		return timeout(ms);
	});
});
afterEach(() => jest.restoreAllMocks());

describe('an API that trickles its answer', () => {
	let api: Loopback;
	let state: Trickle;
	beforeEach(async () => {
		state = newTrickle();
		api = await startHttpHost(trickle(state, 'application/json', JSON.stringify({ id: 1 })));
	});
	afterEach(async () => api.stop());

	test('a node call ends by the credential’s Timeout, as a call that got no answer', async () => {
		const run = await runLeadsopedia({ resource: 'account', operation: 'get' }, { baseUrl: `${api.origin}/v1`, credentials: { timeout: 1 }, asServer: true });

		expect(run.error?.message).toBe('Could not reach Leadsopedia to get account');
		expect(run.error?.description).toBe('No complete answer arrived within 1 s (ETIMEDOUT). Check the Base URL and the network.');
		expect(asked).toContain(1000);
		expect(await state.hungUpEarly).toBe(true);
		expect(run.serialized).not.toContain(TEST_API_KEY);
	});

	test('a retried call gets the whole Timeout again on each try', async () => {
		const run = await runLeadsopedia({ resource: 'account', operation: 'get' }, { baseUrl: `${api.origin}/v1`, credentials: { timeout: 1, maxTries: 2, maxRetryWait: 1 }, asServer: true });

		expect(run.error?.description).toBe('No complete answer arrived within 1 s (ETIMEDOUT, 2 tries). Check the Base URL and the network.');
		expect(asked.filter((ms) => ms === 1000)).toHaveLength(2);
	});

	test('the Test button ends by the credential’s Timeout', async () => {
		const verdict = await testCredential(leadsopediaCredentials(`${api.origin}/v1`, { timeout: 1 }));

		expect(verdict).toEqual({
			status: 'Error',
			message: `The Leadsopedia API at ${api.origin} did not answer within 1 second (ETIMEDOUT). Check the Base URL, or raise Timeout if the network is slow.`,
		});
		expect(asked).toContain(1000);
		expect(await state.hungUpEarly).toBe(true);
	});
});

describe('a file host that trickles the file', () => {
	let fileHost: Loopback;
	let api: Loopback;
	let state: Trickle;
	let fileOnApiOrigin: boolean;
	let sendFile: (incoming: IncomingMessage, outgoing: ServerResponse) => void;
	beforeEach(async () => {
		state = newTrickle();
		fileOnApiOrigin = false;
		sendFile = trickle(state, 'text/csv', 'id,email\n');
		fileHost = await startHttpHost((incoming, outgoing) => sendFile(incoming, outgoing));
		api = await startHttpHost((incoming, outgoing) => {
			if (incoming.url === '/v1/downloads/17') {
				const url = fileOnApiOrigin ? `${api.origin}/v1/downloads/17/file` : `${fileHost.origin}/leads.csv`;
				outgoing.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ id: 17, filename: 'leads.csv', extension: 'csv', url }));
			} else sendFile(incoming, outgoing);
		});
	});
	afterEach(async () => {
		await fileHost.stop();
		await api.stop();
	});

	const getFile = (options: INodeParameters, credentials: IDataObject = {}) =>
		runLeadsopedia(
			{ resource: 'download', operation: 'getFile', downloadId: '17', binaryPropertyName: 'data', options },
			{ baseUrl: `${api.origin}/v1`, credentials, asServer: true },
		);

	test.each([
		['on another host', false],
		['on the API’s own origin', true],
	])('%s: Download File ends by Max Download Time, not by the longer Timeout', async (_title, onApiOrigin) => {
		fileOnApiOrigin = onApiOrigin;

		const run = await getFile({ maxDownloadTime: 1 }, { timeout: 60 });

		expect(run.error?.message).toBe('The file host did not send the whole file within the Max Download Time of 1 s');
		expect(run.error?.description).toMatch(/^\d+ bytes had arrived\. If the file is this large and its host this slow, raise Options → Max Download Time\.$/);
		expect(asked).toContain(1000);
		expect(await state.hungUpEarly).toBe(true);
	});

	test.each([
		['on another host', false],
		['on the API’s own origin', true],
	])('%s: a file host that stalls mid-file fails after the Timeout, long before Max Download Time', async (_title, onApiOrigin) => {
		fileOnApiOrigin = onApiOrigin;
		sendFile = (_incoming, outgoing) => {
			outgoing.writeHead(200, { 'Content-Type': 'text/csv' });
			outgoing.write('id,email\n');
		};

		const run = await getFile({}, { timeout: 1 });

		expect(run.error?.message).toBe('The file host broke off the file after 9 bytes');
		expect(asked).toEqual(expect.arrayContaining([600_000, 1000]));
	});

	test('Max Download Time is 600 s unless set, and a file within it arrives whole', async () => {
		sendFile = (_incoming, outgoing) => outgoing.writeHead(200, { 'Content-Type': 'text/csv' }).end('id,email\n');

		const run = await getFile({}, { timeout: 60 });

		expect(run.error).toBeUndefined();
		expect(Buffer.from(run.items[0].binary!.data.data, 'base64').toString()).toBe('id,email\n');
		expect(asked).toContain(600_000);
	});
});
