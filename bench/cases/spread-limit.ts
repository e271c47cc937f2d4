import { existsSync } from 'node:fs';
import { describeInstall } from '../../e2e/install-n8n';
import { flavorsFromArgs, installDir } from '../../e2e/versions';
import { runWorker } from '../processes';

/** Case 7: how many items one node run can hand on for one input item, per n8n line. */
export interface SpreadLimitRow {
	n8n: string;
	node: string;
	/** Largest count RoutingNode's `push(...items)` takes on that line's Node. */
	largest: number;
}

/** Each n8n line whose Node is here (the 2.x line's comes with its cached install). */
export async function spreadLimits(): Promise<SpreadLimitRow[]> {
	const rows: SpreadLimitRow[] = [];
	for (const flavor of flavorsFromArgs([])) {
		const { node: binary } = describeInstall(installDir(flavor), flavor);
		if (!existsSync(binary)) continue;
		const { node, largest } = await runWorker<{ node: string; largest: number }>('bench/workers/spread-worker.ts', [], { timeoutMs: 120_000, node: binary });
		rows.push({ n8n: flavor.n8n, node, largest });
	}
	return rows;
}
