import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Sandbox } from '../../sandbox';
import { pacedSandboxCredential } from '../environment';
import { idFromBody } from '../workflows';
import type { CheckGroup } from './context';

const INTERVAL_S = 3;
const PACED_CREDENTIAL = { id: 'leadsopediaPac01', name: 'Leadsopedia paced' };

/** Stop pressed (through the editor's REST call) on a paced Return All, another workflow with the key waiting behind it. */
export const stopChecks: CheckGroup = {
	credentials: (sandbox: Sandbox) => [pacedSandboxCredential(sandbox, PACED_CREDENTIAL, INTERVAL_S)],
	workflows: [
		{
			path: 'stop-contacts-getAll',
			parameters: { resource: 'contact', operation: 'getAll', listId: idFromBody('listId'), returnAll: true, options: { pageSize: 5 } },
			credential: PACED_CREDENTIAL,
		},
		{ path: 'stop-list-get', parameters: { resource: 'list', operation: 'get', listId: idFromBody('listId') }, credential: PACED_CREDENTIAL },
	],

	async run({ runner, api, sandbox: { control }, workflowIds }) {
		await runner.check('a stopped Return All makes no call after the Stop and gives its lane turn to the next workflow with the key', async () => {
			const list = control.lists('demo').find((candidate) => candidate.total_contacts >= 15);
			assert.ok(list, 'no demo list of 3 pages');
			const apiCalls = () => control.requestLog().filter((entry) => entry.host === 'api');
			control.clearLog();
			const returnAll = api.webhook('stop-contacts-getAll', { listId: list.id });
			let executionId: string | undefined;
			for (let polls = 0; polls < 400 && !executionId; polls++) {
				await sleep(25);
				if (apiCalls().length < 2) continue;
				const filter = JSON.stringify({ workflowId: workflowIds.get('stop-contacts-getAll'), status: ['running'] });
				const { data } = await api.rest<{ data: { results: { id: string }[] } }>('GET', `/rest/executions?filter=${encodeURIComponent(filter)}`);
				executionId = data.results[0]?.id;
			}
			assert.ok(executionId, 'no running execution to stop after its 2nd call');
			// The other workflow queues behind the Return All's 3rd page, then Stop.
			const other = api.webhook('stop-list-get', { listId: list.id });
			await sleep(200);
			const stoppedAt = performance.timeOrigin + performance.now();
			await api.rest('POST', `/rest/executions/${executionId}/stop`);
			await Promise.all([returnAll, other]);
			const [, second, ...after] = apiCalls();
			const later = after.map((entry) => `${entry.path} at +${Math.round(entry.startedAt - stoppedAt)} ms`);
			console.log(`..    after the Stop: ${later.join(', ')}; the other workflow's call ${Math.round(after[0]?.startedAt - second.startedAt)} ms after the 2nd page`);
			assert.deepEqual(after.map((entry) => entry.path), [`/v1/mylists/${list.id}`], 'only the other workflow calls after the Stop');
			assert.ok(after[0].startedAt - second.startedAt < (INTERVAL_S + 1) * 1000, 'the other workflow waited for more than the turn after the 2nd page');
		});
	},
};
