/**
 * npm run demo: n8n on http://127.0.0.1:5678 with the packed package installed, a
 * credential for the sandbox (demo data, on http://127.0.0.1:8787) and the example
 * workflows imported; the trigger example published. Ctrl-C stops everything.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startDemo } from './demo-start';
import type { Environment } from './environment';
import { killChildrenOnExit } from './processes';

/** Removes the demo's scratch folder once nothing writes to it any more. */
function removeWorkDir(workDir: string): void {
	// Retries: a killed n8n's last files may still be landing.
	fs.rmSync(workDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
}

/**
 * Every way out (Ctrl-C, a failed start, an exception) stops n8n and the sandbox first,
 * then removes the scratch folder: removing it while n8n still writes there left it behind.
 */
function run(): void {
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'leadsopedia-demo-'));
	let env: Environment | undefined;
	const stopAll = async () => {
		await env?.close();
		removeWorkDir(workDir);
	};
	// Ctrl-C is how a demo ends: not a failure.
	killChildrenOnExit(0, stopAll);
	// Last resort, after the children were killed: an exit nobody saw coming.
	process.on('exit', () => removeWorkDir(workDir));
	startDemo({
		workDir,
		n8nPort: 5678,
		sandboxPort: 8787,
		started: (started) => (env = started),
		log: (message) => console.log(`demo: ${message}`),
	}).catch(async (error: Error) => {
		console.error(`demo: ${error.message}`);
		await stopAll().catch(() => undefined);
		process.exit(1);
	});
	// Runs until Ctrl-C (the handlers above stop everything): the sandbox's and n8n's handles keep it alive.
}

run();
