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
function firstLine(child: ChildProcess, timeoutMs: number): Promise<string> {
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
async function sandboxProcess(args: string[]): Promise<{ baseUrl: string; apiKey: string; stop: () => void }> {
	const child = runTs('sandbox/cli.ts', ['--port', '0', '--interval-ms', '0', ...args]);
	const line = await firstLine(child, 60_000);
	const match = /^listening on (\S+) key (\S+)$/.exec(line);
	if (!match) throw new Error(`unexpected sandbox line: ${line}`);
	return { baseUrl: match[1], apiKey: match[2], stop: () => child.kill('SIGTERM') };
}

/** A worker that prints one JSON line: that line, parsed, once the worker has exited. */
export async function runWorker<T>(file: string, args: string[], options: { timeoutMs: number; node?: string }): Promise<T> {
	const child = runTs(file, args, options.node);
	const result = JSON.parse(await firstLine(child, options.timeoutMs)) as T;
	await new Promise((resolve) => child.once('exit', resolve));
	return result;
}

/** A sandbox process whose demo account has a "Big list" of `contacts`, and that list's id. */
export async function sandboxWithBigList(contacts: number): Promise<{ baseUrl: string; apiKey: string; listId: string; stop: () => void }> {
	const sandbox = await sandboxProcess(['--contacts', String(contacts)]);
	try {
		const response = await fetch(`${sandbox.baseUrl}/mylists?limit=1000`, { headers: { 'X-Api-Key': sandbox.apiKey } });
		const { lists } = (await response.json()) as { lists: Array<{ id: number; name: string }> };
		return { ...sandbox, listId: String(lists.find((list) => list.name === 'Big list')?.id) };
	} catch (error) {
		sandbox.stop();
		throw error;
	}
}
