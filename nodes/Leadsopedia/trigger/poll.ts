import type { IDataObject } from 'n8n-workflow';
import { chainFrom, freshEntries } from './chain';
import { WHOLE_SECOND, type ListCursor } from './cursor';
import { compareKeys, type Order } from './keys';
import { idleOldestFirst } from './idle-oldest-first';
import type { ListPoll, PollLimits } from './list-poll';
import { nextCursor, withAhead } from './next-cursor';
import { pollOneSecond } from './one-second';
import { afterSealedWalk, grewBeneath, idleWhenSealed, isSealed, sealedView, sealedWalkStands, sealHolds, sealIfLarge } from './sealed-second';
import { readBridge } from './tie-bridge';
import { orderOf } from './order';
import { newest, PageReader, reachesBack, type ContactSource, type Window } from './pages';

/**
 * How far ahead of the poll's clock a contact's date may be and still move the cursor: more
 * than any clock skew between the API and n8n, less than a date that is simply wrong.
 */
const AHEAD_MS = 3600_000;

/** The hinted position of the boundary in `order` (the hint may have been taken in the other order). */
function hintIn(order: Order, cursor: ListCursor): number {
	return cursor.order === undefined || cursor.order === order ? cursor.at : cursor.total - 1 - cursor.at;
}

/**
 * Oldest first: the newest contacts are on the last page. The first page read (where the
 * boundary was last seen) tells how many pages there are; the pages above it are read from
 * the end backwards, then downwards until the boundary, so that deletions make pages overlap
 * rather than hide a contact.
 */
async function boundaryOldestFirst(reader: PageReader, cursor: ListCursor, probe: Window, limits: PollLimits): Promise<Window> {
	if (probe.entries.length === 0) {
		if (probe.pagesCount === 0) return probe;
		// The list shrank below the hint: start again from its last page.
		probe = await reader.read(probe.pagesCount);
	}
	// At least one page above the first (it may hold no new contact at all); one call is kept to read the first again.
	const top = Math.min(probe.pagesCount, probe.page + Math.max(1, limits.maxCalls - reader.calls - 1));
	for (let page = top; page > probe.page; page--) {
		const window = await reader.read(page);
		if (reachesBack(window, cursor, 'asc')) return window;
	}
	// Read before the pages above it, the first page cannot prove that no contact slipped down
	// into it meanwhile (a deletion below, masked by an addition): read after them, it can,
	// since a deletion then only makes it overlap the page above.
	let window = top > probe.page ? await reader.read(probe.page) : probe;
	while (!reachesBack(window, cursor, 'asc') && window.page > 1) {
		// A page below read after this one (to learn the order) joins it as well as a new read.
		const below = reader.latest(window.page - 1);
		window = below && below.seq > window.seq ? below : await reader.read(window.page - 1);
	}
	return window;
}

/**
 * Newest first: page 1 holds the newest contacts. Pages are read downwards until the
 * boundary; when the backlog is deeper than the call budget, the walk starts lower so that
 * the oldest new contacts go out first and the rest follow in the next polls.
 */
async function boundaryNewestFirst(reader: PageReader, cursor: ListCursor, first: Window, limits: PollLimits): Promise<Window> {
	if (reachesBack(first, cursor, 'desc') || first.entries.length === 0) return first;
	const expected = cursor.last === null ? first.total : hintIn('desc', cursor) + (first.total - cursor.total);
	const boundaryPage = Math.min(reader.pageOf(expected), Math.max(1, first.pagesCount));
	// Within the budget, but always down from the page of the oldest new contact, which may lie above the boundary's.
	let page = Math.max(2, Math.min(reader.pageOf(expected - 1), boundaryPage - limits.maxCalls + 2));
	let window = first;
	while (!reachesBack(window, cursor, 'desc') && page <= window.pagesCount) {
		// A page read after the one above it (to learn the order) joins it as well as a new read.
		const read = reader.latest(page);
		window = read && read.seq > window.seq ? read : await reader.read(page);
		page++;
	}
	// Null dates sort last: a bottom page of unreadable contacts alone holds no boundary, the
	// lowest page with a readable contact does (else a new list would give nothing, ever).
	while (window.entries.length === 0 && window.page > 1 && window.page <= window.pagesCount) window = await reader.read(window.page - 1);
	return window;
}

/** One poll of one list: its new contacts, oldest first, and where the list now stands. */
export async function pollList(source: ContactSource, cursor: ListCursor, limits: PollLimits): Promise<ListPoll> {
	const shortcut = await idleOldestFirst(source, cursor, limits.pageSize);
	if (shortcut.idle) return shortcut.idle;
	const result = await walkList(source, cursor, { ...limits, maxCalls: Math.max(2, limits.maxCalls - shortcut.calls) });
	return { ...result, calls: result.calls + shortcut.calls };
}

/**
 * The walk of a list. A sealed list (sealed-second.ts) is first walked taking its sealed second
 * as old; when that walk cannot stand (the total grew beneath that second, the cursor would move
 * past it, its daily read) the list is walked with the ids the cursor holds.
 */
async function walkList(source: ContactSource, cursor: ListCursor, limits: PollLimits): Promise<ListPoll> {
	const reader = new PageReader(source, limits.pageSize);
	if (isSealed(cursor) && sealHolds(cursor, limits.now)) {
		const idle = await idleWhenSealed(reader, cursor);
		if (idle) return { ...idle, unreadable: reader.unreadable };
		const sealed = await walkFrom(reader, sealedView(cursor), limits, cursor);
		if (sealedWalkStands(cursor, sealed.poll, !!sealed.grewBeneath)) return { ...sealed.poll, cursor: afterSealedWalk(cursor, sealed.poll.cursor) };
	}
	return (await walkFrom(reader, cursor, limits)).poll;
}

/**
 * The first page, the order, the pages down to the boundary, the joined chain above it; with
 * `sealed` (the cursor whose second `cursor` takes as old), whether the total grew beneath it.
 */
async function walkFrom(reader: PageReader, cursor: ListCursor, limits: PollLimits, sealed?: ListCursor & { sealed: number }): Promise<{ poll: ListPoll; grewBeneath?: boolean }> {
	const assumed = cursor.order ?? 'desc';
	const startOf = (order: Order) => (order === 'asc' ? reader.pageOf(hintIn('asc', cursor)) : 1);
	const probe = reader.latest(startOf(assumed)) ?? (await reader.read(startOf(assumed)));
	const order = await orderOf(reader, probe, assumed, sealed !== undefined);
	if (order === 'one second') {
		const poll = await pollOneSecond(reader, cursor, probe, limits);
		return { poll: { ...poll, unreadable: reader.unreadable }, grewBeneath: sealed && Math.max(...reader.windows.map((window) => window.total)) > sealed.sealed };
	}
	// Nothing comes out and the cursor stays: the next poll reads the list again.
	if (order === 'unknown') return { poll: { contacts: [], cursor: sealed ?? cursor, calls: reader.calls, upToDate: false, unreadable: reader.unreadable } };
	// In the other order than last time, the walk starts where that order starts.
	const first = reader.latest(startOf(order)) ?? (await reader.read(startOf(order)));
	const boundary =
		order === 'asc'
			? await boundaryOldestFirst(reader, cursor, first, limits)
			: await boundaryNewestFirst(reader, cursor, first, limits);
	const chain = await joinedChain(reader, boundary, order, limits);
	const fresh = freshEntries(chain, cursor);
	const top = chain[chain.length - 1];
	const upToDate = order === 'desc' ? top.page <= 1 : top.page >= top.pagesCount;
	// A contact dated well after this poll (a wrong date) comes out, but the cursor does not move to its date.
	const horizon = Date.now() + AHEAD_MS;
	const present = fresh.filter((entry) => entry.key.time <= horizon);
	const next = withAhead(cursor, nextCursor(cursor, chain, present, order), fresh.filter((entry) => entry.key.time > horizon));
	const readBelow = upToDate && readsBelow(chain[0], next, order);
	return {
		poll: { contacts: fresh.map((entry) => entry.contact), cursor: sealIfLarge(next, chain, readBelow, reader.size, limits.now), calls: reader.calls, upToDate, unreadable: reader.unreadable },
		grewBeneath: sealed && grewBeneath(sealed, reader, boundary, order),
	};
}

/** Whether a page lies below the second of `cursor`: a contact of an earlier second, or the oldest end of the list. */
function readsBelow(window: Window, cursor: ListCursor, order: Order): boolean {
	const second = cursor.last?.time;
	if (second === undefined) return false;
	return window.entries.some((entry) => entry.key.time < second) || (order === 'asc' ? window.page <= 1 : window.page >= window.pagesCount);
}

/**
 * The chain from the boundary, with each second split by a page break read whole (tie-bridge.ts):
 * the first such read even past the budget, so that every poll gets past one; the others within it.
 */
async function joinedChain(reader: PageReader, boundary: Window, order: Order, limits: PollLimits): Promise<Window[]> {
	const bridges = new Map<number, Window>();
	let { chain, tie } = chainFrom(boundary, order, reader, bridges);
	while (tie && (bridges.size === 0 || reader.calls < limits.maxCalls)) {
		const bridge = await readBridge(reader, tie, order);
		if (!bridge) break;
		const { second } = tie;
		// Only that second: the page's other contacts may lie beyond the pages the chain joins.
		bridges.set(second, { ...bridge, entries: bridge.entries.filter((entry) => entry.key.time === second) });
		({ chain, tie } = chainFrom(boundary, order, reader, bridges));
	}
	return chain;
}

/**
 * The newest contact of a list and a cursor standing on it (activation, "Fetch Test Event"),
 * within `limits.maxCalls`. Contacts of the newest second may go on over the next pages, in any
 * order of ids: they are read until that second ends; when it ends beyond the budget (a bulk
 * import of many pages), the cursor takes that whole second as old (`WHOLE_SECOND`).
 */
export async function newestContact(source: ContactSource, limits: PollLimits): Promise<{ contact?: IDataObject; cursor: ListCursor }> {
	const reader = new PageReader(source, limits.pageSize);
	const first = await reader.read(1);
	const found = await orderOf(reader, first, 'desc');
	// One second throughout: every page is of the newest second, read downwards, the order still unknown.
	const order = found === 'one second' || found === 'unknown' ? 'desc' : found;
	const step = order === 'asc' ? -1 : 1;
	let window = order === 'asc' && first.pagesCount > 1 ? (reader.latest(first.pagesCount) ?? (await reader.read(first.pagesCount))) : first;
	let top = newest(window);
	const secondGoesOn = () => !!top && window.entries.every((entry) => entry.key.time === top?.key.time) && window.page + step >= 1 && window.page + step <= window.pagesCount;
	while (secondGoesOn() && reader.calls < limits.maxCalls) {
		window = await reader.read(window.page + step);
		const below = newest(window);
		if (below && compareKeys(below.key, top!.key) > 0) top = below;
	}
	const known = found === 'asc' || found === 'desc' ? { order } : {};
	if (!top) return { cursor: { last: null, at: -1, total: first.total, ...known } };
	if (!secondGoesOn()) {
		const cursor: ListCursor = { last: top.key, at: top.position, total: window.total, ...known };
		// Read whole, a large newest second is sealed as after a walk (sealed-second.ts).
		return { contact: top.contact, cursor: sealIfLarge(cursor, reader.windows, true, reader.size, limits.now) };
	}
	// The newest second's edge at the newest end of the list: new contacts come beyond it.
	const edge = order === 'asc' ? window.total - 1 : 0;
	return { contact: top.contact, cursor: { last: top.key, at: edge, total: window.total, ...known, tied: { floor: WHOLE_SECOND, ranges: [] }, sealed: window.total } };
}
