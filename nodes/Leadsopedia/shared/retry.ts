/**
 * When a failed call is tried again, and after how long. Pure functions: the transport
 * does the waiting.
 */

/** 5xx answers that a repeat of the same request may cure. */
const TRANSIENT_STATUS = new Set([500, 502, 503, 504]);

/** Seconds or an HTTP date, as RFC 9110 allows; undefined when absent or unreadable. */
export function retryAfterMs(header: unknown, now: number): number | undefined {
	const value = Array.isArray(header) ? header[0] : header;
	if (value === undefined || value === null || String(value).trim() === '') return undefined;
	const seconds = Number(value);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(String(value));
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Beyond this a wait names no believable reset (and past about 275,000 years, no date at all). */
const YEAR_MS = 366 * 24 * 60 * 60 * 1000;

/** A header value as it may be shown to a user: one line, of bounded length. */
function shownHeader(header: unknown): string {
	const value = String(Array.isArray(header) ? header[0] : header).replace(/\s+/g, ' ').trim();
	return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}

/** When the API takes calls again after a spent quota, in a sentence that any Retry-After can fill. */
export function quotaResetSentence(header: unknown, waitMs: number | undefined, now: number): string {
	if (waitMs === undefined) return 'It accepts calls again at the start of next month.';
	if (waitMs > YEAR_MS) {
		return `It asked to wait more than a year (Retry-After: ${shownHeader(header)}), so it names no date to try again: try again next month.`;
	}
	return `It accepts calls again at ${new Date(now + waitMs).toISOString()}.`;
}

/** Exponential backoff from one second, with jitter so that callers do not retry in step. */
export function backoffMs(attempt: number, maxWaitMs: number, random = Math.random): number {
	const ceiling = Math.min(maxWaitMs, 1000 * 2 ** (attempt - 1));
	return Math.round(ceiling * (0.5 + random() / 2));
}

export const isTransientStatus = (status: number) => TRANSIENT_STATUS.has(status);

/** What a 429 states: how long to wait, if it says, and whether the month's quota is spent. */
export interface RateLimit {
	waitMs: number | undefined;
	quotaSpent: boolean;
}

/**
 * Reads a 429 by what the API states (CONTRACT.md: a spent monthly quota comes with a
 * Retry-After reaching next month and a body saying so). A stated wait decides: within
 * Max Wait it is waited for, whatever the body's words ("per-key quota: one call every
 * 10 seconds" is a rate limit; a quota whose month ends in a second is worth the second);
 * beyond it the call cannot be made in time. Only without a stated wait do the body's
 * words count, and then only an answer that speaks of the month.
 */
export function readRateLimit(retryAfter: unknown, bodyText: string, maxWaitMs: number, now: number): RateLimit {
	const waitMs = retryAfterMs(retryAfter, now);
	if (waitMs !== undefined) return { waitMs, quotaSpent: waitMs > maxWaitMs };
	return { waitMs, quotaSpent: /quota/i.test(bodyText) && /\bmonth/i.test(bodyText) };
}
