import '../engine-env';
import { startSandbox } from '../../sandbox';
import { runLeadsopedia } from '../../test/helpers/engine';

/** Case 2: a Return All with the API's real interval, against (pages - 1) × interval. */
export interface PacedRow {
	pages: number;
	intervalSeconds: number;
	/** Added to every round trip by the sandbox (a far-away API). */
	latencyMs: number;
	wallSeconds: number;
	floorSeconds: number;
	/** Start-to-start gaps beyond the interval, as the sandbox saw them. */
	extraWaitMs: { median: number; max: number };
	refused: number;
}

export async function pacedReturnAll(intervalSeconds: number, pages: number, latencyMs = 0, pageSize = 100): Promise<PacedRow> {
	const sandbox = await startSandbox({ intervalMs: intervalSeconds * 1000, contacts: pages * pageSize });
	try {
		if (latencyMs) sandbox.control.injectFaults({ kind: 'slow', slowMs: latencyMs, rate: 1 });
		const bigList = sandbox.control.lists('demo').find((list) => list.name === 'Big list');
		const started = performance.now();
		const run = await runLeadsopedia(
			{ resource: 'contact', operation: 'getAll', listId: { __rl: true, mode: 'id', value: String(bigList?.id) }, returnAll: true },
			{ baseUrl: sandbox.baseUrl, credentials: { apiKey: sandbox.apiKey, requestInterval: intervalSeconds } },
		);
		const wallSeconds = (performance.now() - started) / 1000;
		if (run.error) throw new Error(`Get Many failed: ${run.error.message}`);
		const log = sandbox.control.requestLog();
		const extra = log
			.slice(1)
			.map((entry, index) => entry.startedAt - log[index].startedAt - intervalSeconds * 1000)
			.sort((a, b) => a - b);
		return {
			pages: log.length,
			intervalSeconds,
			latencyMs,
			wallSeconds,
			floorSeconds: (pages - 1) * intervalSeconds,
			extraWaitMs: { median: extra[Math.floor(extra.length / 2)] ?? 0, max: extra[extra.length - 1] ?? 0 },
			refused: log.filter((entry) => entry.status === 429).length,
		};
	} finally {
		await sandbox.stop();
	}
}

/** Time over the floor the goal allows: 1 s, and 1% of the floor when every round trip is slowed. */
export const pacedAllowance = (row: PacedRow) => (row.latencyMs ? row.floorSeconds * 0.01 + 1 : 1);
