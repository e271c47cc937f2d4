import type { IncomingMessage, ServerResponse } from 'node:http';
import { startHttpHost, type Loopback } from '../../test/helpers/loopback';

/** The key the stand-in API accepts; the credential saves it with invisible characters around and in it. */
export const STAND_IN_KEY = 'SBXstandInKey0123456789';

/** A trickle: one byte every 250 ms, for longer than any case waits. */
const TRICKLE_BYTES = 240;
const TRICKLE_EVERY_MS = 250;

/** What one of the stand-ins saw of a request. */
export interface Seen {
	path: string;
	/** The X-Api-Key header as it arrived, if any. */
	key?: string;
}

/** A trickled answer: whether the client hung up before its last byte, and after how many. */
export interface Trickle {
	path: string;
	closed: boolean;
	hungUp: boolean;
	bytesSent: number;
}

/**
 * An API and a file host on two loopback origins, answering what the sandbox never does:
 * a 401 that quotes the key it got, bodies trickled a byte at a time, file links that
 * redirect (to this machine, or to the cloud metadata address), a same-origin file link
 * refused with the key quoted.
 */
export interface StandInHosts {
	api: Loopback;
	files: Loopback;
	seen: Seen[];
	trickles: Trickle[];
	/** Download ids the stand-in API knows, by what their file link does. */
	downloads: { redirected: number; toMetadata: number; trickled: number; refusedWithKey: number; onApiOrigin: number };
	/** The file the redirected link ends at, and the one on the API's origin. */
	fileContent: string;
	/** How GET /v1/account answers the right key: set by each case. */
	accountAnswer: 'ok' | 'rejected' | 'trickled';
	stop(): Promise<void>;
}

function trickle(path: string, outgoing: ServerResponse, trickles: Trickle[], contentType: string): void {
	const record: Trickle = { path, closed: false, hungUp: false, bytesSent: 0 };
	trickles.push(record);
	outgoing.writeHead(200, { 'Content-Type': contentType });
	const timer = setInterval(() => {
		outgoing.write(record.bytesSent === 0 && contentType.includes('json') ? '{' : ' ');
		if (++record.bytesSent < TRICKLE_BYTES) return;
		clearInterval(timer);
		outgoing.end(contentType.includes('json') ? '}' : '');
	}, TRICKLE_EVERY_MS);
	outgoing.on('close', () => {
		clearInterval(timer);
		record.closed = true;
		record.hungUp = !outgoing.writableFinished;
	});
}

const json = (outgoing: ServerResponse, status: number, body: unknown) => {
	outgoing.writeHead(status, { 'Content-Type': 'application/json' });
	outgoing.end(JSON.stringify(body));
};

export async function startStandInHosts(): Promise<StandInHosts> {
	const seen: Seen[] = [];
	const trickles: Trickle[] = [];
	const fileContent = 'email,first_name\nredirected@example.com,Red\n';
	const downloads = { redirected: 1, toMetadata: 2, trickled: 3, refusedWithKey: 4, onApiOrigin: 5 };
	const state: Pick<StandInHosts, 'accountAnswer'> = { accountAnswer: 'ok' };
	const record = (incoming: IncomingMessage) => {
		const key = incoming.headers['x-api-key'];
		seen.push({ path: String(incoming.url), ...(typeof key === 'string' ? { key } : {}) });
		return typeof key === 'string' ? key : '';
	};

	const files = await startHttpHost((incoming, outgoing) => {
		record(incoming);
		const path = String(incoming.url);
		// Two hops on this machine, the second relative, then the file.
		if (path === '/hop/2') return void outgoing.writeHead(302, { Location: `${files.origin}/hop/1` }).end();
		if (path === '/hop/1') return void outgoing.writeHead(307, { Location: '/leads.csv' }).end();
		if (path === '/leads.csv') return void outgoing.writeHead(200, { 'Content-Type': 'text/csv' }).end(fileContent);
		if (path === '/to-metadata') return void outgoing.writeHead(302, { Location: 'http://169.254.169.254/latest/meta-data/iam/' }).end();
		if (path === '/slow.csv') return trickle(path, outgoing, trickles, 'text/csv');
		outgoing.writeHead(404).end();
	});

	const api = await startHttpHost((incoming, outgoing) => {
		const key = record(incoming);
		const path = String(incoming.url);
		if (path === '/slow/v1/account') return trickle(path, outgoing, trickles, 'application/json');
		if (path === '/v1/account') {
			// An API that quotes the key it got in its error: redaction must find it there.
			if (key !== STAND_IN_KEY || state.accountAnswer === 'rejected') return json(outgoing, 401, { error: 'unauthorized', message: `Invalid API key ${key}` });
			if (state.accountAnswer === 'trickled') return trickle(path, outgoing, trickles, 'application/json');
			return json(outgoing, 200, { email: 'stand-in@example.com', credits: 1 });
		}
		const download = /^\/v1\/downloads\/(\d+)$/.exec(path);
		if (download) {
			const id = Number(download[1]);
			const links: Record<number, string> = {
				[downloads.redirected]: `${files.origin}/hop/2`,
				[downloads.toMetadata]: `${files.origin}/to-metadata`,
				[downloads.trickled]: `${files.origin}/slow.csv`,
				// On the API's own origin: the key goes with it.
				[downloads.refusedWithKey]: `${api.origin}/v1/files/refused.csv`,
				[downloads.onApiOrigin]: `${api.origin}/v1/files/leads.csv`,
			};
			if (!links[id]) return json(outgoing, 404, { error: 'not_found', message: 'No such download' });
			return json(outgoing, 200, { id, filename: `stand-in-${id}.csv`, extension: 'csv', url: links[id], date_created: '2025-01-01 00:00:00' });
		}
		if (path === '/v1/files/leads.csv' && key === STAND_IN_KEY) return void outgoing.writeHead(200, { 'Content-Type': 'text/csv' }).end(fileContent);
		if (path === '/v1/files/refused.csv') return json(outgoing, 403, { error: 'forbidden', message: `Key ${key} may not read this file` });
		json(outgoing, 404, { error: 'not_found', message: `No route ${path}` });
	});

	return Object.assign(state, {
		api,
		files,
		seen,
		trickles,
		downloads,
		fileContent,
		async stop() {
			await Promise.all([api.stop(), files.stop()]);
		},
	});
}
