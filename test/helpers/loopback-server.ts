import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Answer {
	status: number;
	headers?: Record<string, string>;
	body?: string;
}

export interface LoopbackServer {
	origin: string;
	/** The headers of every request it got, as an HTTP server reads them. */
	seen: IncomingHttpHeaders[];
	stop: () => Promise<void>;
}

/** A real HTTP server on a free loopback port, answering every request with `answer`. */
export async function loopbackServer(answer: (path: string, headers: IncomingHttpHeaders) => Answer): Promise<LoopbackServer> {
	const seen: IncomingHttpHeaders[] = [];
	const server: Server = createServer((request, response) => {
		seen.push(request.headers);
		const { status, headers, body } = answer(request.url ?? '/', request.headers);
		response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
		response.end(body ?? '');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return { origin, seen, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
