import assert from 'node:assert/strict';
import { waitFor } from '../processes';
import { readExamples } from '../workflows';
import type { Context, CheckGroup, Item } from './context';

const PROSPECTS = { id: 1, name: 'Prospects' };

/** Runs an example workflow; answers the items the named node output. */
type RunExample = (context: Context, example: string, node: string) => Promise<Item[]>;

/**
 * `n8n execute --rawOutput` prints log lines, then the run as JSON; answers the items
 * the named node output.
 */
const execute: RunExample = async ({ n8n, workflowIds }, example, node) => {
	const output = await n8n.cli(['execute', `--id=${workflowIds.get(example)}`, '--rawOutput']);
	const start = output.search(/^\{/m);
	assert.ok(start >= 0, `no JSON in the output of n8n execute:\n${output.slice(-2000)}`);
	const run = JSON.parse(output.slice(start, output.lastIndexOf('}') + 1)) as {
		data: { resultData: { runData: Record<string, Array<{ data: { main: Array<Array<{ json: Item }>> } }>> } };
	};
	return run.data.resultData.runData[node][0].data.main[0].map((item) => item.json);
};

/** The editor's "Execute workflow" on the running n8n (in queue mode a worker runs it). */
const runManually: RunExample = async ({ api, workflowIds }, example, node) => {
	const workflowId = workflowIds.get(example) as string;
	const trigger = readExamples().get(example)?.nodes.find((candidate) => candidate.type === 'n8n-nodes-base.manualTrigger')?.name ?? '';
	const id = await api.runManually(workflowId, trigger);
	const execution = await waitFor(`execution ${id} of ${example} to end`, 60_000, async () => {
		const current = await api.execution(id);
		return ['new', 'running', 'waiting'].includes(current.status) ? undefined : current;
	}, 500);
	assert.equal(execution.status, 'success', `${example}: ${execution.data?.resultData.error?.message}`);
	return (execution.data?.resultData.runData[node]?.[0]?.data?.main[0] ?? []).map((item) => item.json);
};

async function checkExamples(context: Context, run: RunExample): Promise<void> {
	const { runner, sandbox: { control } } = context;
	assert.deepEqual(
		control.lists('demo').map(({ id, name }) => ({ id, name }))[0],
		PROSPECTS,
		'the examples pick list 1, "Prospects", of the sandbox demo data',
	);
	await runner.check('example list-contacts lists the contacts of Prospects', async () => {
		const items = await run(context, 'list-contacts', 'Get contacts of Prospects');
		assert.deepEqual(items, control.contacts(PROSPECTS.id).map((contact) => ({ ...contact, list_id: PROSPECTS.id })));
	});
	await runner.check('example add-contact adds Jane to Prospects', async () => {
		const [added] = await run(context, 'add-contact', 'Add Jane to Prospects');
		const stored = control.contacts(PROSPECTS.id).find((contact) => contact.email === 'jane.doe@example.com');
		assert.equal(stored?.first_name, 'Jane');
		assert.equal(added.id, stored?.id);
	});
}

/** The example workflows as a user imports them, run with `n8n execute` (before the server starts). */
export const exampleChecks: CheckGroup = {
	beforeStart: (context) => checkExamples(context, execute),
};

/** The same, run from the editor's "Execute workflow" on the running n8n (queue mode: `n8n execute` runs in its own process). */
export const manualRunExampleChecks: CheckGroup = {
	run: (context) => checkExamples(context, runManually),
};
