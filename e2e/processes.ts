import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

/**
 * Every child process the harness starts, so that a failure, an exception or Ctrl-C
 * never leaves an n8n running. Children lead their own process group (n8n starts a task
 * runner of its own); stopping signals the whole group.
 */
const running = new Set<ChildProcess>();

export interface Started {
	child: ChildProcess;
	/** Resolves with the exit code (or signal name) once the process has ended. */
	exited: Promise<number | string>;
}

/** Starts `cmd`, appending its stdout and stderr to `logFile`. */
export function start(cmd: string, args: string[], options: SpawnOptions & { logFile: string }): Started {
	const log = fs.openSync(options.logFile, 'a');
	const child = spawn(cmd, args, { ...options, detached: true, stdio: ['ignore', log, log] });
	fs.closeSync(log);
	running.add(child);
	const exited = new Promise<number | string>((resolve) => {
		child.on('exit', (code, signal) => {
			running.delete(child);
			resolve(code ?? signal ?? 'unknown');
		});
		child.on('error', () => {
			running.delete(child);
			resolve('spawn error');
		});
	});
	return { child, exited };
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	if (child.pid === undefined) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		// Already gone.
	}
}

/** SIGTERM, then SIGKILL if the process has not ended within `graceMs`. */
export async function stop(started: Started, graceMs = 10_000): Promise<void> {
	signalGroup(started.child, 'SIGTERM');
	const timer = setTimeout(() => signalGroup(started.child, 'SIGKILL'), graceMs);
	await started.exited;
	clearTimeout(timer);
	// The task runner may outlive n8n's main process.
	signalGroup(started.child, 'SIGKILL');
}

/** Kills everything still running; synchronous so it also works from an exit handler. */
function killAll(): void {
	for (const child of running) signalGroup(child, 'SIGKILL');
}

/**
 * Make sure nothing outlives the harness, however it ends; a signal ends it with
 * `signalExitCode`, after `onSignal` (say, stopping n8n so its folder can go) has run.
 * A second signal does not wait for it.
 */
export function killChildrenOnExit(signalExitCode = 130, onSignal: () => Promise<void> = async () => {}): void {
	process.on('exit', killAll);
	let signalled = false;
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
		process.on(signal, () => {
			const first = !signalled;
			signalled = true;
			const exit = () => {
				killAll();
				process.exit(signalExitCode);
			};
			if (first) void onSignal().then(exit, exit);
			else exit();
		});
	}
}

/** Polls `probe` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>, intervalMs = 250): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	let lastError: unknown;
	while (Date.now() < deadline) {
		try {
			const value = await probe();
			if (value !== undefined) return value;
		} catch (error) {
			lastError = error;
		}
		await sleep(intervalMs);
	}
	throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${String(lastError)})` : ''}`);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A port free on the loopback interface right now. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}
