import type { IDataObject } from 'n8n-workflow';
import { chainFrom, freshEntries } from './chain';
import { withIds, type ListCursor, type Tied } from './cursor';
import { compareKeys, type ContactKey, type Order } from './keys';
import { newest, oldest, PageReader, reachesBack, type ContactSource, type Entry, type Window } from './pages';

export interface PollLimits {
	/** Contacts per page: the API's largest, so a poll needs as few calls as possible. */
	pageSize: number;
	/** Calls this list may take before the poll should stop and leave the rest to the next one. */
	maxCalls: number;
}

export interface ListPoll {
	/** The new contacts, oldest first. */
	contacts: IDataObject[];
	cursor: ListCursor;
	calls: number;
}

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
	const { last } = cursor;
	if (probe.entries.length === 0) {
		if (probe.pagesCount === 0) return probe;
		// The list shrank below the hint: start again from its last page.
		probe = await reader.read(probe.pagesCount);
	}
	// At least one page above the first (it may hold no new contact at all); one call is kept to read the first again.
	const top = Math.min(probe.pagesCount, probe.page + Math.max(1, limits.maxCalls - reader.windows.length - 1));
	for (let page = top; page > probe.page; page--) {
		const window = await reader.read(page);
		if (reachesBack(window, last, 'asc')) return window;
	}
	// Read before the pages above it, the first page cannot prove that no contact slipped down
	// into it meanwhile (a deletion below, masked by an addition): read after them, it can,
	// since a deletion then only makes it overlap the page above.
	let window = top > probe.page ? await reader.read(probe.page) : probe;
	while (!reachesBack(window, last, 'asc') && window.page > 1) window = await reader.read(window.page - 1);
	return window;
}

/**
 * Newest first: page 1 holds the newest contacts. Pages are read downwards until the
 * boundary; when the backlog is deeper than the call budget, the walk starts lower so that
 * the oldest new contacts go out first and the rest follow in the next polls.
 */
async function boundaryNewestFirst(reader: PageReader, cursor: ListCursor, first: Window, limits: PollLimits): Promise<Window> {
	const { last } = cursor;
	if (reachesBack(first, last, 'desc') || first.entries.length === 0) return first;
	const expected = last === null ? first.total : hintIn('desc', cursor) + (first.total - cursor.total);
	const boundaryPage = Math.min(reader.pageOf(expected), Math.max(1, first.pagesCount));
	// Within the budget, but always down from the page of the oldest new contact, which may lie above the boundary's.
	let page = Math.max(2, Math.min(reader.pageOf(expected - 1), boundaryPage - limits.maxCalls + 2));
	let window = first;
	while (!reachesBack(window, last, 'desc') && page <= window.pagesCount) window = await reader.read(page++);
	return window;
}

/** The contacts of the newest second emitted, added to what the cursor knew of that second. */
function tiedAfter(cursor: ListCursor, emitted: readonly Entry[]): Tied {
	const time = emitted[emitted.length - 1].key.time;
	const ids: number[] = [];
	for (const entry of emitted) if (entry.key.time === time) ids.push(entry.key.id);
	const { last, tied } = cursor;
	if (last === null || last.time !== time) return { floor: null, ranges: withIds([], ids) };
	return { floor: tied ? tied.floor : last.id, ranges: withIds(tied?.ranges ?? [], ids) };
}

/** The cursor after a poll: moved to the newest contact emitted, or only its hints refreshed. */
function nextCursor(cursor: ListCursor, chain: readonly Window[], fresh: Entry[], order: Order): ListCursor {
	const newestFresh = fresh[fresh.length - 1];
	if (newestFresh) {
		// The rest of the newest second lies towards the newest contacts: the next walk starts from there.
		const second = fresh.filter((entry) => entry.key.time === newestFresh.key.time);
		const edge = second.reduce((nearest, entry) => (order === 'desc' ? Math.min(nearest, entry.position) : Math.max(nearest, entry.position)), newestFresh.position);
		return { last: maxKey(cursor, newestFresh.key), at: edge, total: newestFresh.total, order, tied: tiedAfter(cursor, fresh) };
	}
	const seen = lastSeen(chain, cursor.last);
	const top = chain[chain.length - 1];
	if (seen && cursor.tied && order === 'desc' && top.page > 1) {
		// Contacts of the cursor's second not out yet lie above this chain: the next walk starts at the top.
		return { ...cursor, at: 1, total: top.total, order };
	}
	if (seen) return { ...cursor, at: seen.position, total: seen.total, order };
	// An empty list is recorded as such: while /mylists says it stays empty, it costs no call.
	return chain[0].total === 0 ? { ...cursor, at: -1, total: 0, order } : cursor;
}

/** The newest contact of the chain not newer than `last`: where the cursor stands now. */
function lastSeen(chain: readonly Window[], last: ContactKey | null): Entry | undefined {
	let seen: Entry | undefined;
	for (const window of chain) {
		for (const entry of window.entries) {
			if (last !== null && compareKeys(entry.key, last) <= 0 && (!seen || compareKeys(entry.key, seen.key) > 0)) seen = entry;
		}
	}
	return seen;
}

/** The later of the cursor's key and `key`. */
const maxKey = (cursor: ListCursor, key: ContactKey): ContactKey => (cursor.last && compareKeys(cursor.last, key) > 0 ? cursor.last : key);

/**
 * The order of the list, from a page with two distinct dates: the API may change it between
 * polls, and a page of one contact (or of one second) cannot tell. The other end of the list
 * is asked when the first page read cannot; a list of one second throughout has none.
 */
async function orderOf(reader: PageReader, probe: Window, assumed: Order): Promise<Order | 'one second'> {
	if (probe.order) return probe.order;
	// Page 1 is the whole list: any order reads it whole.
	if (probe.page === 1 && probe.pagesCount <= 1) return assumed;
	const start = reader.latest(1) ?? (await reader.read(1));
	if (start.order) return start.order;
	// The last page as the latest answer counts it (the list may change meanwhile; a few tries).
	let end = reader.latest(start.pagesCount) ?? (await reader.read(start.pagesCount));
	for (let tries = 0; tries < 2 && !end.order && !acrossPages(reader.windows) && end.page !== end.pagesCount && end.pagesCount > 0; tries++) {
		end = await reader.read(end.pagesCount);
	}
	const order = end.order ?? acrossPages(reader.windows);
	if (order) return order;
	// Both ends of the list, and so all of it, are of one second.
	return end.page === end.pagesCount && oldest(start) && oldest(end) ? 'one second' : assumed;
}

/**
 * The order pages of one second each show between them: a lower page of an earlier second is
 * oldest first. Only pages read while the list kept its total are compared (it shifts otherwise).
 */
function acrossPages(windows: readonly Window[]): Order | undefined {
	for (const lower of windows) {
		for (const upper of windows) {
			const low = oldest(lower)?.key.time;
			const high = oldest(upper)?.key.time;
			if (lower.page < upper.page && lower.total === upper.total && low !== undefined && high !== undefined && low !== high) return low < high ? 'asc' : 'desc';
		}
	}
	return undefined;
}

/**
 * A list of one second throughout (a bulk import) has no order to walk, but needs none: each
 * of its contacts the cursor has not emitted is new, wherever it is. Pages are read round the
 * list from where the last such poll stopped, within the budget. Only contacts of that second
 * come out: a later one would move the cursor past those not read yet.
 */
async function pollOneSecond(reader: PageReader, cursor: ListCursor, probe: Window, limits: PollLimits): Promise<ListPoll> {
	const second = oldest(probe)?.key.time;
	const count = probe.pagesCount;
	let page = Math.min(reader.pageOf(cursor.at + 1), count);
	// Pages read already are free; at least one more is read, so that the round moves on.
	for (let visited = 0, read = 0; visited < count; visited++, page = (page % count) + 1) {
		if (reader.latest(page)) continue;
		if (read > 0 && reader.windows.length >= limits.maxCalls) break;
		await reader.read(page);
		read++;
	}
	const fresh = freshEntries(reader.windows, cursor).filter((entry) => entry.key.time === second);
	const newestFresh = fresh[fresh.length - 1];
	const at = (page - 1) * reader.size - 1;
	const next: ListCursor = newestFresh
		? { last: maxKey(cursor, newestFresh.key), at, total: probe.total, order: cursor.order, tied: tiedAfter(cursor, fresh) }
		: { ...cursor, at, total: probe.total };
	return { contacts: fresh.map((entry) => entry.contact), cursor: next, calls: reader.windows.length };
}

/** One poll of one list: its new contacts, oldest first, and where the list now stands. */
export async function pollList(source: ContactSource, cursor: ListCursor, limits: PollLimits): Promise<ListPoll> {
	const reader = new PageReader(source, limits.pageSize);
	const assumed = cursor.order ?? 'desc';
	const startOf = (order: Order) => (order === 'asc' ? reader.pageOf(hintIn('asc', cursor)) : 1);
	const probe = await reader.read(startOf(assumed));
	const order = await orderOf(reader, probe, assumed);
	if (order === 'one second') return await pollOneSecond(reader, cursor, probe, limits);
	// In the other order than last time, the walk starts where that order starts.
	const first = reader.latest(startOf(order)) ?? (await reader.read(startOf(order)));
	const boundary =
		order === 'asc'
			? await boundaryOldestFirst(reader, cursor, first, limits)
			: await boundaryNewestFirst(reader, cursor, first, limits);
	const chain = chainFrom(boundary, order, reader);
	const fresh = freshEntries(chain, cursor);
	return {
		contacts: fresh.map((entry) => entry.contact),
		cursor: nextCursor(cursor, chain, fresh, order),
		calls: reader.windows.length,
	};
}

/** The newest contact of a list and a cursor standing on it (activation, "Fetch Test Event"). */
export async function newestContact(source: ContactSource, pageSize: number): Promise<{ contact?: IDataObject; cursor: ListCursor }> {
	const reader = new PageReader(source, pageSize);
	const first = await reader.read(1);
	const found = await orderOf(reader, first, 'desc');
	// One second throughout: every page is of the newest second, read downwards.
	const order = found === 'one second' ? 'desc' : found;
	const step = order === 'asc' ? -1 : 1;
	let window = order === 'asc' && first.pagesCount > 1 ? (reader.latest(first.pagesCount) ?? (await reader.read(first.pagesCount))) : first;
	let top = newest(window);
	// Contacts of the newest second may go on over the next page, in any order of ids.
	while (top && window.entries.every((entry) => entry.key.time === top?.key.time) && window.page + step >= 1 && window.page + step <= window.pagesCount) {
		window = await reader.read(window.page + step);
		const below = newest(window);
		if (below && compareKeys(below.key, top.key) > 0) top = below;
	}
	if (!top) return { cursor: { last: null, at: -1, total: first.total, order: first.order } };
	return { contact: top.contact, cursor: { last: top.key, at: top.position, total: window.total, order } };
}
