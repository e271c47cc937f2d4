import type { IncomingMessage } from 'node:http';
import { notFound, type Reply } from './http';
import type { SandboxState } from './state';

/**
 * The file host that download urls point at: another origin than the API, needing no key,
 * so a test can check that a client does not carry the key there.
 */
export function answerFile(state: SandboxState, req: IncomingMessage, url: URL): Reply & { contentType: string } {
	const match = /^\/files\/(\d+)\/([^/]+)$/.exec(url.pathname);
	const download = match ? state.db.downloads.get(Number(match[1])) : undefined;
	if (req.method !== 'GET' || !match || !download || match[2] !== encodeURIComponent(download.filename)) {
		throw notFound(`No file at ${url.pathname}`);
	}
	return {
		status: 200,
		body: download.content,
		contentType: 'text/csv; charset=utf-8',
		headers: { 'Content-Disposition': `attachment; filename="${download.filename.replace(/["\\\r\n]/g, '_')}"` },
	};
}
