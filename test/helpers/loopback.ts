import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Servers on 127.0.0.1, free ports, for tests of what reaches the network. */
export interface Loopback {
	/** 'http://127.0.0.1:<port>' or 'https://…' */
	origin: string;
	stop(): Promise<void>;
}

async function listen(server: Server, scheme: 'http' | 'https', host = '127.0.0.1'): Promise<Loopback> {
	const sockets = new Set<Socket>();
	server.on('connection', (socket: Socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(0, host, resolve));
	const { port } = server.address() as AddressInfo;
	return {
		origin: `${scheme}://${host}:${port}`,
		stop: async () => {
			// A server that never answers keeps its sockets open: close them, or close() waits forever.
			for (const socket of sockets) socket.destroy();
			await new Promise((resolve) => server.close(resolve));
		},
	};
}

export interface Proxy extends Loopback {
	/** What reached the proxy: `GET http://host/path` for plain requests, `CONNECT host:port` for tunnels. */
	seen: string[];
	/** Plain requests that brought an X-Api-Key header: the key in clear at the proxy. */
	keysInClear(): number;
}

/**
 * A forward HTTP proxy: forwards plain requests and tunnels CONNECT (what an https target asks
 * for). On 127.0.0.1 unless `host` names another address of this machine (one that looks like
 * another machine's to the node).
 */
export async function startProxy(host?: string): Promise<Proxy> {
	const seen: string[] = [];
	let keys = 0;
	const server = createHttpServer((incoming: IncomingMessage, outgoing: ServerResponse) => {
		seen.push(`${incoming.method} ${incoming.url}`);
		if (incoming.headers['x-api-key'] !== undefined) keys++;
		const forwarded = request(String(incoming.url), { method: incoming.method, headers: incoming.headers }, (answer) => {
			outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
			answer.pipe(outgoing);
		});
		forwarded.on('error', () => outgoing.destroy());
		incoming.pipe(forwarded);
	});
	server.on('connect', (incoming: IncomingMessage, client: Socket, head: Buffer) => {
		seen.push(`CONNECT ${incoming.url}`);
		const [host, port] = String(incoming.url).split(':');
		const upstream = connect(Number(port), host, () => {
			client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
			upstream.write(head);
			upstream.pipe(client);
			client.pipe(upstream);
		});
		upstream.on('error', () => client.destroy());
		client.on('error', () => upstream.destroy());
	});
	return { ...(await listen(server, 'http', host)), seen, keysInClear: () => keys };
}

/** An https server with a certificate it signed itself (made by the openssl CLI for this run). */
export async function startSelfSignedHttps(handler: (incoming: IncomingMessage, outgoing: ServerResponse) => void): Promise<Loopback> {
	const folder = mkdtempSync(join(tmpdir(), 'self-signed-'));
	try {
		const key = join(folder, 'key.pem');
		const cert = join(folder, 'cert.pem');
		execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert], { stdio: 'ignore' });
		const server = createHttpsServer({ key: readFileSync(key), cert: readFileSync(cert) }, handler);
		return await listen(server as unknown as Server, 'https');
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
}

/** A plain http server; a handler that does nothing makes a host that never answers. */
export async function startHttpHost(handler: (incoming: IncomingMessage, outgoing: ServerResponse) => void): Promise<Loopback> {
	return await listen(createHttpServer(handler), 'http');
}
