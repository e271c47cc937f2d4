import { existsSync } from 'node:fs';
import { describeInstall } from '../../e2e/install-n8n';
import { flavorsFromArgs, installDir } from '../../e2e/versions';
import { runWorker } from '../processes';

/** Case 7: how many items one node run can hand on for one input item, per n8n line. */
export interface ItemLimitRow {
	n8n: string;
	n8nCore: string;
	node: string;
	/** Largest count that line's RoutingNode hands on; one more overflows the stack. */
	largest: number;
}

/** Each n8n line installed in the cache (npm run e2e:install), its RoutingNode on its Node. */
export async function itemLimits(): Promise<ItemLimitRow[]> {
	const rows: ItemLimitRow[] = [];
	for (const flavor of flavorsFromArgs([])) {
		const folder = installDir(flavor);
		if (!existsSync(folder)) continue;
		const { node: binary } = describeInstall(folder, flavor);
		const measured = await runWorker<Omit<ItemLimitRow, 'n8n'>>('bench/workers/item-limit-worker.ts', [folder], { timeoutMs: 300_000, node: binary });
		rows.push({ n8n: flavor.n8n, ...measured });
	}
	return rows;
}
