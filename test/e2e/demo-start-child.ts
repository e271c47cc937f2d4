/**
 * `npm run demo`'s start on free ports, for test/e2e/demo-start.test.ts:
 *   tsx test/e2e/demo-start-child.ts <workDir> <n8nPort> <sandboxPort>
 * Prints what the demo prints; a failed start stops what it started and exits 1.
 */
import { startDemo } from '../../e2e/demo-start';
import type { Environment } from '../../e2e/environment';

const [workDir, n8nPort, sandboxPort] = process.argv.slice(2);
let env: Environment | undefined;
startDemo({
	workDir,
	n8nPort: Number(n8nPort),
	sandboxPort: Number(sandboxPort),
	started: (started) => (env = started),
	log: (message) => console.log(`demo: ${message}`),
}).then(
	() => env?.close(),
	async (error: Error) => {
		console.error(`demo: ${error.message}`);
		await env?.close();
		process.exit(1);
	},
);
