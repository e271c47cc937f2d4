import { hasId, isIdSet, withIds, type IdSet } from './ids';
import type { Order } from './keys';
import type { PollLimits } from './list-poll';
import { atNewestEnd, type Entry, type PageReader, type Window } from './pages';

/**
 * Contacts added dated before the cursor's second (an import committed late, dated when it
 * started) sort below where a walk stops. The trigger counts the contacts up to the cursor's
 * second after each walk; when the count grew, the pages read and those below are searched,
 * from the cursor down to the oldest contact, for contacts dated before that second with an id
 * above any seen when it was counted (a contact added since has a larger id than every contact
 * then). As many deletions below as such
 * additions between two polls hide them from the count (README, Known limits).
 */
export interface BelowCount {
	/** The cursor's second (epoch ms) when counted. */
	second: number;
	/** Contacts dated at or before it, then. */
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
 * The contacts dated at or before `second` in the list, from the pages of a joined chain that
 * show where they end on the newer side: beside a newer contact, or at the list's newest end.
 * (Counting up to the cursor's own second anchors the count on the cursor's contact, which
 * every walk reads.) Undefined when the pages show neither.
 */
export function countUpTo(chain: readonly Window[], second: number, order: Order): number | undefined {
	const entries = chain.flatMap((window) => window.entries.map((entry) => ({ entry, window })));
	const atOrBelow = entries.filter(({ entry }) => entry.key.time <= second);
	if (atOrBelow.length === 0) return undefined;
	// The one nearest the newest end, in the API's order, and the page that showed it.
	const edge = atOrBelow.reduce((best, item) => ((order === 'desc' ? item.entry.position < best.entry.position : item.entry.position > best.entry.position) ? item : best));
	if (atOrBelow.length === entries.length && !atNewestEnd(edge.window, order)) return undefined;
	return order === 'desc' ? edge.window.total - edge.entry.position : edge.entry.position + 1;
}

/** The count after a poll that found nothing missing: at the cursor's second now, with every id read. */
export function recount(chain: readonly Window[], second: number | undefined, order: Order, reader: PageReader, before: BelowCount | undefined): BelowCount | undefined {
	if (second === undefined) return undefined;
	const below = countUpTo(chain, second, order);
	if (below === undefined) return undefined;
	// A loop, not a spread: a poll may read 100,000s of ids. The chain's pages of another size (tie-bridge.ts, grown-seam.ts) count too.
	let high = before?.high ?? -Infinity;
	for (const window of [...reader.windows, ...chain]) for (const entry of window.entries) high = Math.max(high, entry.key.id);
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
	const earlier = count.search?.found;
	// By id: a page read twice in a poll shows a contact twice.
	const found = new Map<number, Entry>();
	const take = (window: Window) => {
		for (const entry of window.entries) {
			const { id, time } = entry.key;
			if (time < count.second && id > count.high && !hasId(earlier, id) && !found.has(id)) found.set(id, entry);
		}
	};
	// The pages this poll read already (the chain above the boundary may hold some too), then those below.
	for (const window of reader.windows) take(window);
	const lastPage = Math.max(1, boundary.pagesCount);
	while (found.size < missing && page >= 1 && page <= lastPage && (found.size === 0 || reader.calls < limits.maxCalls)) {
		if (!reader.latest(page)) take(await reader.read(page));
		page += step;
		if (reader.calls >= limits.maxCalls) break;
	}
	const entries = [...found.values()];
	if (found.size >= missing || page < 1 || page > lastPage) return { found: entries };
	const nextPosition = order === 'desc' ? (page - 1) * reader.size : page * reader.size - 1;
	const fromOldest = order === 'desc' ? boundary.total - 1 - nextPosition : nextPosition;
	const ids = withIds(earlier, [...found.keys()]);
	return { found: entries, search: { missing: missing - found.size, fromOldest, ...(ids ? { found: ids } : {}) } };
}
