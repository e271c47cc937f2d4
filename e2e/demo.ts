/**
 * npm run demo: n8n on http://127.0.0.1:5678 with the packed package installed, a
 * credential for the sandbox (demo data, on http://127.0.0.1:8787) and the example
 * workflows imported; the trigger example published. Ctrl-C stops everything.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { demoCopy } from './demo-workflows';
import { prepareEnvironment, type Environment } from './environment';
import { mcpUrl } from './mcp-client';
import { OWNER } from './n8n-api';
import { killChildrenOnExit } from './processes';
import { N8N_2 } from './versions';
import { mcpPathOf, readExamples, TRIGGER_TYPE } from './workflows';

const N8N_PORT = 5678;
const SANDBOX_PORT = 8787;

/** Fails early and clearly when a port the demo needs is taken (an n8n already running?). */
function assertPortFree(port: number, what: string): Promise<void> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', () => reject(new Error(`port ${port} (${what}) is in use on 127.0.0.1: stop whatever listens there and retry`)));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
	});
}

/** Removes the demo's scratch folder once nothing writes to it any more. */
function removeWorkDir(workDir: string): void {
	// Retries: a killed n8n's last files may still be landing.
	fs.rmSync(workDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
}

async function main(workDir: string, started: (env: Environment) => void): Promise<void> {
	await assertPortFree(N8N_PORT, 'n8n');
	await assertPortFree(SANDBOX_PORT, 'sandbox');

	const examples = [...readExamples().values()].map(demoCopy);
	const env = await prepareEnvironment({
		flavor: N8N_2,
		workDir,
		n8nPort: N8N_PORT,
		sandboxPort: SANDBOX_PORT,
		workflows: examples,
		log: (message) => console.log(`demo: ${message}`),
	});
	started(env);
	console.log('demo: starting n8n');
	await env.n8n.start();
	await env.api.signIn();
	const triggers = examples.filter((workflow) => workflow.nodes.some((node) => node.type === TRIGGER_TYPE));
	const mcpServers = examples.filter((workflow) => mcpPathOf(workflow));
	for (const workflow of [...triggers, ...mcpServers]) await env.api.activate(workflow.id);

	const { baseUrl, apiKey } = env.sandbox;
	const workflowLines = examples.map((workflow) => `    ${workflow.name}: ${env.n8n.baseUrl}/workflow/${workflow.id}`);
	console.log(`
Leadsopedia demo is running.

  Open ${env.n8n.baseUrl} and sign in as ${OWNER.email} / ${OWNER.password}
  Example workflows (credential "Leadsopedia sandbox" already set):
${workflowLines.join('\n')}

  Sandbox API: ${baseUrl}  (key ${apiKey}, demo data: lists Prospects, Customers, Empty list)
  Add a contact to Prospects; the published trigger workflow picks it up within a minute:

    curl -s -X POST ${baseUrl}/contacts -H 'X-Api-Key: ${apiKey}' -H 'Content-Type: application/json' \\
      -d '{"list_id": 1, "email": "new.lead@example.com", "first_name": "New", "last_name": "Lead"}'

  Then open the trigger workflow's Executions tab.

  MCP server of the AI-tools example (published; connect any MCP client over Streamable HTTP):
${mcpServers.map((workflow) => `    ${mcpUrl(env.n8n.baseUrl, mcpPathOf(workflow) ?? '')}`).join('\n')}

  Ctrl-C stops n8n and the sandbox.
`);
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
	main(workDir, (started) => (env = started)).catch(async (error: Error) => {
		console.error(`demo: ${error.message}`);
		await stopAll().catch(() => undefined);
		process.exit(1);
	});
	// Runs until Ctrl-C (the handlers above stop everything): the sandbox's and n8n's handles keep it alive.
}

run();
