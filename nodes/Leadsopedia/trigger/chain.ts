import { compareKeys, type ContactKey, type Order } from './keys';
import { newest, oldest, type Entry, type PageReader, type Window } from './pages';

/**
 * Pages read at different moments can miss a contact between them when the list shifted in
 * the meantime. These rules accept the seam between two neighbouring pages only when nothing
 * can have slipped through it (a contact deleted before it was read is not "missed").
 */

/** Whether `newer` (the page of more recent contacts) and `older` join without a gap. */
function joins(newer: Window, older: Window, order: Order): boolean {
	const newerOldest = oldest(newer);
	const olderNewest = newest(older);
	if (!newerOldest || !olderNewest) return false;
	// Overlapping runs cover every contact between them that still exists.
	if (compareKeys(newerOldest.key, olderNewest.key) <= 0) return true;
	if (order === 'asc') {
		// Read from the end backwards, a deletion only makes pages overlap and an addition
		// lands above both; read the other way, a deletion can pull an unread contact behind
		// the page already read, and an addition can hide it from the total.
		return older.seq > newer.seq;
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
		if (!newer || !joins(newer, older, order)) return chain;
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
