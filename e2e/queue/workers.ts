import fs from 'node:fs';
import type { N8nApi } from '../n8n-api';
import type { N8nInstance } from '../n8n-instance';

/**
 * Which worker ran each execution, from the line every worker logs as it takes a job
 * ("Worker started execution 12 (job 7)", n8n's scaling/job-processor.js): execution id
 * to worker number (1-based).
 */
export function executionsByWorker(workers: N8nInstance[]): Map<string, number> {
	const ranOn = new Map<string, number>();
	workers.forEach((worker, index) => {
		const log = fs.readFileSync(worker.serverLog, 'utf8');
		for (const [, id] of log.matchAll(/Worker started execution (\d+)/g)) ranOn.set(id, index + 1);
	});
	return ranOn;
}

/** Ids of every execution n8n saved, through the public API's pages. */
export async function allExecutionIds(api: N8nApi): Promise<string[]> {
	const ids: string[] = [];
	let cursor = '';
	for (let page = 0; page < 100; page++) {
		const { data, nextCursor } = await api.api<{ data: Array<{ id: string }>; nextCursor?: string | null }>(
			'GET',
			`/executions?limit=250${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
		);
		ids.push(...data.map((execution) => String(execution.id)));
		if (!nextCursor) return ids;
		cursor = nextCursor;
	}
	throw new Error('more than 100 pages of executions');
}
