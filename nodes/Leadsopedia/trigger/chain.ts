import { compareKeys, type ContactKey, type Order } from './keys';
import { newest, oldest, type Entry, type PageReader, type Window } from './pages';

/**
 * Pages read at different moments can miss a contact between them when the list shifted in
 * the meantime. These rules accept the seam between two neighbouring pages only when nothing
 * can have slipped through it (a contact deleted before it was read is not "missed").
 */

/** Whether any two neighbouring pages read in this poll overlap: in oldest-first order, proof of a deletion. */
function anyOverlap(windows: readonly Window[]): boolean {
	return windows.some((lower) =>
		windows.some((upper) => {
			const top = newest(lower);
			const bottom = oldest(upper);
			return upper.page === lower.page + 1 && !!top && !!bottom && compareKeys(bottom.key, top.key) <= 0;
		}),
	);
}

/** No deletion showed between reads `from` and `to`: the total never fell and no pages overlapped. */
function quietBetween(windows: readonly Window[], from: number, to: number): boolean {
	const span = windows.filter((window) => window.seq >= from && window.seq <= to).sort((a, b) => a.seq - b.seq);
	return span.every((window, index) => index === 0 || window.total >= span[index - 1].total) && !anyOverlap(windows);
}

/** Whether `newer` (the page of more recent contacts) and `older` join without a gap. */
function joins(newer: Window, older: Window, order: Order, windows: readonly Window[]): boolean {
	const newerOldest = oldest(newer);
	const olderNewest = newest(older);
	if (!newerOldest || !olderNewest) return false;
	// Overlapping runs cover every contact between them that still exists.
	if (compareKeys(newerOldest.key, olderNewest.key) <= 0) return true;
	if (order === 'asc') {
		// Read from the end backwards, a deletion only makes pages overlap; read the other
		// way, it can pull an unread contact behind the page already read.
		return older.seq > newer.seq || quietBetween(windows, older.seq, newer.seq);
	}
	// Newest first and read downwards, additions push contacts down (overlap) and deletions
	// pull them up; a total that did not fall means nothing was pulled past the seam.
	return older.seq > newer.seq && older.total >= newer.total;
}

/** The pages from the boundary towards the newest that join one another, as read last. */
export function chainFrom(boundary: Window, order: Order, reader: PageReader): Window[] {
	const step = order === 'asc' ? 1 : -1;
	const chain = [boundary];
	for (;;) {
		const older = chain[chain.length - 1];
		const newer = reader.latest(older.page + step);
		if (!newer || !joins(newer, older, order, reader.windows)) return chain;
		chain.push(newer);
	}
}

/** The contacts of the chain newer than `last`, each once, oldest first. */
export function freshEntries(chain: readonly Window[], last: ContactKey | null): Entry[] {
	const byId = new Map<number, Entry>();
	for (const window of chain) {
		for (const entry of window.entries) {
			if (last === null || compareKeys(entry.key, last) > 0) byId.set(entry.key.id, entry);
		}
	}
	return [...byId.values()].sort((a, b) => compareKeys(a.key, b.key));
}
