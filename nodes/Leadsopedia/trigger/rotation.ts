import type { ListCursor, TriggerState } from './cursor';

/** A list as GET /mylists shows it. */
export interface WatchedList {
	id: string;
	/** `total_contacts`, when the API states it. */
	total?: number;
}

/**
 * Polls a list may be missing from /mylists and keep its cursor (a deletion between the page
 * calls of /mylists, a page-size cap). After that it counts as deleted and leaves the state,
 * so deleted lists do not grow the state for ever.
 */
export const MISSING_POLLS_KEPT = 24;

const byId = (a: string, b: string) => Number(a) - Number(b) || (a < b ? -1 : a > b ? 1 : 0);

/** The lists in the order this poll visits them: from where the last poll stopped, round the account. */
export function rotated(lists: readonly WatchedList[], next: string | undefined): WatchedList[] {
	const sorted = [...lists].sort((a, b) => byId(a.id, b.id));
	const start = next === undefined ? 0 : sorted.findIndex((list) => byId(list.id, next) >= 0);
	return start <= 0 ? sorted : [...sorted.slice(start), ...sorted.slice(0, start)];
}

/**
 * Whether a list can be passed over without a call: it was empty when last read and
 * /mylists says it still is. Anything added in between was deleted again before any poll
 * could read it, which no poll could have caught either.
 */
export const stillEmpty = (list: WatchedList, cursor: ListCursor): boolean => list.total === 0 && cursor.total === 0;

/** The cursors of lists missing from this poll's /mylists, kept for a while, one poll older. */
export function missingKept(state: TriggerState, present: ReadonlySet<string>): TriggerState['lists'] {
	const kept: TriggerState['lists'] = {};
	for (const [listId, cursor] of Object.entries(state.lists)) {
		const missing = (cursor.missing ?? 0) + 1;
		if (!present.has(listId) && missing <= MISSING_POLLS_KEPT) kept[listId] = { ...cursor, missing };
	}
	return kept;
}
