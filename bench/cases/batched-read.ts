import { runWorker, sandboxWithBigList } from '../processes';
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
	const sandbox = await sandboxWithBigList(contacts);
	try {
		const before = await callsSoFar(sandbox.baseUrl, sandbox.apiKey);
		const args = [sandbox.baseUrl, sandbox.apiKey, sandbox.listId, String(pageSize), String(batchSize)];
		const measurement = await runWorker<Measurement>('bench/workers/batch-worker.ts', args, { timeoutMs: 1_800_000 });
		if (measurement.items !== contacts) throw new Error(`read ${measurement.items} of ${contacts} contacts`);
		// The usage call itself counts once.
		const calls = (await callsSoFar(sandbox.baseUrl, sandbox.apiKey)) - before - 1;
		return { ...measurement, contacts, batchSize, pageSize, batches: Math.floor(contacts / batchSize) + 1, calls };
	} finally {
		sandbox.stop();
	}
}
