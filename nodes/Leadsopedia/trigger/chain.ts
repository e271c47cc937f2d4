import { isNew, type ListCursor } from './cursor';
import { compareKeys, type Order } from './keys';
import { atNewestEnd, newest, oldest, type Entry, type PageReader, type Window } from './pages';
import type { GrownSeam } from './grown-seam';
import { bridgeFor, tieAt, type TieSeam } from './tie-bridge';

/**
 * Pages read at different moments can miss a contact between them when the list shifted in
 * the meantime. These rules accept the seam between two neighbouring pages only when nothing
 * can have slipped through it (a contact deleted before it was read is not "missed").
 */

/**
 * Whether two pages overlap: they share a contact, or the older one reaches a later second
 * than the newer one starts at. (Equal seconds prove nothing: ids within a second come in any order.)
 */
function overlap(newer: Window, older: Window): boolean {
	const newerOldest = oldest(newer);
	const olderNewest = newest(older);
	if (!newerOldest || !olderNewest) return false;
	if (newerOldest.key.time < olderNewest.key.time) return true;
	const ids = new Set(newer.entries.map((entry) => entry.key.id));
	return older.entries.some((entry) => ids.has(entry.key.id));
}

/** Oldest first, whether two pages read from the end backwards miss joining only because the list grew in between (grown-seam.ts). */
const grownUnder = (newer: Window, older: Window, order: Order): boolean => order === 'asc' && older.seq > newer.seq && older.total > newer.total;

/** Whether `newer` (the page of more recent contacts) and `older` join without a gap. */
function joins(newer: Window, older: Window, order: Order): boolean {
	// Overlapping runs cover every contact between them that still exists.
	if (overlap(newer, older)) return true;
	// The rules below hold by the order of the reads alone, so also for a page of contacts without a
	// usable date (MySQL sorts NULL at the oldest end): a readable contact slipping into it would show.
	if (order === 'asc') {
		// Read from the end backwards, a deletion only makes pages overlap and an addition at the
		// newest end lands above both (when the list grew in between: grown-seam.ts); read the other
		// way, a deletion can pull an unread contact behind the page already read, and an addition
		// can hide it from the total.
		return older.seq > newer.seq && older.total <= newer.total;
	}
	// Newest first and read downwards, additions push contacts down (overlap) and deletions
	// pull them up; a total that did not fall means nothing was pulled past the seam.
	return older.seq > newer.seq && older.total >= newer.total;
}

/** Whether a page is the newest end of the list and holds only contacts of `second`. */
function endsList(window: Window, second: number, order: Order): boolean {
	return newest(window)?.key.time === second && atNewestEnd(window, order);
}

/**
 * The pages from the boundary towards the newest that join one another, as read last. A break
 * inside a second joins only through a page that holds that second whole (`bridges`, by
 * second), or as the list's newest page holding only that second (the chain ends there): else
 * the chain stops below it and names it (`tie`) until one is read. A second larger
 * than any page cannot be read whole: its pages join by the rules above, which assume that
 * the API orders contacts of one second the same way on every request.
 */
export function chainFrom(
	boundary: Window,
	order: Order,
	reader: PageReader,
	bridges: ReadonlyMap<number, Window>,
	across: ReadonlyMap<number, Window>,
): { chain: Window[]; tie?: TieSeam; grown?: GrownSeam } {
	const step = order === 'asc' ? 1 : -1;
	const chain = [boundary];
	for (;;) {
		const older = chain[chain.length - 1];
		const newer = reader.latest(older.page + step);
		if (!newer) return { chain };
		const second = tieAt(newer, older, order);
		const bridge = second === undefined ? undefined : bridges.get(second);
		const read = across.get(older.page);
		if (bridge) chain.push(bridge);
		else if (read && overlap(read, older) && overlap(newer, read)) chain.push(read);
		else if (second !== undefined && endsList(newer, second, order)) {
			// Nothing newer than that second to emit: the cursor stays in it, and its contacts not seen stay new.
			chain.push(newer);
			return { chain };
		} else if (second !== undefined && bridgeFor({ older, newer, second }, reader)) return { chain, tie: { older, newer, second } };
		else if (!joins(newer, older, order)) return grownUnder(newer, older, order) && !read ? { chain, grown: { older, newer } } : { chain };
		chain.push(newer);
	}
}

/**
 * The contacts of the chain the cursor has not emitted, each once, oldest first. (Contacts of
 * the newest second may be missing from the chain: one added in the second of others lands
 * among them, in any order of ids. The cursor remembers which of that second came out.)
 */
export function freshEntries(chain: readonly Window[], cursor: ListCursor): Entry[] {
	const byId = new Map<number, Entry>();
	for (const window of chain) {
		for (const entry of window.entries) {
			if (isNew(entry.key, cursor)) byId.set(entry.key.id, entry);
		}
	}
	return [...byId.values()].sort((a, b) => compareKeys(a.key, b.key));
}
