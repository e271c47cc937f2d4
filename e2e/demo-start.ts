/**
 * The demo's start, apart from its command line (e2e/demo.ts) so that a test can run it on
 * free ports: n8n with the packed package installed, a credential for the sandbox and the
 * example workflows imported; the trigger and MCP examples published.
 */
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { demoCopy } from './demo-workflows';
import { mcpTokenCredential, prepareEnvironment, type Environment } from './environment';
import { mcpUrl } from './mcp-client';
import { OWNER } from './n8n-api';
import { N8N_2 } from './versions';
import { MCP_TOKEN_CREDENTIAL, mcpPathOf, readExamples, TRIGGER_TYPE } from './workflows';

export interface DemoOptions {
	/** Scratch folder: n8n's user folder, logs, the packed tarball. */
	workDir: string;
	n8nPort: number;
	sandboxPort: number;
	/** Gets the environment as soon as there is one to stop. */
	started: (env: Environment) => void;
	log: (message: string) => void;
}

/** Fails early and clearly when a port the demo needs is taken (an n8n already running?). */
function assertPortFree(port: number, what: string): Promise<void> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', () => reject(new Error(`port ${port} (${what}) is in use on 127.0.0.1: stop whatever listens there and retry`)));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
	});
}

export async function startDemo({ workDir, n8nPort, sandboxPort, started, log }: DemoOptions): Promise<void> {
	await assertPortFree(n8nPort, 'n8n');
	await assertPortFree(sandboxPort, 'sandbox');

	const examples = [...readExamples().values()].map(demoCopy);
	// The MCP example refuses clients without this token: a new one for every demo.
	const mcpToken = randomBytes(24).toString('base64url');
	const env = await prepareEnvironment({
		flavor: N8N_2,
		workDir,
		n8nPort,
		sandboxPort,
		workflows: examples,
		extraCredentials: () => [mcpTokenCredential(mcpToken)],
		log,
	});
	started(env);
	log('starting n8n');
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
  It answers only clients that send the header (the credential "${MCP_TOKEN_CREDENTIAL.name}" holds the token):
    Authorization: Bearer ${mcpToken}

  Ctrl-C stops n8n and the sandbox.
`);
}
