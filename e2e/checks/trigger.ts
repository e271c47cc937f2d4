import assert from 'node:assert/strict';
import type { Execution } from '../n8n-api';
import { sleep, waitFor } from '../processes';
import { TRIGGER_TYPE, readExamples } from '../workflows';
import type { CheckGroup } from './context';

const EXAMPLE = 'new-contact-trigger';
/** Long enough for an execution a poll started to be saved (they take about 0.1 s). */
const SETTLE_MS = 3_000;

/** A field of every item `node` output, across executions, oldest first. */
export function outputs(executions: Execution[], node: string, field: string): string[] {
	return [...executions]
		.sort((a, b) => Number(a.id) - Number(b.id))
		.flatMap((execution) => execution.data?.resultData.runData[node]?.[0]?.data?.main[0] ?? [])
		.map((item) => String(item.json[field]));
}

/**
 * The trigger example, published on the running n8n: new contacts of its list come out
 * exactly once, across polls forced by deactivating and activating it (its saved state
 * carries over) and across a restart of n8n. Unpublished at the end: its hourly poll would
 * otherwise fall into whatever case runs at the top of the hour (in queue mode, the load
 * on the same key, where a poll that runs out of tries on 429s is an execution of main's).
 */
export const triggerChecks: CheckGroup = {
	async run(context) {
		const { runner, api, n8n, sandbox: { control }, workflowIds } = context;
		const workflow = readExamples().get(EXAMPLE);
		const triggerNode = workflow?.nodes.find((node) => node.type === TRIGGER_TYPE);
		const listId = Number((triggerNode?.parameters.listId as { value?: string } | undefined)?.value);
		const id = workflowIds.get(EXAMPLE) as string;
		const summaryNode = workflow?.nodes.find((node) => node.type === 'n8n-nodes-base.set')?.name ?? '';
		const emails = async () => outputs(await api.executions(id), triggerNode?.name ?? '', 'email');
		/** Waits until exactly `expected` has been emitted, then a little longer for anything extra. */
		const expectEmitted = async (expected: string[]) => {
			await waitFor(`the trigger to emit ${expected.join(', ')}`, 30_000, async () => ((await emails()).length >= expected.length ? true : undefined), 500);
			await sleep(SETTLE_MS);
			assert.deepEqual(await emails(), expected);
		};
		const forcePoll = async () => {
			await api.deactivate(id);
			await api.activate(id);
		};
		const add = (...names: string[]) =>
			control.addContacts(listId, names.map((name) => ({ email: `${name}@trigger.example`, first_name: name, last_name: 'Trigger' }))).map((contact) => contact.email);

		const published = await runner.check('trigger example publishes; its first poll emits no existing contact', async () => {
			assert.ok(triggerNode && listId > 0, `${EXAMPLE}.json has no Leadsopedia Trigger with a list`);
			await api.activate(id);
			await sleep(SETTLE_MS);
			assert.deepEqual(await emails(), []);
		});
		if (!published) return;
		const first = add('ada', 'alan');
		await runner.check('trigger emits contacts added since, at the next poll, into the rest of the workflow', async () => {
			await forcePoll();
			await expectEmitted(first);
			assert.deepEqual(outputs(await api.executions(id), summaryNode, 'summary'), ['New lead: ada Trigger <ada@trigger.example>', 'New lead: alan Trigger <alan@trigger.example>']);
		});
		await runner.check('trigger emits nothing again at a forced re-poll', async () => {
			await forcePoll();
			await sleep(SETTLE_MS);
			assert.deepEqual(await emails(), first);
		});
		const second = add('grace');
		await runner.check('trigger emits only the newer contact after n8n restarts', async () => {
			await n8n.stop();
			const third = add('edsger');
			await n8n.start();
			await expectEmitted([...first, ...second, ...third]);
		});
		await runner.check('trigger example unpublished: no poll of its falls into the later cases', () => api.deactivate(id));
	},
};
