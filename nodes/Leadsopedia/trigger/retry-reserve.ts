import type { PastMaxTries } from '../shared/transport';

/** The share of n8n's poll budget a poll keeps for retries; its calls are planned in the rest. */
export const RETRY_SHARE = 0.2;

/**
 * No caller waits on a scheduled poll, so a rate limit (in queue mode: workers keeping the
 * key busy) is waited out past Max Tries, each Retry-After in turn, for as long as the poll's
 * retry share of its budget lasts. Past that the call fails as before: the poll reports its
 * error and moves no cursor, so the next poll emits what this one could not.
 */
export function retryReserve(pollBudgetMs: number): PastMaxTries {
	let leftMs = RETRY_SHARE * pollBudgetMs;
	return {
		spend: (waitMs) => {
			if (waitMs > leftMs) return false;
			leftMs -= waitMs;
			return true;
		},
	};
}
