/**
 * How one n8n process's lane of a key shares the key with other processes that it cannot
 * see (queue mode's workers): the API's 429 is the only sign of them. bench/queue/ models
 * the schemes below against the queue-mode load and compares them (bench/queue/results.md).
 */
export interface KeySharing {
	/** An answer other than 429 came at `now`: the API took this lane's call. */
	admitted(now: number): void;
	/** After a 429 at `now` that asked to wait `waitMs`: no call of this lane starts before the time returned. */
	holdAfterRefusal(intervalMs: number, waitMs: number, now: number): number;
}

/** Intervals a lane steps aside after its first 429 in a row, and after each further one. */
export const STEP_ASIDE_INTERVALS = [14, 7] as const;
/** ± this share of each step aside, so that workers told the same wait do not come back together. */
export const STEP_ASIDE_JITTER = 0.25;

/**
 * Step aside. A 429 that this lane's own calls cannot explain (its last answer came longer
 * ago than the interval and the wait asked) shows another process holding the key, and that
 * process, pacing its own calls, takes every slot as it opens: coming back when Retry-After
 * says only meets its next call. So this lane holds all its calls for 14 intervals after
 * such a 429 (7 after each further one), ±25 %, and lets the other process finish; its first
 * admitted call ends the stepping aside. A 429 its own calls explain (Seconds Between Calls
 * below the API's interval, one process alone) waits just the Retry-After, as ever.
 */
export class StepAside implements KeySharing {
	private lastAnswerAt = -Infinity;
	private refusalsInRow = 0;

	constructor(private readonly random: () => number = Math.random) {}

	admitted(now: number): void {
		this.lastAnswerAt = now;
		this.refusalsInRow = 0;
	}

	holdAfterRefusal(intervalMs: number, waitMs: number, now: number): number {
		const ownCallsExplainIt = now - this.lastAnswerAt <= intervalMs + waitMs;
		if (intervalMs <= 0 || ownCallsExplainIt) return now + waitMs;
		const intervals = STEP_ASIDE_INTERVALS[Math.min(this.refusalsInRow, STEP_ASIDE_INTERVALS.length - 1)];
		this.refusalsInRow++;
		const jitter = 1 + STEP_ASIDE_JITTER * (2 * this.random() - 1);
		return now + waitMs + intervals * intervalMs * jitter;
	}
}
