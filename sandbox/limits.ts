import { ApiError } from './http';
import type { Settings } from './types';

/**
 * The API's two limits per key (CONTRACT.md "Limits"): a minimum spacing between calls and a
 * monthly quota (UTC calendar month). Only admitted calls count: a call answered 429 neither
 * restarts the interval nor uses quota, so a client that waits as told gets through.
 */
export class Limits {
	private readonly lastCall = new Map<string, number>();
	private readonly used = new Map<string, { month: number; calls: number }>();

	constructor(private readonly settings: Settings) {}

	/** Counts the call, or throws the 429 that refuses it. The quota is checked first: it is the one a client must not retry. */
	admit(key: string): void {
		const now = this.settings.now();
		const usage = this.usage(key);
		if (usage.calls_remaining <= 0) {
			throw new ApiError(
				429,
				'quota_exceeded',
				`Monthly quota of ${usage.monthly_quota} calls is spent; resets at ${usage.resets_at}`,
				{ 'Retry-After': secondsUntil(Date.parse(usage.resets_at), now) },
			);
		}
		const last = this.lastCall.get(key);
		const { intervalMs } = this.settings;
		if (intervalMs > 0 && last !== undefined && now - last < intervalMs) {
			throw new ApiError(
				429,
				'rate_limited',
				`At most one call every ${intervalMs} ms per key`,
				{ 'Retry-After': secondsUntil(last + intervalMs, now) },
			);
		}
		this.lastCall.set(key, now);
		this.used.set(key, { month: monthOf(now), calls: usage.calls_this_month + 1 });
	}

	/** The answer of GET /account/usage: true counts for this key in this month. */
	usage(key: string) {
		const now = this.settings.now();
		const entry = this.used.get(key);
		const calls = entry?.month === monthOf(now) ? entry.calls : 0;
		const date = new Date(now);
		return {
			calls_this_month: calls,
			monthly_quota: this.settings.monthlyQuota,
			calls_remaining: Math.max(0, this.settings.monthlyQuota - calls),
			interval_ms: this.settings.intervalMs,
			resets_at: new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1)).toISOString(),
		};
	}

	reset(): void {
		this.lastCall.clear();
		this.used.clear();
	}
}

const monthOf = (ms: number) => {
	const date = new Date(ms);
	return date.getUTCFullYear() * 12 + date.getUTCMonth();
};

const secondsUntil = (then: number, now: number) => String(Math.max(1, Math.ceil((then - now) / 1000)));
