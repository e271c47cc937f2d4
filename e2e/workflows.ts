import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { REPO } from './package-tarball';

/** The credential the examples name; the suite and the demo import it under this id. */
export const SANDBOX_CREDENTIAL = { id: 'leadsopediaSbx01', name: 'Leadsopedia sandbox', type: 'leadsopediaApi' };
/** The Bearer token the AI-tools example's MCP Server Trigger asks of every client. */
export const MCP_TOKEN_CREDENTIAL = { id: 'leadsopediaMcp01', name: 'Leadsopedia MCP token', type: 'httpBearerAuth' };

export const NODE_TYPE = 'n8n-nodes-leadsopedia.leadsopedia';
export const TRIGGER_TYPE = 'n8n-nodes-leadsopedia.leadsopediaTrigger';
export const MCP_TRIGGER_TYPE = '@n8n/n8n-nodes-langchain.mcpTrigger';

/** The path an MCP Server Trigger of the workflow serves, if it has one. */
export const mcpPathOf = (workflow: WorkflowJson): string | undefined =>
	workflow.nodes.find((node) => node.type === MCP_TRIGGER_TYPE)?.parameters.path as string | undefined;

export interface WorkflowJson {
	id: string;
	name: string;
	nodes: Array<Record<string, unknown> & { name: string; type: string; parameters: Record<string, unknown> }>;
	connections: Record<string, unknown>;
	[key: string]: unknown;
}

const EXAMPLES_DIR = path.join(REPO, 'examples');

/** The example workflows, by file name without `.json`. */
export function readExamples(): Map<string, WorkflowJson> {
	const examples = new Map<string, WorkflowJson>();
	for (const file of fs.readdirSync(EXAMPLES_DIR).filter((name) => name.endsWith('.json')).sort()) {
		examples.set(path.basename(file, '.json'), JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')) as WorkflowJson);
	}
	return examples;
}

/** A value taken from the webhook call's JSON body, so one workflow serves many calls. */
export const fromBody = (field: string) => `={{ $json.body.${field} }}`;

/** A resource locator in ID mode whose value comes from the webhook body. */
export const idFromBody = (field: string) => ({ __rl: true, mode: 'id', value: fromBody(field) });

export interface WebhookWorkflow {
	/** Webhook path, also the workflow's name. */
	path: string;
	/** Parameters of the Leadsopedia node. */
	parameters: Record<string, unknown>;
	credential?: { id: string; name: string };
	/** Overrides of the Webhook node's parameters (for example, answer with a binary file). */
	webhook?: Record<string, unknown>;
	/** Another node to run instead of Leadsopedia (then `parameters` and `credential` are unused). */
	node?: WorkflowNode;
}

/** The one node a webhook workflow runs (its id and position are filled in). */
export interface WorkflowNode {
	name: string;
	type: string;
	typeVersion: number;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
}

/**
 * Webhook → one node, published on one running n8n: each call is a full run of the node
 * through n8n's engine (about 0.15 s, where `n8n execute` takes 6 s). By default the
 * webhook answers every item the node output.
 */
export function webhookThen(id: string, name: string, webhookPath: string, node: WorkflowNode, webhook: Record<string, unknown> = {}): WorkflowJson {
	return {
		id,
		name,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: randomUUID(),
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: randomUUID(),
				parameters: { httpMethod: 'POST', path: webhookPath, responseMode: 'lastNode', responseData: 'allEntries', options: {}, ...webhook },
			},
			{ id: randomUUID(), position: [220, 0], ...node },
		],
		connections: { Webhook: { main: [[{ node: node.name, type: 'main', index: 0 }]] } },
	};
}

/** Webhook → Leadsopedia with the spec's parameters. */
export function webhookWorkflow(id: string, spec: WebhookWorkflow): WorkflowJson {
	const leadsopedia: WorkflowNode = {
		name: 'Leadsopedia',
		type: NODE_TYPE,
		typeVersion: 1,
		parameters: spec.parameters,
		credentials: { leadsopediaApi: spec.credential ?? SANDBOX_CREDENTIAL },
	};
	return webhookThen(id, `e2e ${spec.path}`, spec.path, spec.node ?? leadsopedia, spec.webhook);
}

/** Writes workflows one per file, the layout `n8n import:workflow --separate` reads. */
export function writeWorkflows(dir: string, workflows: Iterable<WorkflowJson>): void {
	fs.mkdirSync(dir, { recursive: true });
	for (const workflow of workflows) fs.writeFileSync(path.join(dir, `${workflow.id}.json`), JSON.stringify(workflow, null, 2));
}
