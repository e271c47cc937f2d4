import '../engine-env';
import { startSandbox, type Sandbox } from '../../sandbox';
import { runLeadsopedia } from '../../test/helpers/engine';

/** Case: Stop pressed during a paced Return All of 30 pages, the node loaded as the n8n server loads it. */
export interface StopRow {
	/** Where the Stop lands: while a call is in flight, or while the next one waits its turn. */
	moment: 'call in flight' | 'waiting for the turn';
	intervalSeconds: number;
	callsBeforeStop: number;
	callsAfterStop: number;
	msStopToEnd: number;
	pages: number;
}

const PAGES = 30;
const PAGE_SIZE = 10;
/** On the sandbox log's clock. */
const now = () => performance.timeOrigin + performance.now();

async function whenCalls(sandbox: Sandbox, count: number): Promise<void> {
	for (let polls = 0; polls < 100_000; polls++) {
		if (sandbox.control.requestLog().length >= count) return;
		await new Promise((resolve) => setTimeout(resolve, 2));
	}
	throw new Error(`the sandbox never saw ${count} calls`);
}

async function stopOnce(intervalSeconds: number, moment: StopRow['moment']): Promise<StopRow> {
	const intervalMs = intervalSeconds * 1000;
	const sandbox = await startSandbox({ intervalMs, contacts: PAGES * PAGE_SIZE });
	try {
		const bigList = sandbox.control.lists('demo').find((list) => list.name === 'Big list');
		const callsBeforeStop = 2;
		// Mid-wait: a fifth of the interval after the call, well inside the wait for the next turn.
		const delayMs = moment === 'call in flight' ? 0 : intervalMs / 5;
		let stoppedAt = 0;
		const stop = whenCalls(sandbox, callsBeforeStop)
			.then(async () => await new Promise((resolve) => setTimeout(resolve, delayMs)))
			.then(() => (stoppedAt = now()));
		await runLeadsopedia(
			{ resource: 'contact', operation: 'getAll', listId: { __rl: true, mode: 'id', value: String(bigList?.id) }, returnAll: true, options: { pageSize: PAGE_SIZE } },
			{ baseUrl: sandbox.baseUrl, credentials: { apiKey: sandbox.apiKey, requestInterval: intervalSeconds }, asServer: true, stop },
		);
		const endedAt = now();
		const log = sandbox.control.requestLog();
		return {
			moment,
			intervalSeconds,
			callsBeforeStop: log.filter((entry) => entry.startedAt <= stoppedAt).length,
			callsAfterStop: log.filter((entry) => entry.startedAt > stoppedAt).length,
			msStopToEnd: endedAt - stoppedAt,
			pages: PAGES,
		};
	} finally {
		await sandbox.stop();
	}
}

export async function stopDuringReturnAll(intervalSeconds: number): Promise<StopRow[]> {
	return [await stopOnce(intervalSeconds, 'call in flight'), await stopOnce(intervalSeconds, 'waiting for the turn')];
}
