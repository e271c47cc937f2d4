/**
 * How long one call of a trigger's poll takes, as its last polls in this n8n process showed it.
 * Calls are planned at the credential's interval, but an API that answers slowly (or other
 * workflows queued on the same key) stretches each one. n8n 2.x drops a poll that outlasts its
 * budget, items and cursor, and the next poll starts from the same cursor: planned at the
 * interval alone, a poll with a backlog would be dropped at every tick. The poll that was
 * dropped runs on to its end meanwhile, so the next one plans with what it measured. A slow
 * time is also saved with the trigger's state: a new process (a restart, another main taking
 * over) plans with it until its own polls have timed their calls.
 */

/** The answers kept per trigger: the median of the last few, so that one stalled answer does not halve a poll. */
const KEPT = 5;

/**
 * Calls slower than the interval by less than this are planned at the interval: the fifth of
 * n8n's budget kept for retries absorbs them (24 calls at the default interval: 6 s of 60).
 */
const SLOW_MS = 250;

const recent = new Map<string, number[]>();

/**
 * A clock for one poll of `trigger`: call it at each answer; the time from one answer to the
 * next (a call's wait for its turn, its answer and the work between) is what one call takes.
 */
export function answerClock(trigger: string): () => void {
	let last: number | undefined;
	return () => {
		const now = Date.now();
		if (last !== undefined) recent.set(trigger, [...(recent.get(trigger) ?? []), now - last].slice(-KEPT));
		last = now;
	};
}

/**
 * What one call of `trigger` takes: the interval, unless its last calls in this process took
 * `SLOW_MS` or more beyond it; before it timed any, the slow time `saved` with the state, if any.
 */
export function callTimeMs(trigger: string, intervalMs: number, saved?: number): number {
	const times = recent.get(trigger);
	const typical = times ? [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] : saved;
	return typical !== undefined && typical - intervalMs >= SLOW_MS ? typical : intervalMs;
}
