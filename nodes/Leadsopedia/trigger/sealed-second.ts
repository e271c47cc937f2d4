import { hasId, idCount, withIds } from './ids';
import { isWholeSecond, WHOLE_SECOND, type ListCursor } from './cursor';
import type { Order } from './keys';
import type { ListPoll } from './list-poll';
import { atNewestEnd, countable, idsOfSecond, newest, oldest, placesOf, type PageReader, type Window } from './pages';
import { checkDue } from './plan';
import { fromBase } from './sweep';

/**
 * A second that spans pages (a bulk import) costs its pages on every poll while it is
 * the cursor's: any of its contacts not emitted yet is new, wherever it sits. Once read whole,
 * it is sealed with the list's total: later polls take its contacts as old, and read it whole
 * again (with the ids the cursor holds) when the total grew by more than the contacts newer
 * than it (a contact added late to it, or dated before it), before the cursor moves past it,
 * and once a day. As many deletions as late additions between two polls hide them from the
 * total: they come out at the next of those reads, never lost.
 */

export type SealedCursor = ListCursor & { sealed: number };

export const isSealed = (cursor: ListCursor): cursor is SealedCursor => cursor.sealed !== undefined && cursor.last !== null;

/**
 * Whether a poll at `now` may rely on the seal: a second activation took as old whole
 * (`WHOLE_SECOND`) always; a second read whole until its daily read.
 */
export const sealHolds = (cursor: SealedCursor, now: number | undefined): boolean =>
	isWholeSecond(cursor) || now === undefined || !checkDue(now, cursor.sealedAt ?? -Infinity);

/** The cursor a walk of a sealed list uses: every contact of its second old (where that second begins is not needed). */
export function sealedView(cursor: ListCursor): ListCursor {
	const view: ListCursor = { ...cursor, tied: { floor: WHOLE_SECOND, ranges: [] } };
	delete view.swept;
	return view;
}

/**
 * A sealed list whose order is known, idle: the page at its newest end holds only the sealed
 * second and the total did not grow. One call.
 */
export async function idleWhenSealed(reader: PageReader, cursor: SealedCursor): Promise<Omit<ListPoll, 'unreadable'> | undefined> {
	if (cursor.order === undefined || cursor.last === null) return undefined;
	const second = cursor.last.time;
	const page = cursor.order === 'desc' ? 1 : reader.pageOf(cursor.at);
	const window = await reader.read(page);
	const onlySealed = window.entries.length > 0 && oldest(window)?.key.time === second && newest(window)?.key.time === second;
	if (!atNewestEnd(window, cursor.order) || !onlySealed || window.total > cursor.sealed) return undefined;
	return { contacts: [], cursor: { ...cursor, total: window.total, sealed: window.total }, calls: reader.calls, upToDate: true };
}

/**
 * Whether the list grew by more than the contacts above the sealed second on the boundary page
 * (`boundary`; none: a list of one second), at any page this poll read (a growth undone by a
 * deletion during the poll shows).
 */
export function grewBeneath(cursor: SealedCursor, reader: PageReader, boundary?: Window, order?: Order): boolean {
	const second = cursor.last?.time ?? -Infinity;
	const most = Math.max(...reader.windows.map((window) => window.total));
	const below = boundary?.entries.filter((entry) => entry.key.time <= second).map((entry) => entry.position) ?? [];
	if (!boundary || below.length === 0) return most > cursor.sealed;
	const newer = order === 'desc' ? Math.min(...below) : boundary.total - 1 - Math.max(...below);
	return most - newer > cursor.sealed;
}

/**
 * Whether a walk of the sealed view can stand: nothing grew beneath the sealed second, and the
 * cursor stays in it (before it moves past, the second is read whole: a late addition hidden
 * from the total comes out then) unless activation took that second as old whole.
 */
export const sealedWalkStands = (cursor: SealedCursor, poll: ListPoll, grew: boolean): boolean =>
	!grew && (isWholeSecond(cursor) || poll.cursor.last?.time === cursor.last?.time);

/**
 * The cursor of a sealed list whose walk cannot stand but spent the poll's budget: the next poll
 * reads the second whole, from where it begins (sweep.ts), unsealed. In the same poll that read
 * would take a poll of 2 calls to 7: n8n's scheduler drops a poll that long, and the next one,
 * from the same cursor, would be as long again.
 */
export function readWholeNextPoll(cursor: SealedCursor): ListCursor {
	// A copy: fromBase hands back the cursor itself when it has no hint to move.
	const next: ListCursor = { ...fromBase(cursor) };
	delete next.sealed;
	delete next.sealedAt;
	return next;
}

/** The cursor after a walk of the sealed view: its own tied ids (and where its second begins) back while it stands in the sealed second. */
export function afterSealedWalk(cursor: SealedCursor, next: ListCursor): ListCursor {
	if (next.last?.time !== cursor.last?.time) return next;
	return { ...next, tied: cursor.tied, sealed: Math.min(cursor.sealed, next.total), ...(cursor.swept ? { swept: cursor.swept } : {}) };
}

/**
 * How many contacts of the cursor's second are accounted for at the total `windows` were read
 * at: those its reads at that total saw (`seen`) and those of that second on `windows` besides.
 * Unknown when every contact of it is old (`WHOLE_SECOND`).
 */
export function accountedFor(cursor: ListCursor, windows: readonly Window[]): number | undefined {
	const second = cursor.last?.time;
	if (second === undefined || isWholeSecond(cursor) || windows.length === 0) return undefined;
	const seen = cursor.seen?.total === windows[0].total ? cursor.seen : undefined;
	return idCount(seen) + [...idsOfSecond(windows, second)].filter((id) => !hasId(seen, id)).length;
}

/**
 * The ids of the cursor's second (`after`'s) seen at the total `windows` were read at, those of
 * earlier reads at that total kept: kept while that second is large (`large`: it spans a page or
 * more, or pages of the read split it) and not sealed, so that a second listed in a new order on every request is accounted
 * for over several reads; a deleted contact counted does not stand in for an unseen one, as the
 * total moved. None when the pages show different totals or contacts without a usable id.
 */
export function seenAfter(before: ListCursor, after: ListCursor, windows: readonly Window[], large: boolean): ListCursor['seen'] {
	const second = after.last?.time;
	if (second === undefined || !large || isWholeSecond(after) || windows.length === 0 || !countable(windows)) return undefined;
	const { total } = windows[0];
	const carried = before.last?.time === second && before.seen?.total === total ? before.seen : undefined;
	const set = withIds(carried, [...idsOfSecond(windows, second)]);
	return set && { total, ...set };
}

/**
 * Whether a walk that read the cursor's second whole (`chain`; `beneath` of its contacts below
 * it, read by earlier polls) accounts for fewer of its contacts than the places it holds: the
 * API listed that second in another order on each page (MySQL may, for contacts of one
 * date_added), and some of it was on none of them. Unsealed and not up to date, the list is
 * read whole again next poll, until every place is accounted for. Not judged when the list
 * changed during the walk (its places moved), nor beside contacts without a usable id (`countable`).
 */
export function tiesReshuffled(next: ListCursor, chain: readonly Window[], beneath = 0): boolean {
	const second = next.last?.time;
	// A read spread over polls proves the part below its anchor by the anchor (sweep.ts), also across a change of the
	// total, unless its pages showed that second reshuffled: then only what reads at one total saw counts.
	if (beneath > 0 && !next.swept?.shuffled) return false;
	const accounted = accountedFor(next, chain);
	if (accounted === undefined || !countable(chain)) return false;
	return accounted < placesOf(chain, second).size + beneath;
}

/**
 * The cursor after a walk that read the cursor's second whole (`chain` from below it to the
 * list's newest end, pages of `size`; `beneath` of its contacts below the chain, read by earlier
 * polls of a read spread over polls, sweep.ts): sealed when that second holds more contacts than
 * a page, with the total of the earliest page read (contacts added during the walk then show as growth).
 */
export function sealIfLarge(next: ListCursor, chain: readonly Window[], readWhole: boolean, size: number, now: number | undefined, beneath = 0): ListCursor {
	if (isWholeSecond(next)) return next;
	const unsealed: ListCursor = { ...next };
	delete unsealed.sealed;
	delete unsealed.sealedAt;
	const second = next.last?.time;
	if (second === undefined || !readWhole) return unsealed;
	const ids = idsOfSecond(chain, second);
	// More than a page holds spans two pages or more (three where the breaks fall so): re-read, it would cost every idle
	// poll as many calls, and oldest first a walk reading it down to below it spent 6 calls at a budget of 2.
	if (ids.size + beneath <= size) return unsealed;
	delete unsealed.seen;
	return { ...unsealed, sealed: Math.min(...chain.map((window) => window.total)), ...(now === undefined ? {} : { sealedAt: now }) };
}
