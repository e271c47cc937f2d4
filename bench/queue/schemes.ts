import { StepAside, type KeySharing } from '../../nodes/Leadsopedia/shared/share';

export interface Scheme {
	name: string;
	/** A fresh sharing for one worker's lane, drawing from `random`. */
	sharing: (random: () => number) => KeySharing;
}

/** Until issue 22: after a 429, wait the Retry-After, no more. */
export const WAIT_RETRY_AFTER: Scheme = {
	name: 'wait the Retry-After (before)',
	sharing: () => ({ admitted: () => undefined, holdAfterRefusal: (_intervalMs, waitMs, now) => now + waitMs }),
};

/** What the node ships (nodes/Leadsopedia/shared/share.ts). */
export const STEP_ASIDE: Scheme = { name: 'step aside 14, then 7 intervals (shipped)', sharing: (random) => new StepAside(random) };

/** Every 429 steps aside `intervals` intervals ±25 %: how far the step trades 429s for idle time. */
export function stepAsideBy(intervals: number): Scheme {
	return {
		name: `step aside ${intervals} intervals`,
		sharing: (random) => ({
			admitted: () => undefined,
			holdAfterRefusal: (intervalMs, waitMs, now) => now + waitMs + intervals * intervalMs * (0.75 + 0.5 * random()),
		}),
	};
}
