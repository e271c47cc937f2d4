import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { drawVariation } from '../../sandbox/variations';

describe('npm run sandbox (sandbox/cli.ts)', () => {
	it('prints `listening on <baseUrl> key <key>` first, serves that key, and stops on SIGTERM', async () => {
		// tsx itself rather than npx: npm does not pass SIGTERM on, tsx does (and answers with the CLI's exit code).
		const root = join(__dirname, '..', '..');
		const child = spawn(join(root, 'node_modules', '.bin', 'tsx'), ['sandbox/cli.ts', '--port', '0', '--interval-ms', '0', '--seed', '3'], {
			cwd: root,
			stdio: ['ignore', 'pipe', 'inherit'],
		});
		try {
			const lines = createInterface({ input: child.stdout });
			const exited = once(child, 'exit').then(([code]) => Promise.reject(new Error(`the CLI exited with ${code} before printing`)));
			const [first] = (await Promise.race([once(lines, 'line'), exited])) as [string];
			exited.catch(() => undefined);
			const match = /^listening on (http:\/\/127\.0\.0\.1:(\d+)\/v1) key (SBX[\w-]{20})$/.exec(first);
			expect(match).not.toBeNull();
			const [, baseUrl, , key] = match as RegExpExecArray;
			const response = await fetch(`${baseUrl}/account`, { headers: { 'X-Api-Key': key } });
			expect(response.status).toBe(200);

			child.kill('SIGTERM');
			const [code] = await once(child, 'exit');
			expect(code).toBe(0);
		} finally {
			if (child.exitCode === null) child.kill('SIGKILL');
		}
	});

	it('--variations SEED turns the variations mode on and prints the variation drawn (sandbox/VARIATIONS.md)', async () => {
		const root = join(__dirname, '..', '..');
		const child = spawn(join(root, 'node_modules', '.bin', 'tsx'), ['sandbox/cli.ts', '--port', '0', '--variations', '42'], {
			cwd: root,
			stdio: ['ignore', 'pipe', 'inherit'],
		});
		try {
			const lines: string[] = [];
			for await (const line of createInterface({ input: child.stdout })) {
				lines.push(line);
				if (lines.length === 3) break;
			}
			const printed = /^variations mode \(sandbox\/VARIATIONS\.md\): (\{.*\})$/.exec(lines[2] ?? '');
			expect(printed).not.toBeNull();
			expect(JSON.parse((printed as RegExpExecArray)[1])).toEqual(drawVariation(42));
		} finally {
			// SIGTERM, which tsx passes on: a SIGKILL would leave the sandbox behind it running.
			child.kill('SIGTERM');
			if (child.exitCode === null) await once(child, 'exit');
		}
	});
});
