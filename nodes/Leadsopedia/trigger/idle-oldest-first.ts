import type { ListCursor } from './cursor';
import { isNew } from './cursor';
import { oldEdge } from './next-cursor';
import { PageReader, type ContactSource } from './pages';
import type { ListPoll } from './list-poll';

/**
 * Oldest first, when the cursor was last seen first on its page (a list of 1,001 or 2,001
 * contacts), that page alone cannot tell the order nor show that nothing came after the
 * cursor: a second page would be read. One page of 999 (or 998) contacts instead holds the
 * cursor and the contact before it. When that page shows the order, reaches the end of the
 * list, holds a contact of an earlier second than the cursor's and nothing new, the poll is
 * done in 1 call; otherwise the poll reads as usual, the call spent.
 */
export async function idleOldestFirst(
	source: ContactSource,
	cursor: ListCursor,
	pageSize: number,
): Promise<{ idle?: ListPoll; calls: number; unreadable?: ListPoll['unreadable']; seen?: Pick<ListCursor, 'at' | 'total'> }> {
	const { last, at } = cursor;
	if (cursor.order !== 'asc' || last === null || at <= 0 || at % pageSize !== 0) return { calls: 0 };
	const size = at % (pageSize - 1) !== 0 ? pageSize - 1 : pageSize - 2;
	const reader = new PageReader(source, size);
	const page = await reader.read(Math.floor((at - 1) / size) + 1);
	const endsList = (page.page - 1) * reader.size + page.entries.length === page.total;
	const earlier = page.entries.some((entry) => entry.key.time < last.time);
	// A list grown with nothing new at its end grew below the cursor (a late import): the walk counts it.
	const grewBelow = page.total > cursor.total;
	// The call is spent, and what it read that cannot be placed is reported with the walk's; where the page showed the
	// cursor's edge is the walk's hint (a deletion below may have moved it to the page before).
	if (reader.size !== size || page.order !== 'asc' || !endsList || !earlier || grewBelow || page.entries.some((entry) => isNew(entry.key, cursor))) {
		const edge = oldEdge([page], cursor, 'asc');
		return { calls: 1, unreadable: reader.unreadable, ...(edge && page.order === 'asc' ? { seen: { at: edge.position, total: page.total } } : {}) };
	}
	return { idle: { contacts: [], cursor: { ...cursor, total: page.total }, calls: 1, upToDate: true, unreadable: reader.unreadable }, calls: 1 };
}
