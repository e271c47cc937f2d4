/**
 * npm run demo: n8n on http://127.0.0.1:5678 with the packed package installed, a
 * credential for the sandbox (demo data, on http://127.0.0.1:8787) and the example
 * workflows imported; the trigger example published. Ctrl-C stops everything.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { prepareEnvironment } from './environment';
import { mcpUrl } from './mcp-client';
import { OWNER } from './n8n-api';
import { killChildrenOnExit } from './processes';
import { N8N_2 } from './versions';
import { mcpPathOf, readExamples, TRIGGER_TYPE, type WorkflowJson } from './workflows';

const N8N_PORT = 5678;
const SANDBOX_PORT = 8787;

/** The example polls hourly (the API's monthly quota); the sandbox has none, so the demo polls every minute. */
function pollEveryMinute(workflow: WorkflowJson): WorkflowJson {
	const nodes = workflow.nodes.map((node) =>
		node.type === TRIGGER_TYPE ? { ...node, parameters: { ...node.parameters, pollTimes: { item: [{ mode: 'everyMinute' }] } } } : node,
	);
	return { ...workflow, nodes };
}

/** Fails early and clearly when a port the demo needs is taken (an n8n already running?). */
function assertPortFree(port: number, what: string): Promise<void> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', () => reject(new Error(`port ${port} (${what}) is in use on 127.0.0.1: stop whatever listens there and retry`)));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
	});
}

async function main(): Promise<void> {
	// Ctrl-C is how a demo ends: not a failure.
	killChildrenOnExit(0);
	await assertPortFree(N8N_PORT, 'n8n');
	await assertPortFree(SANDBOX_PORT, 'sandbox');
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'leadsopedia-demo-'));
	process.on('exit', () => fs.rmSync(workDir, { recursive: true, force: true }));

	const examples = [...readExamples().values()].map(pollEveryMinute);
	const env = await prepareEnvironment({
		flavor: N8N_2,
		workDir,
		n8nPort: N8N_PORT,
		sandboxPort: SANDBOX_PORT,
		workflows: examples,
		log: (message) => console.log(`demo: ${message}`),
	});
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
	// Runs until Ctrl-C: the exit handlers stop n8n and remove the scratch folder.
	await new Promise(() => {});
}

main().catch((error: Error) => {
	console.error(`demo: ${error.message}`);
	process.exit(1);
});
