import { sleep } from 'n8n-workflow';
import type { Stop } from './stop';

/**
 * The API allows one call every interval per key, counted as its calls arrive. Every call
 * of this package in this n8n process — any node, item, page, trigger or workflow — queues
 * in its key's lane here and starts one interval after the previous call's answer. Counting
 * from the answer rather than from the previous start means a call can never arrive early,
 * whatever time the previous one spent setting up its connection; it costs one round trip
 * per call. (Other n8n processes in queue mode cannot see this lane: 429 recovery covers them.)
 */
interface Lane {
	/** Resolves when the next call of this key may start. */
	ready: Promise<void>;
	/** No call starts before this (set by a 429's Retry-After). */
	holdUntil: number;
}

const lanes = new Map<string, Lane>();

function laneOf(key: string): Lane {
	let lane = lanes.get(key);
	if (!lane) {
		lane = { ready: Promise.resolve(), holdUntil: 0 };
		lanes.set(key, lane);
	}
	return lane;
}

async function waitUntil(time: number): Promise<void> {
	const wait = time - Date.now();
	if (wait > 0) await sleep(wait);
}

/**
 * A short, non-reversible name for a key, so this table never holds the key itself. The
 * API limits the key, wherever its calls come from: one key under two spellings of the
 * host (`localhost` and `127.0.0.1`, a trailing dot, a proxy's URL beside the direct one)
 * is one lane, or its calls would collide at the API.
 */
export function keyFingerprint(apiKey: string): string {
	let hash = 0x811c9dc5;
	for (const char of apiKey) {
		hash ^= char.charCodeAt(0);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return `${hash.toString(16)}:${apiKey.length}`;
}

/**
 * Runs `send` in the key's turn; with `intervalMs` 0 calls run at once, holding off only
 * after a 429. A stopped execution leaves its place in the queue at once, sends nothing,
 * and passes its turn on without spending an interval: the next caller goes as soon as
 * the caller before the stopped one is done.
 */
export async function inTurn<T>(key: string, intervalMs: number, send: () => Promise<T>, stop: Stop): Promise<T> {
	const lane = laneOf(key);
	if (intervalMs <= 0) {
		await stop.pause(lane.holdUntil - Date.now());
		stop.check();
		return await send();
	}
	const previous = lane.ready;
	let finish: (sent: boolean) => void = () => undefined;
	const done = new Promise<boolean>((resolve) => (finish = resolve));
	lane.ready = done.then(async (sent) => await (sent ? waitUntil(Date.now() + intervalMs) : previous));
	let sent = false;
	try {
		await stop.until(previous);
		await stop.pause(lane.holdUntil - Date.now());
		stop.check();
		sent = true;
		return await send();
	} finally {
		finish(sent);
	}
}

/** After a 429 with Retry-After, no call of this key starts before `untilMs`. */
export function holdOff(key: string, untilMs: number): void {
	const lane = laneOf(key);
	lane.holdUntil = Math.max(lane.holdUntil, untilMs);
}
