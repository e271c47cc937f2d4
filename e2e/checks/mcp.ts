import assert from 'node:assert/strict';
import type { Sandbox } from '../../sandbox';
import { mcpTokenCredential, pacedSandboxCredential } from '../environment';
import { mcpPost, McpSession, mcpUrl, type ToolAnswer } from '../mcp-client';
import { MCP_TRIGGER_TYPE, mcpPathOf, readExamples, type WorkflowJson } from '../workflows';
import type { CheckGroup, Context } from './context';

const EXAMPLE = 'ai-tools-mcp';
const TOOLS = ['create_or_update_contact', 'get_contact_by_email', 'get_credits', 'list_lead_lists', 'search_contacts'];
/** The example's trigger refuses clients without this Bearer token (the suite's, not a secret). */
const MCP_TOKEN = 'e2e-mcp-token-not-a-secret';
/** The tools that take a list id; the example types it as a string (README: Use with AI agents). */
const LIST_ID_TOOLS = ['create_or_update_contact', 'get_contact_by_email', 'search_contacts'];
/** A model's context is small: no tool answer of the demo data may exceed this many characters. */
const MAX_ANSWER_CHARS = 12_000;

/** The same key, spaced one second apart: two tool calls at once must queue. */
const PACED_CREDENTIAL = { id: 'leadsopediaPace1', name: 'Leadsopedia sandbox, paced 1 s' };
const PACED_INTERVAL_MS = 1_000;
const PACED_PATH = 'leadsopedia-paced';
const PACED_WORKFLOW_ID = 'e2eMcpPaced00001';

function example(): WorkflowJson {
	const workflow = readExamples().get(EXAMPLE);
	assert.ok(workflow, `examples/${EXAMPLE}.json is missing`);
	return workflow;
}

/** The example with every tool on the paced credential, served on its own path. */
function pacedCopy(): WorkflowJson {
	const workflow = example();
	const nodes = workflow.nodes.map((node) =>
		node.type === MCP_TRIGGER_TYPE
			? { ...node, webhookId: '0c6e4d2a-9b7f-4e1d-8a3c-5f2e7d9b1a40', parameters: { ...node.parameters, path: PACED_PATH } }
			: node.credentials
				? { ...node, credentials: { leadsopediaApi: PACED_CREDENTIAL } }
				: node,
	);
	return { ...workflow, id: PACED_WORKFLOW_ID, name: 'e2e MCP tools, paced', nodes };
}

/** Answers the parsed items of a tool answer that is not an error. */
function items(answer: ToolAnswer): Array<Record<string, unknown>> {
	assert.equal(answer.isError, false, `tool error: ${answer.text}`);
	const parsed = JSON.parse(answer.text) as unknown;
	return Array.isArray(parsed) ? parsed : [parsed as Record<string, unknown>];
}

async function sandboxGet(sandbox: Sandbox, path: string): Promise<unknown> {
	const response = await fetch(`${sandbox.baseUrl}${path}`, { headers: { 'X-Api-Key': sandbox.apiKey } });
	return response.json();
}

/**
 * The AI-tools example through n8n's MCP Server Trigger, driven by a real MCP client the
 * way an agent drives it: the tools it lists, each tool against the sandbox, bad arguments
 * as readable tool errors that spend no call, pacing across simultaneous calls, no key in
 * any answer, and answers small enough for a model's context.
 */
export const mcpChecks: CheckGroup = {
	credentials: (sandbox: Sandbox) => [pacedSandboxCredential(sandbox, PACED_CREDENTIAL, PACED_INTERVAL_MS / 1000), mcpTokenCredential(MCP_TOKEN)],
	extraWorkflows: () => [pacedCopy()],

	async run(context: Context) {
		const { runner, api, n8n, sandbox, workflowIds } = context;
		const { control } = sandbox;
		const answers: Array<{ name: string; args: Record<string, unknown>; answer: ToolAnswer }> = [];
		const call = async (session: McpSession, name: string, args: Record<string, unknown>) => {
			const answer = await session.call(name, args);
			answers.push({ name, args, answer });
			return answer;
		};

		const url = mcpUrl(n8n.baseUrl, mcpPathOf(example()) ?? '');
		let session: McpSession | undefined;
		const opened = await runner.check('mcp: the published AI-tools example serves MCP at /mcp/<path> to a client with its Bearer token', async () => {
			await api.activate(workflowIds.get(EXAMPLE) as string);
			session = await McpSession.open(url, MCP_TOKEN);
		});
		if (!opened || !session) return;
		const tools = session;
		try {
			await runner.check('mcp: a client without the Bearer token, or with a wrong one, is refused (403) and spends no call', async () => {
				const callsBefore = control.requestLog().length;
				const initialize = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-03-26', capabilities: {}, clientInfo: { name: 'no-token', version: '1' } } };
				// Even with the id of an open session, as a client that learnt it would send.
				const toolCall = { jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'get_credits', arguments: {} } };
				for (const token of [undefined, 'not-the-token']) {
					for (const [message, headers] of [[initialize, {}], [toolCall, { 'mcp-session-id': tools.sessionId ?? '' }]] as const) {
						const response = await mcpPost(url, message, token, headers);
						const body = await response.text();
						assert.equal(response.status, 403, `${message.method} with token ${token}: ${response.status} ${body}`);
						assert.doesNotMatch(body, /credits/);
					}
				}
				// The SDK's client reports n8n's 403 by its text.
				await assert.rejects(McpSession.open(url, undefined), /Authorization data is wrong/);
				assert.equal(control.requestLog().length, callsBefore, 'calls reached the API');
			});

			await runner.check('mcp: tools/list shows the Leadsopedia tools with descriptions and input schemas', async () => {
				const listed = await tools.tools();
				assert.deepEqual(listed.map((tool) => tool.name).sort(), TOOLS);
				for (const tool of listed) assert.match(tool.description ?? '', /API call/, `${tool.name} says what it costs`);
				const search = listed.find((tool) => tool.name === 'search_contacts');
				assert.deepEqual(search?.inputSchema.required, ['listId']);
				assert.equal((search?.inputSchema.properties?.limit as { type?: string } | undefined)?.type, 'number');
				const upsert = listed.find((tool) => tool.name === 'create_or_update_contact');
				assert.deepEqual(upsert?.inputSchema.required, ['listId', 'email']);
				for (const tool of listed.filter((candidate) => LIST_ID_TOOLS.includes(candidate.name))) {
					assert.equal((tool.inputSchema.properties?.listId as { type?: string } | undefined)?.type, 'string', `${tool.name}'s listId`);
				}
			});

			const [prospects] = control.lists('demo');
			// As a model copies it from an answer: the API document gives ids as strings.
			const listId = String(prospects.id);
			await runner.check('mcp: list_lead_lists answers the lists of the account', async () => {
				const lists = items(await call(tools, 'list_lead_lists', {}));
				assert.deepEqual(lists.map((list) => list.name), control.lists('demo').map((list) => list.name));
			});
			await runner.check('mcp: search_contacts answers the first contacts of a list, at most the limit', async () => {
				const contacts = items(await call(tools, 'search_contacts', { listId, limit: 3 }));
				assert.deepEqual(contacts.map((contact) => contact.email), control.contacts(prospects.id).slice(0, 3).map((contact) => contact.email));
				assert.equal(items(await call(tools, 'search_contacts', { listId })).length, 10, 'default limit');
				assert.equal(items(await call(tools, 'search_contacts', { listId, limit: 1000 })).length, 25, 'limit capped at 25 (the list has 25)');
			});
			await runner.check('mcp: get_contact_by_email answers that contact', async () => {
				const known = control.contacts(prospects.id)[4];
				const [contact] = items(await call(tools, 'get_contact_by_email', { listId, email: known.email }));
				assert.equal(contact.id, known.id);
			});
			await runner.check('mcp: create_or_update_contact adds, then updates without blanking fields it was not given', async () => {
				const email = 'ada.agent@example.com';
				const [created] = items(await call(tools, 'create_or_update_contact', { listId, email, firstName: 'Ada', company: 'Analytical Engines' }));
				const stored = () => control.contacts(prospects.id).find((contact) => contact.email === email);
				assert.equal(created.id, stored()?.id);
				await call(tools, 'create_or_update_contact', { listId, email, title: 'CTO' });
				assert.deepEqual([stored()?.first_name, stored()?.company, stored()?.title], ['Ada', 'Analytical Engines', 'CTO']);
			});
			await runner.check('mcp: get_credits answers the account credits', async () => {
				const [credits] = items(await call(tools, 'get_credits', {}));
				assert.deepEqual(credits, await sandboxGet(sandbox, '/account/credits'));
			});
			await runner.check('mcp: bad arguments come back as tool errors in plain words, spending no call', async () => {
				control.clearLog();
				const badEmail = await call(tools, 'get_contact_by_email', { listId, email: 'not-an-email' });
				assert.equal(badEmail.isError, true);
				// Regular mode answers the message as text, queue mode as JSON (with its quotes escaped).
				assert.match(badEmail.text, /not-an-email\\?" is not a valid email address/);
				const badList = await call(tools, 'search_contacts', { listId: '-5' });
				assert.equal(badList.isError, true);
				assert.match(badList.text, /List must be a positive whole number/);
				assert.deepEqual(control.requestLog(), []);
			});
			// In queue mode a worker runs the tool node with the arguments as they came (n8n's
			// job-processor invokeTool), without the schema check: a number then reaches the node,
			// which takes it (test/node/list-id-forms.test.ts).
			if (!context.workers?.length) await runner.check("mcp: a list id given as a number is refused by n8n's tool schema, before the node runs, spending no call", async () => {
				control.clearLog();
				for (const name of LIST_ID_TOOLS) {
					const answer = await call(tools, name, { listId: prospects.id, email: 'jane.doe@example.com' });
					assert.equal(answer.isError, true, `${name}: ${answer.text}`);
					assert.match(answer.text, /Expected string, received number/);
				}
				assert.deepEqual(control.requestLog(), []);
			});
			await runner.check('mcp: an unknown list comes back as a tool error saying not found', async () => {
				const answer = await call(tools, 'search_contacts', { listId: '999999' });
				assert.equal(answer.isError, true);
				assert.match(answer.text, /not found/i);
			});
		} finally {
			await tools.close();
		}

		// In queue mode the calls may run on two workers, each with its own lane: 429 recovery
		// covers them there (README: Queue mode), so this check is for one n8n process.
		if (!context.workers?.length) await runner.check(`mcp: two tool calls at once on one key are paced (${PACED_INTERVAL_MS} ms apart in the sandbox's log)`, async () => {
			await api.activate(PACED_WORKFLOW_ID);
			const paced = await McpSession.open(mcpUrl(n8n.baseUrl, PACED_PATH), MCP_TOKEN);
			try {
				control.clearLog();
				const both = await Promise.all([call(paced, 'get_credits', {}), call(paced, 'list_lead_lists', {})]);
				for (const answer of both) items(answer);
				const starts = control.requestLog().map((entry) => entry.startedAt);
				assert.equal(starts.length, 2, 'one call each');
				assert.ok(starts[1] - starts[0] >= PACED_INTERVAL_MS, `calls ${Math.round(starts[1] - starts[0])} ms apart`);
			} finally {
				await paced.close();
			}
		});
		await runner.check(`mcp: no answer holds the API key, and each stays under ${MAX_ANSWER_CHARS} characters`, async () => {
			for (const { name, args, answer } of answers) {
				assert.ok(!answer.text.includes(sandbox.apiKey), `${name} answered with the API key`);
				console.log(`..    ${answer.text.length} characters: ${name} ${JSON.stringify(args)}${answer.isError ? ' (tool error)' : ''}`);
			}
			const over = answers.filter(({ answer }) => answer.text.length > MAX_ANSWER_CHARS);
			assert.deepEqual(over.map(({ name }) => name), []);
		});
	},
};
