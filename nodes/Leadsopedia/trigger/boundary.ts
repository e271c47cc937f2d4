import { isNew, unordered, type ListCursor } from './cursor';
import type { Order } from './keys';
import type { PollLimits } from './list-poll';
import { reachesBack, turned, type PageReader, type Window } from './pages';
import { belowBase, sweeping } from './sweep';

/** Where a poll's walk finds the boundary: the page holding the contacts up to the cursor, in either order. */

/** Calls kept from the walk down to the boundary: one to check where the second swept begins (sweep.ts). */
const kept = (cursor: ListCursor): number => (sweeping(cursor) ? 1 : 0);

/**
 * A walk that goes on with a read spread over polls looks for its anchor on the page where it
 * should stand and the next one towards the oldest end (`near`: the page to read next is one of
 * them), and further only within the budget: not found, the walk stops and the read starts again
 * from below the second next poll (sweep.ts), rather than reading the whole second down to the
 * page below it.
 */
const withinSweep = (reader: PageReader, cursor: ListCursor, limits: PollLimits, near: boolean): boolean => !sweeping(cursor) || near || reader.calls < limits.maxCalls;

/**
 * The hinted position of the boundary in `order`: the anchor of a read of the cursor's second
 * spread over polls (sweep.ts), else the cursor's hint. That may have been taken in the other
 * order; one taken before the order was known, newest first, as activation assumes it then
 * (newest-contact.ts).
 */
export function hintIn(order: Order, cursor: ListCursor): number {
	const anchor = cursor.swept?.fromOldest;
	if (anchor !== undefined) return turned(anchor, cursor.total, order);
	// Its second read round as a set (one-second.ts), whose hint is where that read stopped: the walk reads it from where it begins.
	if (unordered(cursor) && cursor.swept) return belowBase(cursor.swept, cursor.total, order);
	return (cursor.order ?? 'desc') === order ? cursor.at : cursor.total - 1 - cursor.at;
}

/**
 * Oldest first, the highest page a walk from `probe` reads (`ahead` calls more to be spent before
 * it). One call is kept to read the probe again, and one to check where the second swept begins
 * (sweep.ts). At least one page above the probe (past the budget by one at the smallest), unless
 * the probe holds new contacts and the budget is spent already (pages read to learn the order,
 * the page read to prove the poll idle), or all but that call while the walk must read below the
 * probe too (it holds no contact before the cursor's second; 6 calls with /mylists at a budget of
 * 2, with the tie bridge of that second): those go out, the rest next poll.
 */
function topPage(reader: PageReader, cursor: ListCursor, probe: Window, limits: PollLimits, ahead = 0): number {
	const left = limits.maxCalls - reader.calls - ahead - 1 - kept(cursor);
	const fresh = probe.entries.some((entry) => isNew(entry.key, cursor));
	if (fresh && (left < 0 || (left === 0 && !reachesBack(probe, cursor, 'asc')))) return probe.page;
	return Math.min(probe.pagesCount, probe.page + Math.max(1, left));
}

/**
 * Oldest first, whether the pages above the probe up to `top` were each read before it, from the
 * end backwards (a list's newest end, read to learn the order, then the probe): the probe is then
 * the read of the first page again after them, and the walk reads none of them again.
 */
function readDownTo(reader: PageReader, probe: Window, top: number): boolean {
	let seq = probe.seq;
	for (let page = probe.page + 1; page <= top; page++) {
		const read = reader.latest(page);
		if (!read || read.seq >= seq) return false;
		seq = read.seq;
	}
	return top > probe.page;
}

/**
 * Oldest first: the newest contacts are on the last page. The first page read (where the
 * boundary was last seen) tells how many pages there are; the pages above it are read from
 * the end backwards, then downwards until the boundary, so that deletions make pages overlap
 * rather than hide a contact.
 */
export async function boundaryOldestFirst(reader: PageReader, cursor: ListCursor, probe: Window, limits: PollLimits): Promise<Window> {
	if (probe.entries.length === 0) {
		if (probe.pagesCount === 0) return probe;
		// The list shrank below the hint: start again from its last page.
		probe = await reader.read(probe.pagesCount);
	}
	const top = topPage(reader, cursor, probe, limits);
	const readBefore = readDownTo(reader, probe, top);
	for (let page = top; page > probe.page; page--) {
		// The top page read after the first (to learn the order) is as good as a read now: the walk down starts with it. So
		// is each page above the first read before it, from the end backwards.
		const read = reader.latest(page);
		const window = read && (readBefore || (page === top && read.seq > probe.seq)) ? read : await reader.read(page);
		if (reachesBack(window, cursor, 'asc')) return window;
	}
	// Read before the pages above it, the first page cannot prove that no contact slipped down
	// into it meanwhile (a deletion below, masked by an addition): read after them, it can,
	// since a deletion then only makes it overlap the page above.
	let window = top > probe.page && !readBefore ? await reader.read(probe.page) : probe;
	while (!reachesBack(window, cursor, 'asc') && window.page > 1 && withinSweep(reader, cursor, limits, window.page >= probe.page)) {
		// A page below read after this one (to learn the order) joins it as well as a new read.
		const below = reader.latest(window.page - 1);
		window = below && below.seq > window.seq ? below : await reader.read(window.page - 1);
	}
	return window;
}

/** Newest first, whether page 1 is the boundary. A page 1 of contacts without a usable id alone is none: placeable contacts below it may be new. */
const endsAtFirst = (first: Window, cursor: ListCursor): boolean => reachesBack(first, cursor, 'desc') || (first.entries.length === 0 && first.idless.length === 0);

/** Newest first, the position where the boundary should stand, by the cursor's hint and the growth since. */
const expectedAt = (cursor: ListCursor, first: Window): number => (cursor.last === null ? first.total : hintIn('desc', cursor) + (first.total - cursor.total));

/** Newest first, the page where the boundary should stand. */
const expectedBoundary = (reader: PageReader, cursor: ListCursor, first: Window): number => Math.min(reader.pageOf(expectedAt(cursor, first)), Math.max(1, first.pagesCount));

/**
 * Newest first, the page the walk down from page 1 reads first: within the budget left (pages
 * read to learn the order count; `ahead` calls more to be spent before it), but always down
 * from the page of the oldest new contact, which may lie above the boundary's.
 */
function firstPageDown(reader: PageReader, cursor: ListCursor, first: Window, limits: PollLimits, ahead = 0): number {
	const left = limits.maxCalls - reader.calls - ahead - kept(cursor);
	return Math.max(2, Math.min(reader.pageOf(expectedAt(cursor, first) - 1), expectedBoundary(reader, cursor, first) - left + 1));
}

/**
 * The page a walk in `order` reads first after its probe, when the probe cannot tell the order
 * and the walk is assumed to go in `order`: read to learn the order, it is read once for both
 * (order.ts). Newest first, none when page 1 is the boundary; oldest first, none when the walk
 * reads no page above the probe.
 */
export function nextPage(reader: PageReader, cursor: ListCursor, probe: Window, limits: PollLimits, order: Order): number | undefined {
	if (order === 'desc') return probe.page === 1 && !endsAtFirst(probe, cursor) ? firstPageDown(reader, cursor, probe, limits, 1) : undefined;
	if (probe.entries.length === 0) return undefined;
	const top = topPage(reader, cursor, probe, limits, 1);
	return top > probe.page ? top : undefined;
}

/**
 * Newest first: page 1 holds the newest contacts. Pages are read downwards until the
 * boundary; when the backlog is deeper than the call budget, the walk starts lower so that
 * the oldest new contacts go out first and the rest follow in the next polls.
 */
export async function boundaryNewestFirst(reader: PageReader, cursor: ListCursor, first: Window, limits: PollLimits): Promise<Window> {
	if (endsAtFirst(first, cursor)) return first;
	const boundaryPage = expectedBoundary(reader, cursor, first);
	let page = firstPageDown(reader, cursor, first, limits);
	let window = first;
	for (let rounds = 0; ; rounds++) {
		while (!reachesBack(window, cursor, 'desc') && page <= window.pagesCount && withinSweep(reader, cursor, limits, page <= boundaryPage + 1)) {
			// A page read after the one above it (to learn the order) joins it as well as a new read.
			const read = reader.latest(page);
			window = read && read.seq > window.seq ? read : await reader.read(page);
			page++;
		}
		// Null dates sort last: a bottom page of undated contacts alone holds no boundary, the lowest
		// page with a dated contact does (else a new list would give nothing, ever). With no cursor
		// yet, nor does a bottom page of contacts without a usable id alone: nothing on it comes out,
		// and a walk starting there at a budget of 2 calls would never read the page above it.
		const placeable = window.entries.length + (cursor.last === null ? 0 : window.idless.length);
		if (placeable > 0 || window.page <= 1 || window.page > window.pagesCount) return window;
		const above = await reader.read(window.page - 1);
		// Unless the list moved between the two reads: contacts below the page above may then be new; walk down again (a few rounds).
		if (reachesBack(above, cursor, 'desc') || above.total === window.total || rounds >= 2) return above;
		window = above;
		page = above.page + 1;
	}
}
