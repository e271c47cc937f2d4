/**
 * npx tsx sandbox/measure.ts [contacts=1000000]
 *
 * The figures the issue asks for, for a "Big list" of that many contacts: time to start,
 * memory (RSS) after start and after paging, and the time of one page (limit 100 and 1000,
 * pages spread over the whole list, both orders): in the server (the log's durationMs) and
 * as a client on loopback sees it (fetch and JSON parse included, in the same process).
 */
import { performance } from 'node:perf_hooks';
import { startSandbox } from './index';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** median / p95 / max of some times, in ms. */
function summary(times: number[]): string {
	const sorted = [...times].sort((a, b) => a - b);
	const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(1);
	return `median ${at(0.5)}, p95 ${at(0.95)}, max ${at(1)} ms`;
}

async function main(): Promise<void> {
	const contacts = Number(process.argv[2] ?? 1_000_000);
	const rssBefore = process.memoryUsage().rss;
	const started = performance.now();
	const sandbox = await startSandbox({ intervalMs: 0, monthlyQuota: Number.MAX_SAFE_INTEGER, contacts });
	console.log(`start: ${(performance.now() - started).toFixed(1)} ms; RSS ${mb(rssBefore)} before, ${mb(process.memoryUsage().rss)} after`);
	const list = sandbox.control.lists('demo').find((item) => item.name === 'Big list');
	if (!list) throw new Error('no Big list');
	try {
		for (const order of ['asc', 'desc'] as const) {
			sandbox.control.setOptions({ order });
			for (const limit of [100, 1000]) {
				const pages = Math.ceil(contacts / limit);
				const client: number[] = [];
				// 10 untimed pages first, so the JIT has warmed up.
				for (let i = -10; i < 50; i++) {
					if (i === 0) sandbox.control.clearLog();
					const page = 1 + Math.floor((Math.abs(i) / 50) * pages);
					const t0 = performance.now();
					const response = await fetch(`${sandbox.baseUrl}/contacts?list_id=${list.id}&page=${page}&limit=${limit}`, {
						headers: { 'X-Api-Key': sandbox.apiKey },
					});
					await response.json();
					if (i >= 0) client.push(performance.now() - t0);
				}
				const server = sandbox.control.requestLog().map((entry) => entry.durationMs as number);
				console.log(`order ${order}, limit ${limit} (50 pages): server ${summary(server)}; client ${summary(client)}`);
			}
		}
		console.log(`RSS after paging: ${mb(process.memoryUsage().rss)}`);
	} finally {
		await sandbox.stop();
	}
}

void main();
