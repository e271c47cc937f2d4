/**
 * The queue-mode run's command-line options:
 *
 *   --queue               queue mode (main, Redis, PostgreSQL, workers)
 *   --workers N           how many workers (default 2)
 *   --load-only           only the load of one key (e2e/queue/load.ts), not every case again
 *   --load-log FILE       write every API call of the load (arrival, answer, worker) to FILE as JSON
 *   --scenarios a,b       only these of the load's credential settings (load.ts SCENARIOS; default all)
 */
const args = process.argv.slice(2);

function valueOf(flag: string): string | undefined {
	const index = args.indexOf(flag);
	return index >= 0 ? args[index + 1] : undefined;
}

function workerCount(): number {
	const value = valueOf('--workers');
	if (value === undefined) return 2;
	const count = Number(value);
	if (!Number.isInteger(count) || count < 1 || count > 8) throw new Error(`--workers takes a whole number from 1 to 8, not ${value}`);
	return count;
}

export const queueMode = args.includes('--queue');
export const WORKER_COUNT = workerCount();
export const loadOnly = args.includes('--load-only');
export const loadLogFile = valueOf('--load-log');
export const scenarioNames = valueOf('--scenarios')?.split(',');
