import type { ListCursor } from './cursor';
import { isNew } from './cursor';
import { oldEdge } from './next-cursor';
import { PageReader, type ContactSource } from './pages';
import type { ListPoll } from './list-poll';

/**
 * Oldest first, when the cursor was last seen first on its page (a list of 1,001 or 2,001
 * contacts), that page alone cannot tell the order nor show that nothing came after the
 * cursor: a second page would be read. One page of 999 (or 998, 997) contacts instead holds the
 * cursor and the two contacts before it. When that page shows the order, reaches the end of the
 * list, holds a contact of an earlier second than the cursor's and nothing new, the poll is
 * done in 1 call. Otherwise the walk goes on with that page and its size (`reader`): the page
 * often holds the boundary and the new contacts after it, and no page is read twice; where it
 * showed the cursor's edge is the walk's hint (a deletion below may have moved it to the page before).
 */
export async function idleOldestFirst(
	source: ContactSource,
	cursor: ListCursor,
	pageSize: number,
): Promise<{ idle: ListPoll } | { reader: PageReader; seen?: Pick<ListCursor, 'at' | 'total'> } | undefined> {
	const { last, at } = cursor;
	if (cursor.order !== 'asc' || last === null || at <= 0 || at % pageSize !== 0) return undefined;
	// The page also holds the second contact before the cursor: a deletion below while the walk reads on from it leaves
	// one contact before the cursor on it, and the walk need not read the page below as well.
	const size = [1, 2, 3].map((less) => pageSize - less).find((candidate) => at % candidate >= 2) ?? pageSize - 1;
	const reader = new PageReader(source, size);
	const page = await reader.read(Math.floor(at / size) + 1);
	const endsList = (page.page - 1) * reader.size + page.entries.length === page.total;
	const earlier = page.entries.some((entry) => entry.key.time < last.time);
	// A list grown with nothing new at its end grew below the cursor (a late import): the walk counts it.
	const grewBelow = page.total > cursor.total;
	if (reader.size !== size || page.order !== 'asc' || !endsList || !earlier || grewBelow || page.entries.some((entry) => isNew(entry.key, cursor))) {
		const edge = oldEdge([page], cursor, 'asc');
		return { reader, ...(edge && page.order === 'asc' ? { seen: { at: edge.position, total: page.total } } : {}) };
	}
	return { idle: { contacts: [], cursor: { ...cursor, total: page.total }, calls: 1, upToDate: true, unreadable: reader.unreadable } };
}
