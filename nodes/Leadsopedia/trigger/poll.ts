import { boundaryNewestFirst, boundaryOldestFirst, hintIn } from './boundary';
import { chainFrom, freshEntries } from './chain';
import type { ListCursor } from './cursor';
import { compareKeys, type Order } from './keys';
import { countUpTo, recount, searchBelow, type BelowCount } from './late-dated';
import { idleOldestFirst } from './idle-oldest-first';
import type { ListPoll, PollLimits } from './list-poll';
import { nextCursor, withAhead } from './next-cursor';
import { pollOneSecond } from './one-second';
import { afterSealedWalk, grewBeneath, idleWhenSealed, isSealed, sealedView, sealedWalkStands, sealHolds, sealIfLarge, type SealedCursor } from './sealed-second';
import { readAcross } from './grown-seam';
import { readBridge } from './tie-bridge';
import { orderOf } from './order';
import { atNewestEnd, atOldestEnd, PageReader, type ContactSource, type Entry, type Window } from './pages';

/**
 * How far ahead of the poll's clock a contact's date may be and still move the cursor: more
 * than any clock skew between the API and n8n, less than a date that is simply wrong.
 */
const AHEAD_MS = 3600_000;

/** One poll of one list: its new contacts, oldest first, and where the list now stands. */
export async function pollList(source: ContactSource, cursor: ListCursor, limits: PollLimits): Promise<ListPoll> {
	// A search for contacts dated below the cursor goes on: no shortcut proves a poll idle then.
	const shortcut = cursor.late?.search ? { calls: 0 } : await idleOldestFirst(source, cursor, limits.pageSize);
	if (shortcut.idle) return shortcut.idle;
	const result = await walkList(source, cursor, { ...limits, maxCalls: Math.max(2, limits.maxCalls - shortcut.calls) });
	return { ...result, calls: result.calls + shortcut.calls, unreadable: [...(shortcut.unreadable ?? []), ...result.unreadable] };
}

/**
 * The walk of a list. A sealed list (sealed-second.ts) is first walked taking its sealed second
 * as old; when that walk cannot stand (the total grew beneath that second, the cursor would move
 * past it, its daily read) the list is walked with the ids the cursor holds.
 */
async function walkList(source: ContactSource, cursor: ListCursor, limits: PollLimits): Promise<ListPoll> {
	const reader = new PageReader(source, limits.pageSize);
	if (isSealed(cursor) && sealHolds(cursor, limits.now)) {
		const idle = cursor.late?.search ? undefined : await idleWhenSealed(reader, cursor);
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
async function walkFrom(reader: PageReader, cursor: ListCursor, limits: PollLimits, sealed?: SealedCursor): Promise<{ poll: ListPoll; grewBeneath?: boolean }> {
	const assumed = cursor.order ?? 'desc';
	const startOf = (order: Order) => (order === 'asc' ? reader.pageOf(hintIn('asc', cursor)) : 1);
	const probe = reader.latest(startOf(assumed)) ?? (await reader.read(startOf(assumed)));
	const order = await orderOf(reader, probe, assumed, sealed !== undefined);
	if (order === 'one second') {
		const poll = await pollOneSecond(reader, cursor, probe, limits);
		return { poll: { ...poll, unreadable: reader.unreadable }, grewBeneath: sealed && grewBeneath(sealed, reader) };
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
	const upToDate = atNewestEnd(top, order);
	// A contact dated well after this poll (a wrong date) comes out, but the cursor does not move to its date.
	const horizon = Date.now() + AHEAD_MS;
	const present = fresh.filter((entry) => entry.key.time <= horizon);
	const moved = withAhead(cursor, nextCursor(cursor, chain, present, order), fresh.filter((entry) => entry.key.time > horizon));
	// Counted whenever the chain shows where the cursor's second ends; the walk of the sealed view leaves it to the walk with the cursor's own ids.
	const below = !sealed ? await lateContacts(reader, chain, fresh, order, cursor, moved, limits) : { found: [], late: cursor.late };
	const next: ListCursor = { ...moved };
	delete next.late;
	if (below.late) next.late = below.late;
	const readBelow = upToDate && readsBelow(chain[0], next, order);
	const contacts = [...below.found, ...fresh].sort((a, b) => compareKeys(a.key, b.key)).map((entry) => entry.contact);
	return {
		poll: { contacts, cursor: sealIfLarge(next, chain, readBelow, reader.size, limits.now), calls: reader.calls, upToDate, unreadable: reader.unreadable },
		grewBeneath: sealed && grewBeneath(sealed, reader, boundary, order),
	};
}

/**
 * After a walk up to the newest contact: the contacts added below the cursor's second since
 * the last count (late-dated.ts), searched when the count grew, and the count now.
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
	const prior = before.late;
	const now = prior && countUpTo(chain, prior.second, order);
	// Contacts of the counted second itself that this walk emitted (as ties) were not in the count either.
	const ofThatSecond = prior ? fresh.filter((entry) => entry.key.time === prior.second).length : 0;
	const missing = prior ? (prior.search?.missing ?? 0) + Math.max(0, now === undefined ? 0 : now - prior.below - ofThatSecond) : 0;
	// A boundary that does not show where those contacts end keeps the last count (of its own second).
	if (!prior || missing <= 0) return { found: [], late: recount(chain, after.last?.time, order, reader, prior) ?? prior };
	const { found, search } = await searchBelow(reader, chain[0], order, prior, missing, limits);
	if (search) return { found, late: { ...prior, below: now ?? prior.below, search } };
	return { found, late: recount(chain, after.last?.time, order, reader, prior) ?? { second: prior.second, below: now ?? prior.below, high: prior.high } };
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
			bridges.set(second, { ...bridge, entries: bridge.entries.filter((entry) => entry.key.time === second) });
		} else if (grown) {
			const read = await readAcross(reader, grown);
			if (!read) break;
			across.set(grown.older.page, read);
		}
		({ chain, tie, grown } = chainFrom(boundary, order, reader, bridges, across));
	}
	return chain;
}
