import type { IDataObject } from 'n8n-workflow';
import { hasId, isIdSet, type IdSet } from './ids';
import type { ContactKey, Order } from './keys';
import { isBelowCount, type BelowCount } from './below-count';
import { isListWatch, type ListWatches } from './list-watch';

/**
 * Where the trigger stands in one list. Only `last` decides what is new; the rest are hints
 * that save calls and may be stale (after a restart) without harm.
 */
export interface ListCursor {
	/** The newest contact already emitted (or recorded at activation); null: every contact is new. */
	last: ContactKey | null;
	/** Position, in the API's order, of the contact not newer than `last` nearest the list's newest end, when last seen; -1 if none. */
	at: number;
	/** The list's total when `at` was seen. */
	total: number;
	/** The order GET /contacts answered in, when it was last seen. */
	order?: Order;
	/**
	 * The contacts of the second of `last` already emitted: those with an id up to `floor` (none
	 * when null) and those in the id set (ranges, or a bitmap when the ids interleave with other
	 * lists'). Contacts of one second come in any order of ids and a poll may read only some of
	 * them; any other contact of that second is still new. Without it (activation), the
	 * contacts of that second up to the id of `last` are the old ones.
	 */
	tied?: Tied;
	/**
	 * Contacts emitted that were dated more than an hour after the poll that emitted them, as
	 * [id, date_added ms]: the cursor does not move to such a date (the contacts added before
	 * it would sort below it and never come out), so these are remembered until it passes them.
	 */
	ahead?: [number, number][];
	/**
	 * The list's total when the second of `last` was last read whole, when it spans many
	 * pages (sealed-second.ts): its contacts are old until the total grows by more than the
	 * contacts newer than it.
	 */
	sealed?: number;
	/** When that second was last read whole (epoch ms): it is read whole again once a day. */
	sealedAt?: number;
	/** The contacts dated before the cursor's second, as last counted (late-dated.ts). */
	late?: BelowCount;
	/** The cursor's second, when it spans more than a page: where it begins, and how far a read of it spread over polls got (sweep.ts). */
	swept?: Sweep;
	/** A list of one second throughout read round over polls (one-second.ts): the page the round began at, and the total then. */
	round?: { from: number; total: number };
	/**
	 * The ids of the cursor's second, when large and not sealed, seen by reads at the list's total
	 * `total` (sealed-second.ts, seenAfter): a second listed in a new order on every request is
	 * read again until they fill its places.
	 */
	seen?: { total: number } & IdSet;
}

/**
 * A second spanning more than a page, counted from the list's oldest end: it begins at `base`;
 * with an anchor, when contact `id` stood at `fromOldest`, every contact of that second at or
 * below it was old (a read of the second spread over polls got that far).
 */
export interface Sweep {
	base: number;
	id?: number;
	fromOldest?: number;
	/** The API listed this second in another order on another request (sealed-second.ts): the anchor is the place, any contact of the second at it. */
	shuffled?: true;
}

const isSweep = (sweep: Sweep): boolean =>
	!!sweep &&
	typeof sweep === 'object' &&
	Number.isInteger(sweep.base) &&
	(sweep.shuffled === undefined || sweep.shuffled === true) &&
	(sweep.id === undefined ? sweep.fromOldest === undefined : Number.isFinite(sweep.id) && Number.isInteger(sweep.fromOldest));

/** The trigger's static data: one cursor per watched list, so its size is bounded by the number of lists. */
export interface TriggerState {
	version: 1;
	/** What is watched ("list:42" or "all"): on a change, only the lists watched before and after keep their cursor. */
	scope: string;
	lists: Record<string, ListCursor>;
	/** Watch All Lists: the list the next poll starts with, when this one ran out of budget. */
	next?: string;
	/** Watch All Lists: what GET /mylists said of each list, beside its cursor. */
	watch?: ListWatches;
	/** The Poll Times and option the monthly-quota check last passed with (quota-check.ts). */
	quotaChecked?: string;
	/** What one call took, in ms, when slower than the credential's interval (call-times.ts): a new process plans with it. */
	slowCallMs?: number;
}

const STATE_FIELD = 'cursor';

/** The ids of the cursor's second already emitted, beyond those up to `floor` (none when null). */
export type Tied = { floor: number | null } & IdSet;

/**
 * A `floor` above every id: every contact of the cursor's second is old. Activation records a
 * second it could not read whole within its budget (a bulk import of many pages) this way.
 */
export const WHOLE_SECOND = Number.MAX_SAFE_INTEGER;

/** Whether every contact of the cursor's second is old (`WHOLE_SECOND`). */
export const isWholeSecond = (cursor: Pick<ListCursor, 'tied'>): boolean => cursor.tied?.floor === WHOLE_SECOND;

/** Whether the cursor never saw the API's order: its list was of one second throughout (one-second.ts). */
export const unordered = (cursor: ListCursor): boolean => cursor.last !== null && cursor.order === undefined;

/** Whether a contact is newer than everything the cursor has emitted. */
export function isNew(key: ContactKey, cursor: Pick<ListCursor, 'last' | 'tied' | 'ahead'>): boolean {
	const { last, tied, ahead } = cursor;
	if (ahead?.some(([id]) => id === key.id)) return false;
	if (last === null || key.time !== last.time) return last === null || key.time > last.time;
	if (!tied) return key.id > last.id;
	return (tied.floor === null || key.id > tied.floor) && !hasId(tied, key.id);
}

export const emptyCursor = (): ListCursor => ({ last: null, at: -1, total: 0 });

function isKey(value: unknown): value is ContactKey {
	const key = value as ContactKey;
	return !!key && typeof key === 'object' && Number.isFinite(key.time) && Number.isFinite(key.id) && typeof key.date === 'string';
}

function isCursor(value: unknown): value is ListCursor {
	const cursor = value as ListCursor;
	return (
		!!cursor &&
		typeof cursor === 'object' &&
		(cursor.last === null || isKey(cursor.last)) &&
		Number.isInteger(cursor.at) &&
		Number.isInteger(cursor.total) &&
		(cursor.order === undefined || cursor.order === 'asc' || cursor.order === 'desc') &&
		(cursor.sealed === undefined || Number.isInteger(cursor.sealed)) &&
		(cursor.sealedAt === undefined || Number.isFinite(cursor.sealedAt)) &&
		(cursor.late === undefined || isBelowCount(cursor.late)) &&
		(cursor.swept === undefined || isSweep(cursor.swept)) &&
		(cursor.round === undefined || (!!cursor.round && Number.isInteger(cursor.round.from) && Number.isInteger(cursor.round.total))) &&
		(cursor.seen === undefined || (isIdSet(cursor.seen) && Number.isInteger(cursor.seen.total))) &&
		(cursor.ahead === undefined || (Array.isArray(cursor.ahead) && cursor.ahead.every((pair) => Array.isArray(pair) && pair.length === 2 && pair.every(Number.isFinite)))) &&
		(cursor.tied === undefined || ((cursor.tied.floor === null || Number.isFinite(cursor.tied.floor)) && isIdSet(cursor.tied)))
	);
}

/** The saved state, whatever it watched, or undefined when there is none (first activation) or it is unusable. */
export function readState(staticData: IDataObject): TriggerState | undefined {
	const state = staticData[STATE_FIELD] as TriggerState | undefined;
	if (!state || state.version !== 1 || typeof state.scope !== 'string' || !state.lists || typeof state.lists !== 'object') return undefined;
	if (state.next !== undefined && typeof state.next !== 'string') return undefined;
	if (state.quotaChecked !== undefined && typeof state.quotaChecked !== 'string') return undefined;
	if (state.slowCallMs !== undefined && !(Number.isFinite(state.slowCallMs) && state.slowCallMs > 0)) return undefined;
	if (state.watch !== undefined && (typeof state.watch !== 'object' || !Object.values(state.watch).every(isListWatch))) return undefined;
	return Object.values(state.lists).every(isCursor) ? state : undefined;
}

/** Replaces the state; n8n persists it after the activation poll and after any poll that emits. */
export function writeState(staticData: IDataObject, state: TriggerState): void {
	staticData[STATE_FIELD] = JSON.parse(JSON.stringify(state)) as IDataObject;
}
