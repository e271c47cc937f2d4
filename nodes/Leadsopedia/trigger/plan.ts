import type { ListCursor } from './cursor';
import type { ListWatch } from './list-watch';
import type { WatchedList } from './rotation';

/**
 * Watch All Lists reads a list when its `total_contacts` in GET /mylists changed. A total
 * cannot show as many deletions as additions between two polls, so every list with contacts
 * is also read once a day: such contacts come out within a day (and a poll), never lost, never twice.
 */
export const VERIFY_EVERY_MS = 24 * 3_600_000;

/** Polls do not start to the millisecond: a check due a few minutes from now is done now rather than a poll later. */
const VERIFY_SLACK_MS = 10 * 60_000;

/** Whether a daily check last done at `checked` (epoch ms) is due at `now`. */
export const checkDue = (now: number, checked: number): boolean => now - checked >= VERIFY_EVERY_MS - VERIFY_SLACK_MS;

/** Why a list is read this poll; undefined when it can be passed over without a call. */
export type ReadReason = 'changed' | 'record' | 'search' | 'due';

export function reasonToRead(list: WatchedList, cursor: ListCursor | undefined, watch: ListWatch | undefined, now: number): ReadReason | undefined {
	// Empty when last read and still empty: anything added meanwhile was deleted again before any poll could see it.
	if (list.total === 0 && (cursor?.total ?? 0) === 0) return undefined;
	if (!cursor || list.total === undefined || watch?.listed !== list.total) return 'changed';
	if (watch.pending) return 'record';
	// A search for late-dated contacts left for the next poll goes on (late-dated.ts): its total may not change again.
	if (cursor.late?.search) return 'search';
	return checkDue(now, watch.checked ?? 0) ? 'due' : undefined;
}

/**
 * When each of `count` lists read at activation counts as last checked: spread over the day
 * before, so that their daily checks fall on different polls rather than all on one.
 */
export const staggered = (now: number, index: number, count: number): number => now - Math.floor((VERIFY_EVERY_MS * index) / Math.max(1, count));
