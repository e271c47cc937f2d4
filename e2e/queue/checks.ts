import assert from 'node:assert/strict';
import type { CheckGroup } from '../checks/context';
import { allExecutionIds, executionsByWorker } from './workers';

/** What queue mode adds to the suite: where the executions ran. Runs after every other group. */
export const queueChecks: CheckGroup = {
	async run({ runner, api, workers = [] }) {
		await runner.check('queue: every execution of the suite ran on a worker, and every worker ran some', async () => {
			const ranOn = executionsByWorker(workers);
			const ids = await allExecutionIds(api);
			assert.ok(ids.length > 0, 'no executions saved');
			assert.deepEqual(ids.filter((id) => !ranOn.has(id)), [], 'executions no worker took (they ran on main)');
			const perWorker = workers.map((_, index) => ids.filter((id) => ranOn.get(id) === index + 1).length);
			console.log(`..    ${ids.length} executions; per worker: ${perWorker.join(', ')}`);
			assert.ok(perWorker.every((count) => count > 0), `per worker: ${perWorker.join(', ')}`);
		});
	},
};
