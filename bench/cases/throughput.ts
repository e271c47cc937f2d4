import { firstLine, runTs, sandboxProcess } from '../processes';
import { spread, type Spread } from '../stats';
import type { Measurement } from '../workers/measure';

/** Case 3: N contacts through the node in n8n-core's engine, against a bare fetch loop. */
export interface ThroughputRow {
	contacts: number;
	pageSize: number;
	node: { wallMs: Spread; cpuMs: Spread; peakRssMb: Spread; baselineRssMb: Spread };
	bare: { wallMs: Spread; cpuMs: Spread; peakRssMb: Spread; baselineRssMb: Spread };
	/** Node over bare, medians of the runs. */
	wallRatio: number;
	cpuRatio: number;
}

async function worker(file: string, args: string[]): Promise<Measurement> {
	const child = runTs(file, args);
	const measurement = JSON.parse(await firstLine(child, 600_000)) as Measurement;
	await new Promise((resolve) => child.once('exit', resolve));
	return measurement;
}

function summarise(runs: Measurement[]) {
	return {
		wallMs: spread(runs.map((run) => run.wallMs)),
		cpuMs: spread(runs.map((run) => run.cpuMs)),
		peakRssMb: spread(runs.map((run) => run.peakRssMb)),
		baselineRssMb: spread(runs.map((run) => run.baselineRssMb)),
	};
}

export async function throughput(contacts: number, pageSize: number, runs: number): Promise<ThroughputRow> {
	const sandbox = await sandboxProcess(['--contacts', String(contacts)]);
	try {
		const response = await fetch(`${sandbox.baseUrl}/mylists?limit=1000`, { headers: { 'X-Api-Key': sandbox.apiKey } });
		const { lists } = (await response.json()) as { lists: Array<{ id: number; name: string }> };
		const listId = String(lists.find((list) => list.name === 'Big list')?.id);
		const args = [sandbox.baseUrl, sandbox.apiKey, listId, String(pageSize)];
		const node: Measurement[] = [];
		const bare: Measurement[] = [];
		// Alternate the two so that machine load drifts affect both alike.
		for (let run = 0; run < runs; run++) {
			bare.push(await worker('bench/workers/bare-worker.ts', args));
			node.push(await worker('bench/workers/node-worker.ts', args));
		}
		for (const measurement of [...node, ...bare]) {
			if (measurement.items !== contacts) throw new Error(`fetched ${measurement.items} of ${contacts} contacts`);
		}
		const nodeSummary = summarise(node);
		const bareSummary = summarise(bare);
		return {
			contacts,
			pageSize,
			node: nodeSummary,
			bare: bareSummary,
			wallRatio: nodeSummary.wallMs.median / bareSummary.wallMs.median,
			cpuRatio: nodeSummary.cpuMs.median / bareSummary.cpuMs.median,
		};
	} finally {
		sandbox.stop();
	}
}
