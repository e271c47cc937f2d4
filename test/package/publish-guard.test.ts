import { execFile } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const REPO = path.resolve(__dirname, '../..');

/** A stand-in npm registry on loopback that records what reaches it. */
async function startRegistry() {
	const requests: string[] = [];
	const server = http.createServer((request, response) => {
		requests.push(`${request.method} ${request.url}`);
		request.resume();
		request.on('end', () => response.writeHead(request.method === 'PUT' ? 201 : 404, { 'content-type': 'application/json' }).end('{}'));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
	return { url, requests, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** `npm publish` as run on a laptop: no CI variables, a token for the stand-in registry. */
function publish(registry: string, extraArgs: string[]): Promise<{ code: number; output: string }> {
	const env = Object.fromEntries(
		Object.entries(process.env).filter(([name]) => !/^(CI|GITHUB_.*|GITLAB_.*|ACTIONS_.*|RUNNER_.*|RELEASE_MODE|npm_.*)$/i.test(name)),
	);
	const host = registry.replace(/^http:/, '');
	const args = ['publish', '--registry', registry, `--${host}:_authToken=test-token`, ...extraArgs];
	return new Promise((resolve) => {
		execFile('npm', args, { cwd: REPO, env, encoding: 'utf8' }, (error, stdout, stderr) => {
			resolve({ code: typeof error?.code === 'number' ? error.code : error ? 1 : 0, output: stdout + stderr });
		});
	});
}

describe('publishing from a laptop', () => {
	let registry: Awaited<ReturnType<typeof startRegistry>>;
	beforeEach(async () => (registry = await startRegistry()));
	afterEach(() => registry.close());

	it('is refused by npm: the package is published only with provenance, which only CI can sign', async () => {
		// The project's .npmrc skips scripts, prepublishOnly included: this guard does not need them.
		const result = await publish(registry.url, []);
		expect(result.code).not.toBe(0);
		expect(result.output).toMatch(/provenance generation not supported/i);
		expect(registry.requests.filter((request) => request.startsWith('PUT'))).toEqual([]);
	});

	it('is refused by prepublishOnly (n8n-node prerelease) when scripts run', async () => {
		const result = await publish(registry.url, ['--ignore-scripts=false']);
		expect(result.code).not.toBe(0);
		expect(result.output).toContain('n8n-node prerelease');
		expect(registry.requests).toEqual([]);
	});
});
