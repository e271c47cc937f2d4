import { runWorker, sandboxWithBigList } from '../processes';
import { spread, type Spread } from '../stats';
import type { Measurement } from '../workers/measure';

/** Case 3: N contacts through the node in n8n-core's engine, against two bare loops. */
export interface Side {
	wallMs: Spread;
	cpuMs: Spread;
	peakRssMb: Spread;
	baselineRssMb: Spread;
}

export interface ThroughputRow {
	contacts: number;
	pageSize: number;
	runs: number;
	node: Side;
	/** The same pages with Node's fetch. */
	bare: Side;
	/** The same pages with node:http. */
	http: Side;
	/** Node over each bare loop, medians of the runs. */
	wallRatio: number;
	cpuRatio: number;
	httpWallRatio: number;
	httpCpuRatio: number;
}

const WORKERS = { node: 'bench/workers/node-worker.ts', bare: 'bench/workers/bare-worker.ts', http: 'bench/workers/http-worker.ts' } as const;
type SideName = keyof typeof WORKERS;

function summarise(runs: Measurement[]): Side {
	return {
		wallMs: spread(runs.map((run) => run.wallMs)),
		cpuMs: spread(runs.map((run) => run.cpuMs)),
		peakRssMb: spread(runs.map((run) => run.peakRssMb)),
		baselineRssMb: spread(runs.map((run) => run.baselineRssMb)),
	};
}

/**
 * Each side in its own process (the sandbox in another), warmed by one unmeasured run of
 * the same work; the sides take turns in a rotating order so that load drifts on the
 * shared machine hit all of them alike.
 */
export async function throughput(contacts: number, pageSize: number, runs: number): Promise<ThroughputRow> {
	const sandbox = await sandboxWithBigList(contacts);
	try {
		const args = [sandbox.baseUrl, sandbox.apiKey, sandbox.listId, String(pageSize)];
		const measured: Record<SideName, Measurement[]> = { node: [], bare: [], http: [] };
		const order: SideName[] = ['node', 'bare', 'http'];
		for (let run = 0; run < runs; run++) {
			for (let turn = 0; turn < order.length; turn++) {
				const side = order[(run + turn) % order.length];
				const measurement = await runWorker<Measurement>(WORKERS[side], args, { timeoutMs: 600_000 });
				if (measurement.items !== contacts) throw new Error(`${side}: fetched ${measurement.items} of ${contacts} contacts`);
				measured[side].push(measurement);
			}
		}
		const [node, bare, http] = order.map((side) => summarise(measured[side]));
		return {
			contacts,
			pageSize,
			runs,
			node,
			bare,
			http,
			wallRatio: node.wallMs.median / bare.wallMs.median,
			cpuRatio: node.cpuMs.median / bare.cpuMs.median,
			httpWallRatio: node.wallMs.median / http.wallMs.median,
			httpCpuRatio: node.cpuMs.median / http.cpuMs.median,
		};
	} finally {
		sandbox.stop();
	}
}
