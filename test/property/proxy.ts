import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

/**
 * A forward http proxy on 127.0.0.1 (plain requests and CONNECT tunnels) that notes each
 * request that brought it an X-Api-Key header it could read: plain http, or plain http
 * inside a tunnel.
 */
export interface KeyWatchingProxy {
	url: string;
	/** Requests that reached the proxy with an X-Api-Key header in clear. */
	keysSeen: number;
	stop(): Promise<void>;
}

export async function startKeyWatchingProxy(): Promise<KeyWatchingProxy> {
	const sockets = new Set<Socket>();
	const proxy: KeyWatchingProxy = { url: '', keysSeen: 0, stop: async () => undefined };
	const server: Server = createServer((incoming, outgoing) => {
		if (incoming.headers['x-api-key'] !== undefined) proxy.keysSeen++;
		const forwarded = request(String(incoming.url), { method: incoming.method, headers: incoming.headers }, (answer) => {
			outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
			answer.pipe(outgoing);
		});
		forwarded.on('error', () => outgoing.destroy());
		incoming.pipe(forwarded);
	});
	server.on('connect', (incoming: IncomingMessage, client: Socket, head: Buffer) => {
		const [host, port] = String(incoming.url).split(':');
		const upstream = connect(Number(port), host, () => {
			client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
			upstream.write(head);
			upstream.pipe(client);
			client.pipe(upstream);
		});
		client.on('data', (chunk: Buffer) => {
			if (/\r\nx-api-key:/i.test(chunk.toString('latin1'))) proxy.keysSeen++;
		});
		upstream.on('error', () => client.destroy());
		client.on('error', () => upstream.destroy());
		sockets.add(upstream);
	});
	server.on('connection', (socket: Socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	proxy.stop = async () => {
		for (const socket of sockets) socket.destroy();
		await new Promise((resolve) => server.close(resolve));
	};
	return proxy;
}
