import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readyForSignIn } from '../../e2e/n8n-ready';

/** A stand-in for a starting n8n: answers the routes given, and Express's 404 to the rest. */
async function serverWith(routes: string[]): Promise<{ baseUrl: string; requests: string[]; close: () => Promise<void> }> {
	const requests: string[] = [];
	const server = http.createServer((req, res) => {
		const route = `${req.method} ${req.url}`;
		requests.push(route);
		if (!routes.includes(route)) {
			res.writeHead(404, { 'content-type': 'text/html' }).end(`Cannot ${route}`);
			return;
		}
		// n8n's answer to an empty sign-in body is a 400; settings answer 200.
		res.writeHead(req.method === 'POST' ? 400 : 200, { 'content-type': 'application/json' }).end('{}');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return { baseUrl: `http://127.0.0.1:${port}`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('readyForSignIn: when the demo and the e2e suite may sign in to a starting n8n', () => {
	it.each([
		['settings answer but the sign-in routes do not exist yet (the demo start that failed with "Cannot POST /rest/login")', ['GET /rest/settings']],
		['the owner set-up route is missing, even if login answers', ['GET /rest/settings', 'POST /rest/login']],
		['settings do not answer yet', ['POST /rest/owner/setup', 'POST /rest/login']],
	])('is not ready while %s', async (_, routes) => {
		const n8n = await serverWith(routes);
		try {
			await expect(readyForSignIn(n8n.baseUrl)).resolves.toBe(false);
		} finally {
			await n8n.close();
		}
	});

	it('is ready once settings, owner set-up and login all answer; the probe signs nobody in', async () => {
		const n8n = await serverWith(['GET /rest/settings', 'POST /rest/owner/setup', 'POST /rest/login']);
		try {
			await expect(readyForSignIn(n8n.baseUrl)).resolves.toBe(true);
			expect(n8n.requests.filter((r) => r.startsWith('POST'))).toEqual(['POST /rest/owner/setup', 'POST /rest/login']);
		} finally {
			await n8n.close();
		}
	});
});
