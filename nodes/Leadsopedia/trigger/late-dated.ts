import { hasId, isIdSet, withIds, type IdSet } from './ids';
import type { Order } from './keys';
import type { PollLimits } from './list-poll';
import type { Entry, PageReader, Window } from './pages';

/**
 * Contacts added dated before the cursor's second (an import committed late, dated when it
 * started) sort below where a walk stops. The trigger counts the contacts below that second
 * after each walk; when the count grew, the pages below are searched, from the cursor down to
 * the oldest contact, for contacts with an id above any seen when it was counted (a contact
 * added since has a larger id than every contact then). As many deletions below as such
 * additions between two polls hide them from the count (README, Known limits).
 */
export interface BelowCount {
	/** The cursor's second (epoch ms) when counted. */
	second: number;
	/** Contacts dated before it, then. */
	below: number;
	/** The largest id seen then. */
	high: number;
	/** A search still going on: how many contacts it still looks for, and where it goes on, counted from the oldest contact. */
	search?: { missing: number; fromOldest: number; found?: IdSet };
}

export function isBelowCount(value: unknown): value is BelowCount {
	const count = value as BelowCount;
	if (!count || typeof count !== 'object' || ![count.second, count.below, count.high].every(Number.isFinite)) return false;
	const { search } = count;
	return search === undefined || (Number.isInteger(search.missing) && Number.isInteger(search.fromOldest) && (search.found === undefined || isIdSet(search.found)));
}

/**
 * The contacts dated before `second` in the list, from the pages of a joined chain (boundary
 * first) that show where they end: beside a contact of that second or later, or at the oldest
 * end. Undefined when the pages show neither.
 */
export function countBelow(chain: readonly Window[], second: number, order: Order, size: number): number | undefined {
	const boundary = chain[0];
	const entries = chain.flatMap((window) => window.entries.map((entry) => ({ entry, total: window.total })));
	const older = entries.filter(({ entry }) => entry.key.time < second);
	const reachesSecond = older.length < entries.length;
	if (older.length > 0 && reachesSecond) {
		// The older contact nearest the cursor's second, in the API's order, and the total of its page.
		const edge = older.reduce((best, item) => ((order === 'desc' ? item.entry.position < best.entry.position : item.entry.position > best.entry.position) ? item : best));
		return order === 'desc' ? edge.total - edge.entry.position : edge.entry.position + 1;
	}
	const atOldestEnd = order === 'desc' ? boundary.page >= boundary.pagesCount : boundary.page <= 1;
	if (older.length > 0 || !atOldestEnd) return undefined;
	// None older: only contacts without a date lie beyond the boundary's (sorted past the oldest).
	const positions = boundary.entries.map((entry) => entry.position);
	if (positions.length === 0) return order === 'desc' ? Math.max(0, boundary.total - (boundary.page - 1) * size) : 0;
	return order === 'desc' ? boundary.total - (Math.max(...positions) + 1) : Math.min(...positions);
}

/** The count after a poll that found nothing missing: at the cursor's second now, with every id read. */
export function recount(chain: readonly Window[], second: number | undefined, order: Order, reader: PageReader, before: BelowCount | undefined): BelowCount | undefined {
	if (second === undefined) return undefined;
	const below = countBelow(chain, second, order, reader.size);
	if (below === undefined) return undefined;
	// A loop, not a spread: a poll may read 100,000s of ids.
	let high = before?.high ?? -Infinity;
	for (const window of reader.windows) for (const entry of window.entries) high = Math.max(high, entry.key.id);
	return { second, below, high };
}

/**
 * The contacts added below `count.second` since it was counted, searched from the boundary (or
 * where the last search stopped) towards the oldest contact within the budget: the ones found,
 * and the search left to the next poll, if any.
 */
export async function searchBelow(reader: PageReader, boundary: Window, order: Order, count: BelowCount, missing: number, limits: PollLimits): Promise<{ found: Entry[]; search?: BelowCount['search'] }> {
	const step = order === 'desc' ? 1 : -1;
	const pageFromOldest = (fromOldest: number) => reader.pageOf(order === 'desc' ? boundary.total - 1 - fromOldest : fromOldest);
	let page = count.search ? pageFromOldest(count.search.fromOldest) : boundary.page;
	let foundIds = count.search?.found;
	const found: Entry[] = [];
	const take = (window: Window) => {
		for (const entry of window.entries) {
			if (entry.key.time < count.second && entry.key.id > count.high && !hasId(foundIds, entry.key.id)) {
				found.push(entry);
				foundIds = withIds(foundIds, [entry.key.id]);
			}
		}
	};
	// The pages this poll read already (the chain above the boundary may hold some too), then those below.
	for (const window of reader.windows) take(window);
	const lastPage = Math.max(1, boundary.pagesCount);
	while (found.length < missing && page >= 1 && page <= lastPage && (found.length === 0 || reader.calls < limits.maxCalls)) {
		if (!reader.latest(page)) take(await reader.read(page));
		page += step;
		if (reader.calls >= limits.maxCalls) break;
	}
	const done = found.length >= missing || page < 1 || page > lastPage;
	if (done) return { found };
	const nextPosition = order === 'desc' ? (page - 1) * reader.size : page * reader.size - 1;
	const fromOldest = order === 'desc' ? boundary.total - 1 - nextPosition : nextPosition;
	return { found, search: { missing: missing - found.length, fromOldest, ...(foundIds ? { found: foundIds } : {}) } };
}
