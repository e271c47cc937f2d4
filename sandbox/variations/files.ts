import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { sendInPieces, type Delivery, type Outgoing } from './pieces';
import type { SentReply } from './replies';
import type { Variation } from './variation';

/** The query a same-host redirect adds, so the second request is served. */
const REDIRECTED = 'redirected';
/** A slow file comes in this many pieces, this far apart. */
const SLOW_PIECES = 4;
const SLOW_GAP_MS = 25;

/** Where a link-local redirect points: the cloud metadata service's credentials path. */
export const METADATA_URL = 'http://169.254.169.254/latest/meta-data/iam/security-credentials/';

/** The file host's first answer when it redirects: a 302 to the same file on the same host, or to the metadata address. */
export function fileRedirect(variation: Variation, req: IncomingMessage, url: URL): SentReply | undefined {
	if (variation.files !== 'redirect' || url.searchParams.has(REDIRECTED)) return undefined;
	if (variation.fileRedirectTo === 'link-local') return { status: 302, body: '', contentType: 'text/plain; charset=utf-8', headers: { Location: METADATA_URL } };
	const target = new URL(url.pathname, `http://${req.headers.host ?? '127.0.0.1'}`);
	target.searchParams.set(REDIRECTED, '1');
	return { status: 302, body: '', contentType: 'text/plain; charset=utf-8', headers: { Location: target.href } };
}

/**
 * Sends a file the variation's way; false when it is the plain way (the caller sends it).
 */
export function deliverFile(variation: Variation, res: ServerResponse, reply: Outgoing, delivery: Delivery): boolean {
	const { status, body, contentType, headers } = reply;
	if (status !== 200 || variation.files === 'plain' || variation.files === 'redirect') return false;
	if (variation.files === 'gzip') {
		const packed = gzipSync(body);
		res.writeHead(status, { ...headers, 'Content-Type': contentType, 'Content-Encoding': 'gzip', 'Content-Length': packed.length });
		res.end(packed);
		delivery.done(status);
		return true;
	}
	const bytes = Buffer.from(body);
	const slow = variation.files === 'slow';
	// Without Content-Length node's HTTP server sends the body chunked.
	res.writeHead(status, { ...headers, 'Content-Type': contentType, ...(slow ? { 'Content-Length': bytes.length } : {}) });
	sendInPieces(res, bytes, slow ? SLOW_PIECES : 2, slow ? SLOW_GAP_MS : 0, status, delivery);
	return true;
}
