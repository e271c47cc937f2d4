import assert from 'node:assert/strict';
import type { Context, CheckGroup, Item } from './context';

const PROSPECTS = { id: 1, name: 'Prospects' };

/**
 * `n8n execute --rawOutput` prints log lines, then the run as JSON; answers the items
 * the named node output.
 */
async function execute({ n8n, workflowIds }: Context, example: string, node: string): Promise<Item[]> {
	const output = await n8n.cli(['execute', `--id=${workflowIds.get(example)}`, '--rawOutput']);
	const start = output.search(/^\{/m);
	assert.ok(start >= 0, `no JSON in the output of n8n execute:\n${output.slice(-2000)}`);
	const run = JSON.parse(output.slice(start, output.lastIndexOf('}') + 1)) as {
		data: { resultData: { runData: Record<string, Array<{ data: { main: Array<Array<{ json: Item }>> } }>> } };
	};
	return run.data.resultData.runData[node][0].data.main[0].map((item) => item.json);
}

/** The example workflows as a user imports them, run with `n8n execute` (before the server starts). */
export const exampleChecks: CheckGroup = {
	async beforeStart(context) {
		const { runner, sandbox: { control } } = context;
		assert.deepEqual(
			control.lists('demo').map(({ id, name }) => ({ id, name }))[0],
			PROSPECTS,
			'the examples pick list 1, "Prospects", of the sandbox demo data',
		);
		await runner.check('example list-contacts lists the contacts of Prospects', async () => {
			const items = await execute(context, 'list-contacts', 'Get contacts of Prospects');
			assert.deepEqual(items, control.contacts(PROSPECTS.id).map((contact) => ({ ...contact, list_id: PROSPECTS.id })));
		});
		await runner.check('example add-contact adds Jane to Prospects', async () => {
			const [added] = await execute(context, 'add-contact', 'Add Jane to Prospects');
			const stored = control.contacts(PROSPECTS.id).find((contact) => contact.email === 'jane.doe@example.com');
			assert.equal(stored?.first_name, 'Jane');
			assert.equal(added.id, stored?.id);
		});
	},
};
