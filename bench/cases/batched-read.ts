import { firstLine, runTs, sandboxProcess } from '../processes';
import type { Measurement } from '../workers/measure';

/** Case 6: a list too big for one Get Many, read completely in batches through the engine. */
export interface BatchedReadRow extends Measurement {
	contacts: number;
	batchSize: number;
	pageSize: number;
	batches: number;
	/** API calls the sandbox counted for the read. */
	calls: number;
}

async function callsSoFar(baseUrl: string, apiKey: string): Promise<number> {
	const response = await fetch(`${baseUrl}/account/usage`, { headers: { 'X-Api-Key': apiKey } });
	return ((await response.json()) as { calls_this_month: number }).calls_this_month;
}

export async function batchedRead(contacts: number, batchSize: number, pageSize: number): Promise<BatchedReadRow> {
	const sandbox = await sandboxProcess(['--contacts', String(contacts)]);
	try {
		const response = await fetch(`${sandbox.baseUrl}/mylists?limit=1000`, { headers: { 'X-Api-Key': sandbox.apiKey } });
		const { lists } = (await response.json()) as { lists: Array<{ id: number; name: string }> };
		const listId = String(lists.find((list) => list.name === 'Big list')?.id);
		const before = await callsSoFar(sandbox.baseUrl, sandbox.apiKey);
		const child = runTs('bench/workers/batch-worker.ts', [sandbox.baseUrl, sandbox.apiKey, listId, String(pageSize), String(batchSize)]);
		const measurement = JSON.parse(await firstLine(child, 1_800_000)) as Measurement;
		await new Promise((resolve) => child.once('exit', resolve));
		if (measurement.items !== contacts) throw new Error(`read ${measurement.items} of ${contacts} contacts`);
		// The usage call itself counts once.
		const calls = (await callsSoFar(sandbox.baseUrl, sandbox.apiKey)) - before - 1;
		return { ...measurement, contacts, batchSize, pageSize, batches: Math.floor(contacts / batchSize) + 1, calls };
	} finally {
		sandbox.stop();
	}
}
