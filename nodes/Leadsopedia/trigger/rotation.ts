import type { ListCursor, TriggerState } from './cursor';
import type { ListWatches } from './list-watch';

/** A list as GET /mylists shows it. */
export interface WatchedList {
	id: string;
	/** `total_contacts`, when the API states it. */
	total?: number;
}

/**
 * How long a list may be missing from /mylists and keep its cursor (a deletion between the page
 * calls of /mylists, a page-size cap, access taken away for a while), however often the
 * trigger polls. After that it counts as deleted and leaves the state, so deleted lists do not
 * grow the state for ever.
 */
export const MISSING_KEPT_MS = 30 * 24 * 3_600_000;

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

/** The lists missing from this poll's /mylists whose cursor is kept, and since when they are missing. */
export function missingKept(state: TriggerState, present: ReadonlySet<string>, now: number): { lists: TriggerState['lists']; watch: ListWatches } {
	const lists: TriggerState['lists'] = {};
	const watch: ListWatches = {};
	for (const [listId, cursor] of Object.entries(state.lists)) {
		if (present.has(listId)) continue;
		const missingSince = state.watch?.[listId]?.missingSince ?? now;
		if (now - missingSince > MISSING_KEPT_MS) continue;
		lists[listId] = cursor;
		watch[listId] = { ...state.watch?.[listId], missingSince };
	}
	return { lists, watch };
}
