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

/** The API's words for a spent monthly quota (CONTRACT.md: a 429 whose body says so). */
export function saysQuotaSpent(body: unknown): boolean {
	const text = typeof body === 'string' ? body : JSON.stringify(body ?? '');
	return /quota/i.test(text);
}
