import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = join(__dirname, '..');

/** A TypeScript file of this repository run by Node (this one, or another binary) with tsx's loader. */
export function runTs(file: string, args: string[], node = process.execPath): ChildProcess {
	return spawn(node, ['--import', 'tsx', join(ROOT, file), ...args], {
		cwd: ROOT,
		stdio: ['ignore', 'pipe', 'inherit'],
	});
}

/** The first stdout line of a process, within a time limit. */
export function firstLine(child: ChildProcess, timeoutMs: number): Promise<string> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`no output within ${timeoutMs} ms`)), timeoutMs);
		const lines = createInterface({ input: child.stdout! });
		lines.once('line', (line) => {
			clearTimeout(timer);
			lines.close();
			resolve(line);
		});
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`exited with ${code} before printing`));
		});
	});
}

/** The sandbox CLI in its own process, so that its CPU is not counted as the client's. */
export async function sandboxProcess(args: string[]): Promise<{ baseUrl: string; apiKey: string; stop: () => void }> {
	const child = runTs('sandbox/cli.ts', ['--port', '0', '--interval-ms', '0', ...args]);
	const line = await firstLine(child, 60_000);
	const match = /^listening on (\S+) key (\S+)$/.exec(line);
	if (!match) throw new Error(`unexpected sandbox line: ${line}`);
	return { baseUrl: match[1], apiKey: match[2], stop: () => child.kill('SIGTERM') };
}
