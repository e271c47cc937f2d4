import { isWholeSecond, type ListCursor, type Sweep } from './cursor';
import type { Order } from './keys';
import { anchorOn, atNewestEnd, atOldestEnd, entriesOf, fromOldest, nearerNewestEnd, showsAnchor, shuffledOn, turned, type Entry, type PageReader, type Window } from './pages';
import { pageHolding } from './tie-bridge';

/**
 * A second spanning more pages than a poll's budget (a bulk import) cannot be read whole in one
 * poll, yet any of its contacts the cursor has not emitted is new, wherever it sits. Its read is
 * spread over polls: a walk that read it upwards from below it records the contact of that second
 * nearest the newest end it read (the anchor) and where it stood, counted from the oldest end.
 * The next walk takes the page showing the anchor at that place, or nearer the oldest end
 * (contacts deleted below it), as its boundary (pages.ts), once the second still begins as many
 * places below it (`baseHolds`): the part of the second below it then holds only contacts
 * already old. Else (a contact added below it, the API's order turned) the read starts again
 * from below the second, a poll later. An addition to the second below the anchor masked by as
 * many deletions of its contacts there is missed (README, Known limits). This relies on ties in a second that spans more than a
 * page coming in the same order on every request, as the shared-contact rule does; a smaller
 * second is not swept. Where the second begins (`base`) is kept while the cursor stays in it: a
 * sealed second read whole again starts there.
 */

/**
 * After a walk that emitted what its chain holds: the cursor's second, when it spans a page or
 * more and the chain read it from below (or went on from the anchor of its sweep): where it
 * begins, and the anchor when the chain stops short of its newest end. A chain that did neither
 * keeps only where the second begins.
 */
export function sweepAfter(chain: readonly Window[], before: ListCursor, after: ListCursor, order: Order, size: number): Sweep | undefined {
	const second = after.last?.time;
	if (second === undefined || isWholeSecond(after)) return undefined;
	const went = before.last?.time === second ? before.swept : undefined;
	// Once seen listed in another order on another request, always: a pass may show it or not.
	const shuffled = went?.shuffled || shuffledOn(chain, second) ? { shuffled: true as const } : {};
	const fromBelow = chain[0].entries.some((entry) => entry.key.time < second) || atOldestEnd(chain[0], order);
	const ofSecond = entriesOf(chain, second);
	// An anchor not found where it stood is dropped: its place no longer tells where to start.
	if ((!fromBelow && !wentOn(chain, before, order)) || ofSecond.length === 0) return went && { base: went.base, ...shuffled };
	const base = fromBelow ? beginsAt(ofSecond, order) : (went as Sweep).base;
	// By place from the oldest end: the chain's pages, read at different moments, number positions from different totals.
	const top = ofSecond.reduce((nearest, entry) => (fromOldest(entry, order) > fromOldest(nearest, order) ? entry : nearest));
	// Too small to sweep: its ties may come in another order on every request. A second swept before spans a page or more.
	if (!went && fromOldest(top, order) - base + 1 < size) return undefined;
	const through = atNewestEnd(chain[chain.length - 1], order) || chain.some((window) => window.entries.some((entry) => entry.key.time > second));
	// No anchor beside a contact without a usable id: above it (next-cursor.ts moves the hint past such contacts instead),
	// nor where the second begins (its second unknown, the next poll could not tell that the second still begins there).
	const idlessAbove = chain.some((window) => window.entries.includes(top) && window.idless.some((position) => nearerNewestEnd(position, top.position, order)));
	const idlessBelow = chain.some((window) => window.idless.some((position) => turned(position, window.total, order) === base - 1));
	return through || idlessAbove || idlessBelow ? { base, ...shuffled } : { base, id: top.key.id, fromOldest: fromOldest(top, order), ...shuffled };
}

/** Where the contacts of one second begin, counted from the oldest end. */
const beginsAt = (ofSecond: readonly Entry[], order: Order): number => Math.min(...ofSecond.map((entry) => fromOldest(entry, order)));

/**
 * Where the newest second begins, read whole at activation from the pages `windows` (newest-contact.ts),
 * when it spans a page or more: a sealed second read whole again starts there.
 */
export function sweptWhole(windows: readonly Window[], second: number, order: Order, size: number): Sweep | undefined {
	const ofSecond = entriesOf(windows, second);
	const base = beginsAt(ofSecond, order);
	return Math.max(...ofSecond.map((entry) => fromOldest(entry, order))) - base + 1 < size ? undefined : { base };
}

/**
 * Whether a list of one second throughout begins that second at its oldest end, in either order (its order unknown): yes
 * unless one of the pages read shows contacts without a date, which sort at an end of their own.
 */
export const beginsAtOldestEnd = (windows: readonly Window[]): boolean => windows.every((window) => window.undated === 0);

/** Whether a walk's chain began at the anchor of the sweep it went on with: the part of the second below it was read by earlier polls. */
export const wentOn = (chain: readonly Window[], before: ListCursor, order: Order): boolean => showsAnchor(chain[0], before, order);

/**
 * Contacts of the cursor's second below the chain's first page that earlier polls of its sweep read: they count towards
 * its size while the cursor (`after`) stays in it.
 */
export function sweptBelow(chain: readonly Window[], before: ListCursor, after: ListCursor, order: Order): number {
	const second = before.last?.time;
	const base = before.swept?.base;
	if (second === undefined || base === undefined || after.last?.time !== second || !wentOn(chain, before, order)) return 0;
	const places = entriesOf([chain[0]], second).map((entry) => fromOldest(entry, order));
	return Math.max(0, Math.min(...places) - base);
}

/**
 * Whether the part of the cursor's second below the anchor (shown on `window`) holds as many
 * contacts as when the anchor was taken: that second still begins as many places below it, the
 * contact before it of an earlier second (or without a usable date, sorted first), or none. A
 * contact added there with one deleted below the second would leave the anchor where it stood;
 * this shows it. One call (a page of another size holding both places), unless a page read
 * this poll holds them.
 */
export async function baseHolds(reader: PageReader, cursor: ListCursor, window: Window, order: Order): Promise<boolean> {
	const { swept, last } = cursor;
	const anchor = anchorOn(window, cursor, order);
	if (!last || !anchor || swept?.fromOldest === undefined) return false;
	const base = fromOldest(anchor, order) - (swept.fromOldest - swept.base);
	if (base <= 0) return base === 0;
	const at = (place: number) => turned(place, window.total, order);
	const [from, to] = [at(base - 1), at(base)].sort((a, b) => a - b);
	const holds = (page: Window, position: number) => page.total === window.total && (page.entries.some((entry) => entry.position === position) || page.idless.includes(position));
	const where = pageHolding(from, to, reader.size);
	const known = (position: number) => reader.windows.find((page) => holds(page, position));
	// A page holding both places, else the page of each (where no page of up to the size holds both).
	const pages = known(from) && known(to) ? [known(from) as Window, known(to) as Window] : where ? [await reader.readAt(where.page, where.limit)] : [await reader.readAt(reader.pageOf(from), reader.size), await reader.readAt(reader.pageOf(to), reader.size)];
	// The list moved since the anchor was read: nothing can be told.
	if (pages.some((page) => page.total !== window.total)) return false;
	const entries = pages.flatMap((page) => page.entries);
	const first = entries.find((entry) => entry.position === at(base));
	const before = entries.find((entry) => entry.position === at(base - 1));
	return first?.key.time === last.time && (before ? before.key.time < last.time : !pages.some((page) => page.idless.includes(at(base - 1))));
}

/** Whether a read of the cursor's second spread over polls goes on (it has an anchor). */
export const sweeping = (cursor: ListCursor): boolean => cursor.swept?.id !== undefined;

/** The cursor after a walk that did not find the anchor within its budget, or found the part below it changed: the read starts again from below the second. */
export const sweepAgain = (cursor: ListCursor): ListCursor =>
	cursor.swept ? fromBase({ ...cursor, swept: { base: cursor.swept.base, ...(cursor.swept.shuffled ? { shuffled: true } : {}) } }) : cursor;

/** The position in `order` of the place just below where the cursor's second begins (`swept.base`): a walk reading that second whole starts there. */
export const belowBase = (swept: Sweep, total: number, order: Order): number => turned(Math.max(0, swept.base - 1), total, order);

/**
 * The cursor a sealed second is read whole again with (before the cursor moves past it, its daily
 * read): its hint where the second begins, so that the read starts below it within the budget and
 * goes on over polls.
 */
export function fromBase(cursor: ListCursor): ListCursor {
	const { swept } = cursor;
	if (swept === undefined || swept.id !== undefined) return cursor;
	return { ...cursor, at: Math.max(0, belowBase(swept, cursor.total, cursor.order ?? 'desc')) };
}
