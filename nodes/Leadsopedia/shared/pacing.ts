import { StepAside, type KeySharing } from './share';

/**
 * The API allows one call every interval per key, counted as its calls arrive. Every call
 * of this package in this n8n process — any node, item, page, trigger, workflow or the
 * credential's Test button — queues in its key's lane here and starts one interval after
 * the previous call's answer. Counting from the answer rather than from the previous start
 * means a call can never arrive early, whatever time the previous one spent setting up its
 * connection; it costs one round trip per call. Other n8n processes (queue mode's workers)
 * cannot see this lane: their 429s tell it they are there, and it steps aside (share.ts).
 */
interface Lane {
	/** Resolves, once the calls queued before are done, with the time the next call may start. */
	ready: Promise<number>;
	/** No call starts before this (set after a 429). */
	holdUntil: number;
	sharing: KeySharing;
}

/**
 * How a caller waits for its turn: an execution's Stop (stop.ts) cuts every wait short;
 * the Test button's deadline gives up on a wait too long to be worth it.
 */
export interface TurnWaits {
	/** Settles as `promise` does, unless the caller leaves first (then rejects). */
	until<T>(promise: Promise<T>): Promise<T>;
	/** Waits `ms`, unless the caller leaves first (then rejects). */
	pause(ms: number): Promise<void>;
	/** Throws when the caller may no longer send. */
	check(): void;
}

const lanes = new Map<string, Lane>();

function laneOf(key: string): Lane {
	let lane = lanes.get(key);
	if (!lane) {
		lane = { ready: Promise.resolve(0), holdUntil: 0, sharing: new StepAside() };
		lanes.set(key, lane);
	}
	return lane;
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
 * after a 429. A caller that leaves (a stopped execution, a Test button that gives up)
 * leaves its place in the queue at once, sends nothing, and passes its turn on without
 * spending an interval: the next caller goes as soon as the caller before it could have.
 */
export async function inTurn<T>(key: string, intervalMs: number, send: () => Promise<T>, waits: TurnWaits): Promise<T> {
	const lane = laneOf(key);
	if (intervalMs <= 0) {
		await waits.pause(lane.holdUntil - Date.now());
		waits.check();
		return await send();
	}
	const previous = lane.ready;
	let finish: (nextAt: number | undefined) => void = () => undefined;
	const done = new Promise<number | undefined>((resolve) => (finish = resolve));
	lane.ready = done.then(async (nextAt) => nextAt ?? (await previous));
	let sent = false;
	try {
		// A clock set back (NTP, a resumed machine) must not hold the lane for the jump.
		const startAt = Math.min(await waits.until(previous), Date.now() + intervalMs);
		await waits.pause(Math.max(startAt, lane.holdUntil) - Date.now());
		waits.check();
		sent = true;
		return await send();
	} finally {
		finish(sent ? Date.now() + intervalMs : undefined);
	}
}

/** The API answered a call of this key with anything but a 429. */
export function admitted(key: string): void {
	laneOf(key).sharing.admitted(Date.now());
}

/** After a 429 at `now` that asked to wait `waitMs`: every call of this key holds off as the lane's sharing says (the hold counted from the answer, so a poll is charged exactly it). */
export function refused(key: string, intervalMs: number, waitMs: number, now: number): number {
	const lane = laneOf(key);
	lane.holdUntil = Math.max(lane.holdUntil, lane.sharing.holdAfterRefusal(intervalMs, waitMs, now));
	return lane.holdUntil;
}
