import type { IDataObject } from 'n8n-workflow';
import { VERIFY_EVERY_MS } from './plan';

/** The API's monthly quota per key (CONTRACT.md). */
export const MONTHLY_QUOTA = 15_000;

const MONTH_MS = 30 * 24 * 3_600_000;

/** Polls in a 30-day month for each fixed Poll Times mode (a week-based one: at most 5). */
export const POLLS_A_MONTH: Record<string, number> = {
	everyMinute: 43_200,
	everyHour: 720,
	everyDay: 30,
	everyWeek: 5,
	everyMonth: 1,
};

/** Polls a month of one Poll Times entry; undefined for a custom cron expression. */
function pollsOf(entry: IDataObject): number | undefined {
	const mode = String(entry.mode ?? 'everyDay');
	if (mode in POLLS_A_MONTH) return POLLS_A_MONTH[mode];
	if (mode !== 'everyX') return undefined;
	const value = Number(entry.value ?? 2);
	if (!Number.isFinite(value) || value <= 0) return undefined;
	return Math.ceil((entry.unit === 'minutes' ? POLLS_A_MONTH.everyMinute : POLLS_A_MONTH.everyHour) / value);
}

/** Polls a month of the Poll Times parameter (its entries add up); undefined when one of them cannot be counted. */
export function pollsAMonth(pollTimes: IDataObject | undefined): number | undefined {
	const entries = (pollTimes?.item as IDataObject[] | undefined) ?? [{ mode: 'everyHour' }];
	let polls = 0;
	for (const entry of entries) {
		const count = pollsOf(entry);
		if (count === undefined) return undefined;
		polls += count;
	}
	return polls;
}

/** Verification reads a month of one list with contacts: one a day, or one a poll when polls are rarer. */
export const checksAMonth = (polls: number): number => Math.min(polls, Math.round(MONTH_MS / VERIFY_EVERY_MS));

/** What the trigger watches, as far as its idle cost goes. */
export interface WatchedCount {
	/** Watch All Lists: the account's lists, and of those the lists with contacts; undefined for one list. */
	lists?: { all: number; withContacts: number };
}

/**
 * API calls a month when nothing is new: one list costs one call a poll; every list costs the
 * calls of GET /mylists (one per 1,000 lists) a poll, plus the daily check of each list with contacts.
 */
export function idleCallsAMonth(polls: number, watched: WatchedCount): number {
	if (!watched.lists) return polls;
	return polls * Math.max(1, Math.ceil(watched.lists.all / 1000)) + watched.lists.withContacts * checksAMonth(polls);
}
