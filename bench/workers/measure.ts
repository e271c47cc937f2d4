/** What one worker measured, printed as its only stdout line. */
export interface Measurement {
	items: number;
	wallMs: number;
	cpuMs: number;
	/** Resident memory when the measured work began (modules loaded, warm-up done). */
	baselineRssMb: number;
	/** Peak resident memory of the whole process. */
	peakRssMb: number;
}

/**
 * Runs `work` `warmUps` times unmeasured (the throughput workers all warm up once: JIT and
 * connections warm), then once with wall and CPU time around it, and reports the process's
 * peak memory after it.
 */
export async function measure(work: () => Promise<number>, warmUps = 1): Promise<void> {
	for (let warmUp = 0; warmUp < warmUps; warmUp++) await work();
	const baselineRssMb = process.memoryUsage().rss / 2 ** 20;
	const cpuBefore = process.cpuUsage();
	const started = performance.now();
	const items = await work();
	const wallMs = performance.now() - started;
	const cpu = process.cpuUsage(cpuBefore);
	const result: Measurement = {
		items,
		wallMs,
		cpuMs: (cpu.user + cpu.system) / 1000,
		baselineRssMb,
		peakRssMb: process.resourceUsage().maxRSS / 1024,
	};
	console.log(JSON.stringify(result));
}

export const [baseUrl, apiKey, listId, pageSize, batchSize] = process.argv.slice(2);
