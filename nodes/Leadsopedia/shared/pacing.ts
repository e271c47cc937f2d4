import { sleep } from 'n8n-workflow';

/**
 * The API allows one call every interval per key. Every call of this package in this n8n
 * process, from any node, item, page or workflow, books the next free start time of its
 * key here, so calls sharing a key start at least one interval apart and no later than
 * needed. (Other n8n processes in queue mode cannot see this: 429 recovery covers them.)
 */
const nextStartByKey = new Map<string, number>();

/** A short, non-reversible name for a key, so this table never holds the key itself. */
export function keyFingerprint(baseUrl: string, apiKey: string): string {
	let hash = 0x811c9dc5;
	for (const char of `${baseUrl}\n${apiKey}`) {
		hash ^= char.charCodeAt(0);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return `${hash.toString(16)}:${apiKey.length}`;
}

/** Waits until this key may start its next call, and books that start. */
export async function waitForTurn(key: string, intervalMs: number): Promise<void> {
	const now = Date.now();
	const start = Math.max(now, nextStartByKey.get(key) ?? 0);
	nextStartByKey.set(key, start + intervalMs);
	if (start > now) await sleep(start - now);
}

/** After a 429 with Retry-After, no call of this key starts before `untilMs`. */
export function holdOff(key: string, untilMs: number): void {
	nextStartByKey.set(key, Math.max(nextStartByKey.get(key) ?? 0, untilMs));
}
