import type { BelowCount } from './below-count';
import type { ListCursor } from './cursor';
import { hasId, maxId, withIds } from './ids';
import type { Order } from './keys';
import type { PollLimits } from './list-poll';
import { atNewestEnd, nearerNewestEnd, type Entry, type PageReader, type Window } from './pages';

// Contacts dated before the cursor's second that arrived after it (a late import): below-count.ts says how they are found.

/**
 * The contacts dated at or before `second` in the list, from the pages of a joined chain:
 * `exact` when they show where those contacts end on the newer side (beside a newer contact,
 * or at the list's newest end); else, when the one nearest the newest end is of `second`
 * itself, at least the contacts up to it (fewer by the contacts of that second on a page not
 * read, new or old). Undefined otherwise. (Counting up to the cursor's own second anchors the
 * count on the cursor's contact, which every walk reads.)
 */
export function countUpTo(chain: readonly Window[], second: number, order: Order): { count: number; exact: boolean } | undefined {
	const entries = chain.flatMap((window) => window.entries.map((entry) => ({ entry, window })));
	const atOrBelow = entries.filter(({ entry }) => entry.key.time <= second);
	if (atOrBelow.length === 0) return undefined;
	// Of the latest second among them, the one nearest the newest end, in the API's order, and the page that showed it
	// (by second first: pages of the chain read at different moments number positions from different totals).
	const latest = atOrBelow.reduce((time, { entry }) => Math.max(time, entry.key.time), -Infinity);
	const edge = atOrBelow
		.filter(({ entry }) => entry.key.time === latest)
		.reduce((best, item) => (nearerNewestEnd(item.entry.position, best.entry.position, order) ? item : best));
	const exact = atOrBelow.length < entries.length || atNewestEnd(edge.window, order);
	if (!exact && latest !== second) return undefined;
	return { count: order === 'desc' ? edge.window.total - edge.entry.position : edge.entry.position + 1, exact };
}

/** The largest id among those of `count` and every page read: a contact added later has a larger one. */
export function highestRead(reader: PageReader, chain: readonly Window[], count?: BelowCount): number {
	// A loop, not a spread: a poll may read 100,000s of ids. The chain's pages of another size (tie-bridge.ts, grown-seam.ts) count too.
	let high = Math.max(count?.high ?? -Infinity, maxId(count?.found) ?? -Infinity);
	for (const window of [...reader.windows, ...chain]) for (const entry of window.entries) high = Math.max(high, entry.key.id);
	return high;
}

/**
 * The first count of a list (activation, a cursor without one): at least the contacts the pages
 * show up to `second`. Its `high` is at least `emitted`, the largest id the cursor knows came out
 * (a list of one second emits without a count): a search must not take one of them for late.
 */
export function firstCount(chain: readonly Window[], second: number | undefined, order: Order, reader: PageReader, emitted = -Infinity): BelowCount | undefined {
	const below = second === undefined ? undefined : countUpTo(chain, second, order);
	return below === undefined || second === undefined ? undefined : { second, below: below.count, high: Math.max(highestRead(reader, chain), emitted) };
}

/**
 * The count a walk starts from: the cursor's, or for a list recorded empty none came out yet
 * (every contact in it is new: none was there when counted).
 */
export function countBefore(cursor: Pick<ListCursor, 'last' | 'late'>): BelowCount | undefined {
	return cursor.late ?? (cursor.last === null ? { second: -Number.MAX_VALUE, below: 0, high: -Number.MAX_VALUE } : undefined);
}

/** The largest id a cursor knows came out: its newest contact's, and those of its second. */
export function highestEmitted(cursor: Pick<ListCursor, 'last' | 'tied'>): number {
	return Math.max(cursor.last?.id ?? -Infinity, maxId(cursor.tied) ?? -Infinity);
}

/**
 * The count carried past a walk that could not count (its pages do not show where the
 * cursor's second ends, or it took a sealed second as old): the contacts that came out join
 * it, at the cursor's second now, so that no later search takes them for late ones.
 */
export function carried(count: BelowCount | undefined, emitted: readonly Entry[], second: number | undefined): BelowCount | undefined {
	if (!count || emitted.length === 0) return count;
	const at = Math.max(count.second, second ?? -Infinity);
	const below = count.below + emitted.filter((entry) => entry.key.time <= at).length;
	return withFound({ ...count, second: at, below }, emitted.filter((entry) => entry.key.id > count.high));
}

/**
 * The contacts added below `count.second` since it was counted, searched from the boundary (or
 * `from`, where the last search stopped) towards the oldest contact within the budget: the ones found,
 * and the search left to the next poll, if any. It goes by positions counted from the oldest
 * end, which contacts added at the newest end do not move: newest first, they push the pages
 * down between two reads, and a search by page number would skip what they pushed past.
 */
export async function searchBelow(
	reader: PageReader,
	boundary: Window,
	order: Order,
	count: Pick<BelowCount, 'second' | 'high' | 'found'>,
	missing: number,
	limits: PollLimits,
	from?: number,
): Promise<{ found: Entry[]; search?: BelowCount['search'] }> {
	// The positions a page of this reader's size holds, counted from the oldest end, as its total then puts them.
	const span = (window: Window) => {
		const [first, last] = [(window.page - 1) * reader.size, window.page * reader.size - 1];
		return order === 'desc' ? { low: window.total - 1 - last, high: window.total - 1 - first } : { low: first, high: last };
	};
	const covers = (window: Window | undefined, position: number): boolean => !!window && span(window).low <= position && position <= span(window).high;
	// The next position to look at, counted from the oldest end.
	let next = from ?? span(boundary).low - 1;
	const earlier = count.found;
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
	let read = 0;
	while (found.size < missing && next >= 0 && (read === 0 || reader.calls < limits.maxCalls)) {
		const total = reader.windows[reader.windows.length - 1]?.total ?? boundary.total;
		const page = reader.pageOf(order === 'desc' ? total - 1 - next : next);
		const known = reader.latest(page);
		// A page read before the list last changed in this poll may not show what a late addition put there since.
		const window = known && known.total === total && covers(known, next) ? known : await reader.read(page);
		if (window !== known) {
			take(window);
			read++;
		}
		// A page that no longer holds that position (the list changed meanwhile) is read again where its total puts it.
		next = covers(window, next) ? span(window).low - 1 : Math.min(next, window.total - 1);
	}
	const entries = [...found.values()];
	if (found.size >= missing || next < 0) return { found: entries };
	return { found: entries, search: { missing: missing - found.size, fromOldest: next } };
}

/** The count with the ids of `entries` among those that came out above its `high`. */
export function withFound(count: BelowCount, entries: readonly Entry[]): BelowCount {
	const found = withIds(count.found, entries.map((entry) => entry.key.id));
	return found ? { ...count, found } : count;
}
