import { boundaryNewestFirst, boundaryOldestFirst, hintIn, nextPage } from './boundary';
import { chainFrom, freshEntries } from './chain';
import { unordered, type ListCursor } from './cursor';
import { compareKeys, type Order } from './keys';
import { withIds } from './ids';
import type { BelowCount } from './below-count';
import { carried, countBefore, countUpTo, firstCount, highestEmitted, highestRead, searchBelow, withFound } from './late-dated';
import { idleOldestFirst } from './idle-oldest-first';
import type { ListPoll, PollLimits } from './list-poll';
import { nextCursor, withAhead } from './next-cursor';
import { pollOneSecond } from './one-second';
import { afterSealedWalk, grewBeneath, idleWhenSealed, isSealed, readWholeNextPoll, sealedView, sealedWalkStands, sealHolds, sealIfLarge, seenAfter, tiesReshuffled, type SealedCursor } from './sealed-second';
import { readAcross } from './grown-seam';
import { baseHolds, fromBase, sweepAfter, sweepAgain, sweeping, sweptBelow, wentOn } from './sweep';
import { readBridge } from './tie-bridge';
import { confirm, orderOf, trustedOrder } from './order';
import { atNewestEnd, atOldestEnd, entriesOf, holdsSecond, PageReader, reachesBack, showsAnchor, shuffledSeconds, type ContactSource, type Entry, type Window } from './pages';

/**
 * How far ahead of the poll's clock a contact's date may be and still move the cursor: more
 * than any clock skew between the API and n8n, less than a date that is simply wrong.
 */
const AHEAD_MS = 3600_000;

/** One poll of one list: its new contacts, oldest first, and where the list now stands. */
export async function pollList(source: ContactSource, cursor: ListCursor, limits: PollLimits): Promise<ListPoll> {
	// A search for contacts dated below the cursor goes on: no shortcut proves a poll idle then. Nor when the cursor's second
	// spans a page or more (sweep.ts): the cursor is not alone on its page, and its hint may be where that second begins.
	const shortcut = cursor.late?.search || cursor.swept ? undefined : await idleOldestFirst(source, cursor, limits.pageSize);
	if (shortcut && 'idle' in shortcut) return shortcut.idle;
	return await walkList(shortcut?.reader ?? new PageReader(source, limits.pageSize), shortcut?.seen ? { ...cursor, ...shortcut.seen } : cursor, limits);
}

/**
 * The walk of a list, with `reader` (the pages read for the idle check, if any). A sealed list
 * (sealed-second.ts) is first walked taking its sealed second as old; when that walk cannot
 * stand (the total grew beneath that second, the cursor would move past it, its daily read)
 * the list is walked with the ids the cursor holds: in this poll, or from the next one when
 * this walk spent the budget.
 */
async function walkList(reader: PageReader, cursor: ListCursor, limits: PollLimits): Promise<ListPoll> {
	if (isSealed(cursor) && sealHolds(cursor, limits.now)) {
		const idle = cursor.late?.search ? undefined : await idleWhenSealed(reader, cursor);
		if (idle) return { ...idle, unreadable: reader.unreadable };
		const sealed = await walkFrom(reader, sealedView(cursor), limits, cursor);
		if (sealedWalkStands(cursor, sealed.poll, !!sealed.grewBeneath)) return { ...sealed.poll, cursor: afterSealedWalk(cursor, sealed.poll.cursor) };
		if (reader.calls >= limits.maxCalls) return { contacts: [], cursor: readWholeNextPoll(cursor), calls: reader.calls, upToDate: false, unreadable: reader.unreadable };
	}
	// A sealed second read whole again starts from where it begins, within the budget (sweep.ts); a list of one second
	// throughout read round over polls goes on where the round stopped (one-second.ts).
	return (await walkFrom(reader, isSealed(cursor) && !cursor.round ? fromBase(cursor) : cursor, limits)).poll;
}

/**
 * The first page, the order, the pages down to the boundary, the joined chain above it; with
 * `sealed` (the cursor whose second `cursor` takes as old), whether the total grew beneath it.
 */
async function walkFrom(reader: PageReader, cursor: ListCursor, limits: PollLimits, sealed?: SealedCursor): Promise<{ poll: ListPoll; grewBeneath?: boolean }> {
	const assumed = cursor.order ?? 'desc';
	const startOf = (order: Order) => (order === 'asc' ? reader.pageOf(hintIn('asc', cursor)) : 1);
	const probe = reader.latest(startOf(assumed)) ?? (await reader.read(startOf(assumed)));
	// To learn the order, the page a walk in the order known reads next (at a small budget newest first, a low one).
	const following = cursor.order ? nextPage(reader, cursor, probe, limits, cursor.order) : undefined;
	// Neither page telling, the order known goes on, confirmed before anything comes out; not while a search for late
	// contacts goes on: the list's ends, asked for the order, are where it goes (and a page read is free to it).
	// Nor, oldest first, when the page of the cursor's hint holds only later contacts (the order turned, most often).
	const trusted = cursor.order && !sealed && !cursor.late?.search && hintHeld(probe, cursor) ? await trustedOrder(reader, probe, cursor.order, following) : undefined;
	// A sealed list, or one seen only of one second throughout: most often of one second still, its ends tell (2 calls).
	const order = trusted ?? (await orderOf(reader, probe, assumed, sealed !== undefined || unordered(cursor), following));
	const readRound = async (stands: ListCursor) => {
		const poll = await pollOneSecond(reader, stands, probe, limits);
		return { poll: { ...poll, unreadable: reader.unreadable }, grewBeneath: sealed && grewBeneath(sealed, reader) };
	};
	if (order === 'one second') return await readRound(cursor);
	// Nothing comes out and the cursor stays: the next poll reads the list again.
	const unsure = (stays: ListCursor = sealed ?? cursor) => ({ poll: { contacts: [], cursor: stays, calls: reader.calls, upToDate: false, unreadable: reader.unreadable } });
	if (order === 'unknown') return unsure();
	// The order turned, learnt once the budget is spent: the walk in it is the next poll's (walking at once spent 6 calls at a budget of 2).
	if (!sealed && cursor.order && order !== cursor.order && reader.calls >= limits.maxCalls) return unsure(reordered(cursor, order));
	// In the other order than last time, the walk starts where that order starts.
	const first = reader.latest(startOf(order)) ?? (await reader.read(startOf(order)));
	const boundary =
		order === 'asc'
			? await boundaryOldestFirst(reader, cursor, first, limits)
			: await boundaryNewestFirst(reader, cursor, first, limits);
	// The anchor of a read spread over polls not found where it stood, or the part of the second below it changed: that
	// read starts again from below the second, next poll.
	if (sweeping(cursor) && (!reachesBack(boundary, cursor, order) || (showsAnchor(boundary, cursor, order) && !(await baseHolds(reader, cursor, boundary, order))))) {
		return { poll: { ...unsure().poll, cursor: sweepAgain(cursor) } };
	}
	const chain = await joinedChain(reader, boundary, order, limits);
	// A page of this poll in the other order: the order was taken from a page that could not tell
	// (one contact) or trusted, and the API's changed. Walked in the wrong order, the boundary lies.
	const contrary = reader.windows.find((window) => window.order !== undefined && window.order !== order)?.order;
	// An order trusted: confirmed by a page of the poll, else the list's ends are asked.
	const asked = contrary ?? (trusted ? await confirm(reader, probe, trusted) : order);
	if (asked !== order) {
		// A trusted order shown wrong: the next poll walks in the one shown (or learns it again); a list now of one second
		// throughout is read round at once.
		if (trusted && asked === 'one second') return await readRound(reordered(cursor, undefined));
		return unsure(trusted ? reordered(cursor, asked === 'asc' || asked === 'desc' ? asked : undefined) : undefined);
	}
	const fresh = heldInSecond(chain, cursor, order, freshEntries(chain, cursor));
	const top = chain[chain.length - 1];
	const upToDate = atNewestEnd(top, order);
	// A contact dated well after this poll (a wrong date) comes out, but the cursor does not move to its date.
	const horizon = Date.now() + AHEAD_MS;
	const present = fresh.filter((entry) => entry.key.time <= horizon);
	const moved = withAhead(cursor, nextCursor(cursor, chain, present, order), fresh.filter((entry) => entry.key.time > horizon));
	// Counted whenever the chain shows where the cursor's second ends; the walk of the sealed view carries it (what came
	// out joins it), and a search under way goes on.
	const below = !sealed ? await lateContacts(reader, chain, fresh, order, cursor, moved, limits) : await searchGoesOn(reader, chain[0], order, carried(cursor.late, fresh, moved.last?.time), limits);
	const next: ListCursor = { ...moved };
	delete next.late;
	if (below.late) next.late = below.late;
	delete next.swept;
	delete next.round;
	const swept = sweepAfter(chain, cursor, next, order, reader.size);
	if (swept) next.swept = swept;
	delete next.seen;
	// Large: swept, or split over pages (a page may show it in another order than the next).
	const split = chain.filter((window) => holdsSecond(window, next.last?.time)).length > 1;
	const seen = seenAfter(cursor, next, chain, swept !== undefined || split);
	if (seen) next.seen = seen;
	// Read whole: from below the cursor's second, or from the anchor of a read of it spread over polls, to the newest end.
	const readBelow = upToDate && (readsBelow(chain[0], next, order) || wentOn(chain, cursor, order));
	const beneath = sweptBelow(chain, cursor, next, order);
	const reshuffled = readBelow && tiesReshuffled(next, chain, beneath);
	const contacts = [...below.found, ...fresh].sort((a, b) => compareKeys(a.key, b.key)).map((entry) => entry.contact);
	return {
		poll: { contacts, cursor: reshuffled ? fromBase(sealIfLarge(next, chain, false, reader.size, limits.now)) : sealIfLarge(next, chain, readBelow, reader.size, limits.now, beneath), calls: reader.calls, upToDate: upToDate && !reshuffled, unreadable: reader.unreadable },
		grewBeneath: sealed && grewBeneath(sealed, reader, boundary, order),
	};
}

/**
 * After a walk: the contacts dated before the cursor's second added since the last count
 * (late-dated.ts). The contacts up to that second now, less those that came out or were there
 * when last counted, are missing: searched for, and the count now taken at the cursor's second.
 */
async function lateContacts(
	reader: PageReader,
	chain: readonly Window[],
	fresh: readonly Entry[],
	order: Order,
	before: ListCursor,
	after: ListCursor,
	limits: PollLimits,
): Promise<{ found: Entry[]; late?: BelowCount }> {
	const prior = countBefore(before);
	const second = after.last?.time;
	const shown = second === undefined ? undefined : countUpTo(chain, second, order);
	if (second === undefined || shown === undefined) return { found: [], late: carried(prior, fresh, second) };
	if (!prior) return { found: [], late: firstCount(chain, second, order, reader, Math.max(highestEmitted(before), highestEmitted(after))) };
	const { count: counted, exact } = shown;
	const out = fresh.filter((entry) => entry.key.time <= second);
	const accounted = prior.below + out.length;
	// Short of where the cursor's second ends, the count is at least that: a search under way still looks for as many.
	const missing = exact ? counted - accounted : Math.max(counted - accounted, prior.search?.missing ?? 0);
	// Those that came out above `high` are not searched for again.
	const known = withIds(prior.found, out.map((entry) => entry.key.id).filter((id) => id > prior.high));
	// A search goes on where it stopped, unless more are missing since (those may lie above where it stopped) or the API
	// answers in another order than the search read in (contacts of one second may then come in another order: some passed
	// may lie above where it stopped). The search's own order, not the cursor's: a walk that does not count (of a sealed
	// second's view, or whose pages do not show where the cursor's second ends) carries the search into a cursor of the
	// order it walked in.
	const from = prior.search && missing <= prior.search.missing && prior.search.order === order ? prior.search.fromOldest : undefined;
	// Searched in the pages read even when none is missing (free): a page read after the one that counted may show one.
	const { found, search } = await searchBelow(reader, chain[0], order, { second, high: prior.high, found: known }, missing, limits, from);
	const below = accounted + found.length;
	// A count short by old contacts of the cursor's second may hide missing ones, and one read before the list changed
	// in this poll may miss late contacts its search then finds in their place: nothing is taken as found but what came out.
	const changed = reader.windows.some((window) => window.total !== chain[0].total);
	if (search || !exact || changed) return { found, late: withFound({ second, below, high: prior.high, ...(known ? { found: known } : {}), ...(search ? { search: { missing: missing - found.length, fromOldest: search.fromOldest, order } } : {}) }, found) };
	// Every one missing found; or the search reached the oldest end short of them (the list changed under it): the count as it stands.
	return { found, late: { second, below: Math.max(below, counted), high: highestRead(reader, chain, { second, below, high: prior.high, found: known }) } };
}

/**
 * A search for late contacts under way goes on where it stopped, within what the budget leaves: a sealed list is read
 * every poll while it does (plan.ts), and waiting for the second's daily read delayed them by a day or two.
 */
async function searchGoesOn(reader: PageReader, boundary: Window, order: Order, late: BelowCount | undefined, limits: PollLimits): Promise<{ found: Entry[]; late?: BelowCount }> {
	const under = late?.search;
	if (!late || !under || under.order !== order || reader.calls >= limits.maxCalls) return { found: [], late };
	const { found, search } = await searchBelow(reader, boundary, order, late, under.missing, limits, under.fromOldest);
	const next: BelowCount = withFound({ ...late, below: late.below + found.length }, found);
	delete next.search;
	if (search) next.search = { missing: under.missing - found.length, fromOldest: search.fromOldest, order };
	return { found, late: next };
}

/**
 * The cursor in another order (undefined: not known), nothing read in it yet: its hint turned to
 * that order, and a read of its second spread over polls started again (contacts of one second
 * may come in another order). A search for late contacts keeps the order it reads in, and starts
 * again when the API answers in another (lateContacts).
 */
function reordered(cursor: ListCursor, order: Order | undefined): ListCursor {
	const again = sweepAgain(cursor);
	// No anchor left: the cursor's own hint, in the other order (an unknown order counts as newest first).
	const next: ListCursor = { ...again, at: hintIn(order ?? 'desc', again) };
	delete next.order;
	if (order) next.order = order;
	return next;
}

/**
 * Oldest first, whether the probe (the page of the cursor's hint) holds a contact up to the cursor's second (or none):
 * one that holds only later contacts, all of one second, most often shows the API's order turned, and a walk in the
 * order known read 3 pages more before the list's ends showed it (7 calls at a budget of 2).
 */
function hintHeld(probe: Window, cursor: ListCursor): boolean {
	const second = cursor.last?.time;
	return cursor.order !== 'asc' || second === undefined || probe.entries.length === 0 || probe.entries.some((entry) => entry.key.time <= second);
}

/**
 * The new contacts a walk may emit: only those up to a second the API listed in another order on
 * each page, so that some of it was on none of them (sealed-second.ts, tiesReshuffled): the
 * cursor's, read whole and past, or the oldest new second split so over the chain's pages. A
 * later contact would move the cursor past those not seen yet; the cursor stays in that second,
 * read whole again next poll, and the later contacts come out once every place is accounted for.
 */
function heldInSecond(chain: readonly Window[], cursor: ListCursor, order: Order, fresh: Entry[]): Entry[] {
	const second = cursor.last?.time;
	const upTo = (time: number) => (fresh.some((entry) => entry.key.time > time) ? fresh.filter((entry) => entry.key.time <= time) : fresh);
	const readWhole = second !== undefined && (readsBelow(chain[0], cursor, order) || wentOn(chain, cursor, order));
	if (readWhole && tiesReshuffled(cursor, chain, sweptBelow(chain, cursor, cursor, order))) return upTo(second);
	const split = shuffledSeconds(chain).find((time) => (second === undefined || time > second) && fresh.some((entry) => entry.key.time === time));
	return split === undefined ? fresh : upTo(split);
}

/** Whether a page lies below the second of `cursor`: a contact of an earlier second, or the oldest end of the list. */
function readsBelow(window: Window, cursor: ListCursor, order: Order): boolean {
	const second = cursor.last?.time;
	if (second === undefined) return false;
	return window.entries.some((entry) => entry.key.time < second) || atOldestEnd(window, order);
}

/**
 * The chain from the boundary, with each second split by a page break read whole (tie-bridge.ts)
 * and each break the list grew under read across (grown-seam.ts): the first such read even past
 * the budget, so that every poll gets past one; the others within it.
 */
async function joinedChain(reader: PageReader, boundary: Window, order: Order, limits: PollLimits): Promise<Window[]> {
	const bridges = new Map<number, Window>();
	const across = new Map<number, Window>();
	let { chain, tie, grown } = chainFrom(boundary, order, reader, bridges, across);
	while ((tie || grown) && (bridges.size + across.size === 0 || reader.calls < limits.maxCalls)) {
		if (tie) {
			const bridge = await readBridge(reader, tie, order);
			if (!bridge) break;
			const { second } = tie;
			// Only that second: the page's other contacts may lie beyond the pages the chain joins.
			bridges.set(second, { ...bridge, entries: entriesOf([bridge], second) });
		} else if (grown) {
			const read = await readAcross(reader, grown);
			if (!read) break;
			across.set(grown.older.page, read);
		}
		({ chain, tie, grown } = chainFrom(boundary, order, reader, bridges, across));
	}
	return chain;
}
