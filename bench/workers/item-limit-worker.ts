/**
 * The largest number of items the real declarative runner (RoutingNode) of one installed
 * n8n hands on for one input item, under that n8n's Node with its default stack size: a
 * probe node's operation returns N items, and the run fails with "Maximum call stack size
 * exceeded" above the limit. Binary search between 100,000 and 200,000.
 *
 *   node --import tsx bench/workers/item-limit-worker.ts <n8n install folder>
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [installFolder] = process.argv.slice(2);
const userFolder = join(tmpdir(), `leadsopedia-item-limit-${process.pid}`);
mkdirSync(userFolder, { recursive: true });
process.env.N8N_USER_FOLDER = userFolder;
process.env.N8N_LOG_LEVEL = 'silent';

/** A module as that install resolves it, not this repository's copy. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const installed = (name: string) => require(require.resolve(name, { paths: [installFolder] }));
const core = installed('n8n-core');
const { Workflow, NodeHelpers } = installed('n8n-workflow');
const coreVersion: string = installed('n8n-core/package.json').version;

let itemCount = 0;
const probe = {
	description: {
		displayName: 'Probe',
		name: 'probe',
		group: ['transform'],
		version: 1,
		description: 'Returns itemCount items from one declarative operation',
		defaults: { name: 'Probe' },
		inputs: ['main'],
		outputs: ['main'],
		requestDefaults: { baseURL: 'http://127.0.0.1:9' },
		properties: [
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				default: 'many',
				options: [
					{
						name: 'Many',
						value: 'many',
						routing: {
							request: { method: 'GET' },
							send: { paginate: true },
							operations: { pagination: async () => Array.from({ length: itemCount }, (_, index) => ({ json: { index } })) },
						},
					},
				],
			},
		],
	},
};
const start = {
	description: { displayName: 'Start', name: 'start', group: ['input'], version: 1, description: 'One empty item', defaults: { name: 'Start' }, inputs: [], outputs: ['main'], properties: [] },
	execute: async () => [[{ json: {} }]],
};
const registry: Record<string, unknown> = { 'probe.start': start, 'probe.probe': probe };
const nodeTypes = {
	getByName: (name: string) => registry[name],
	getByNameAndVersion: (name: string, version: number) => NodeHelpers.getVersionedNodeType(registry[name], version),
	getKnownTypes: () => ({}),
};
const additionalData = {
	hooks: new core.ExecutionLifecycleHooks('manual', 'item-limit', { id: 'w', name: 'w', active: false, nodes: [], connections: {}, createdAt: new Date(), updatedAt: new Date() }),
	webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
	formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
	restApiUrl: 'http://127.0.0.1/rest',
	instanceBaseUrl: 'http://127.0.0.1/',
	variables: {},
	userId: 'item-limit',
};

async function handsOn(count: number): Promise<boolean> {
	itemCount = count;
	const workflow = new Workflow({
		id: 'w',
		active: false,
		nodeTypes,
		nodes: [
			{ id: '1', name: 'Start', type: 'probe.start', typeVersion: 1, position: [0, 0], parameters: {} },
			{ id: '2', name: 'Probe', type: 'probe.probe', typeVersion: 1, position: [200, 0], parameters: { operation: 'many' } },
		],
		connections: { Start: { main: [[{ node: 'Probe', type: 'main', index: 0 }]] } },
	});
	const startNode = workflow.getNode('Start');
	const execute = new core.WorkflowExecute(additionalData, 'manual');
	// n8n-core 2.x takes one options object; 1.x the workflow and the start node.
	const run = await (Number(coreVersion.split('.')[0]) >= 2 ? execute.run({ workflow, startNode }) : execute.run(workflow, startNode));
	const task = run.data.resultData.runData.Probe?.[0];
	const error = task?.error ?? run.data.resultData.error;
	if (error && /call stack/i.test(error.message)) return false;
	if (error) throw new Error(error.message);
	return task.data.main[0].length === count;
}

async function largest(): Promise<number> {
	let works = 100_000;
	let fails = 200_000;
	if (!(await handsOn(works))) throw new Error(`${works} items already fail`);
	while (fails - works > 1) {
		const middle = Math.floor((works + fails) / 2);
		if (await handsOn(middle)) works = middle;
		else fails = middle;
	}
	return works;
}

// n8n-core 1.x leaves handles open after a run: exit once the line is written.
void largest().then((count) => {
	process.stdout.write(`${JSON.stringify({ node: process.version, n8nCore: coreVersion, largest: count })}\n`, () => process.exit(0));
});
