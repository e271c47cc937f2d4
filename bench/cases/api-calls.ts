import '../engine-env';
import { startSandbox } from '../../sandbox';
import { runLeadsopedia } from '../../test/helpers/engine';

/** Case 1: API calls of a Return All of contacts, against the floor ceil(N / page size). */
export interface CallCountRow {
	contacts: number;
	pageSize: number;
	calls: number;
	/** At least one call is needed to learn that a list is empty. */
	floor: number;
	wasted: number;
	items: number;
}

export async function countCalls(contacts: number, pageSize: number): Promise<CallCountRow> {
	const sandbox = await startSandbox({ intervalMs: 0, contacts });
	try {
		const bigList = sandbox.control.lists('demo').find((list) => list.name === 'Big list');
		const run = await runLeadsopedia(
			{
				resource: 'contact',
				operation: 'getAll',
				listId: { __rl: true, mode: 'id', value: String(bigList?.id) },
				returnAll: true,
				options: { pageSize },
			},
			{ baseUrl: sandbox.baseUrl, credentials: { apiKey: sandbox.apiKey } },
		);
		if (run.error) throw new Error(`Get Many failed: ${run.error.message}`);
		const calls = sandbox.control.requestLog().filter((entry) => entry.path === '/v1/contacts').length;
		const floor = Math.max(1, Math.ceil(contacts / pageSize));
		return { contacts, pageSize, calls, floor, wasted: calls - floor, items: run.items.length };
	} finally {
		await sandbox.stop();
	}
}
