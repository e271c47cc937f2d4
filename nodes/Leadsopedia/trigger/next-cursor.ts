import { isNew, type ListCursor, type Tied } from './cursor';
import { withIds, type IdSet } from './ids';
import { compareKeys, type ContactKey, type Order } from './keys';
import { atNewestEnd, idlessAtEnd, nearerNewestEnd, type Entry, type Window } from './pages';

/** The contacts of the newest second emitted, added to what the cursor knew of that second. */
export function tiedAfter(cursor: ListCursor, emitted: readonly Entry[]): Tied {
	const time = emitted[emitted.length - 1].key.time;
	const ids: number[] = [];
	for (const entry of emitted) if (entry.key.time === time) ids.push(entry.key.id);
	const { last, tied } = cursor;
	// `emitted` holds at least one contact of that second, so the set is never empty.
	if (last === null || last.time !== time) return { floor: null, ...(withIds(undefined, ids) as IdSet) };
	return { floor: tied ? tied.floor : last.id, ...(withIds(tied, ids) as IdSet) };
}

/** The cursor after a poll: moved to the newest contact emitted, or only its hints refreshed. */
export function nextCursor(cursor: ListCursor, chain: readonly Window[], fresh: Entry[], order: Order): ListCursor {
	const newestFresh = fresh[fresh.length - 1];
	if (newestFresh) {
		// The rest of the newest second lies towards the newest contacts: the next walk starts from there.
		const second = fresh.filter((entry) => entry.key.time === newestFresh.key.time);
		const edge = second.reduce((nearest, entry) => (nearerNewestEnd(entry.position, nearest, order) ? entry.position : nearest), newestFresh.position);
		return { last: maxKey(cursor, newestFresh.key), at: edge, total: newestFresh.total, order, tied: tiedAfter(cursor, fresh) };
	}
	const seen = oldEdge(chain, cursor, order);
	const top = chain[chain.length - 1];
	if (seen && order === 'desc' && cursor.last && top.entries.every((entry) => entry.key.time < (cursor.last as ContactKey).time)) {
		// Contacts added below the cursor (a late import) put it nearer the newest end than its hint
		// and the growth of the total say: the next walk starts above the pages this one read.
		return { ...cursor, at: Math.max(0, Math.min(...top.entries.map((entry) => entry.position), ...top.idless) - 1), total: top.total, order };
	}
	// Nothing placeable came out, and contacts without a usable id sit above the cursor: the next walk starts past them (at small budgets it would start on them again, for ever).
	const past = idlessAtEnd(top, 'newest', order);
	if (past !== undefined && !atNewestEnd(top, order)) return { ...cursor, at: past, total: top.total, order };
	if (seen) return { ...cursor, at: seen.position, total: seen.total, order };
	// An empty list is recorded as such: while /mylists says it stays empty, it costs no call.
	return chain[0].total === 0 ? { ...cursor, at: -1, total: 0, order } : cursor;
}

/**
 * Where the cursor stands now: of the contacts the chain shows it has emitted (or recorded), the
 * one nearest the list's newest end. (Not the position of `last`: contacts of one second come in
 * any order of ids, and `last` may sit at the far end of its second, below pages of it.)
 */
export function oldEdge(windows: readonly Window[], cursor: Pick<ListCursor, 'last' | 'tied' | 'ahead'>, order: Order): Entry | undefined {
	const second = cursor.last?.time;
	if (second === undefined) return undefined;
	let edge: Entry | undefined;
	for (const window of windows) {
		for (const entry of window.entries) {
			const old = entry.key.time <= second && !isNew(entry.key, cursor);
			if (old && (!edge || nearerNewestEnd(entry.position, edge.position, order))) edge = entry;
		}
	}
	return edge;
}

/** The later of the cursor's key and `key`. */
export const maxKey = (cursor: ListCursor, key: ContactKey): ContactKey => (cursor.last && compareKeys(cursor.last, key) > 0 ? cursor.last : key);

/**
 * The cursor after a poll that emitted contacts dated after `now` (`ahead`): it stands on the
 * newest of the others, and remembers these until it passes their date.
 */
export function withAhead(before: ListCursor, after: ListCursor, ahead: readonly Entry[]): ListCursor {
	const last = after.last?.time ?? -Infinity;
	const pairs = [...(before.ahead ?? []), ...ahead.map((entry): [number, number] => [entry.key.id, entry.key.time])].filter(([, time]) => time > last);
	const next: ListCursor = { ...after };
	delete next.ahead;
	if (pairs.length > 0) next.ahead = pairs;
	return next;
}
