import { isWholeSecond, WHOLE_SECOND, type ListCursor } from './cursor';
import type { Order } from './keys';
import type { ListPoll } from './list-poll';
import { newest, oldest, type PageReader, type Window } from './pages';

/**
 * A second that spans many pages (a bulk import) costs its pages on every poll while it is
 * the cursor's: any of its contacts not emitted yet is new, wherever it sits. Once read whole,
 * it is sealed with the list's total: later polls take its contacts as old, and read it whole
 * again only when the total grew by more than the contacts newer than it (a contact added late
 * to it, or dated before it). As many deletions as such late additions between two polls hide
 * them from the total: README states it. The randomized test's seconds are smaller than
 * SEAL_CONTACTS; one-second-block.test.ts covers sealed seconds.
 */

/**
 * Contacts of one second from which it is sealed once read whole: more than two of the API's
 * largest pages, so that re-reading it would cost every idle poll 2 calls or more. Smaller
 * seconds are read again while they are the cursor's, which sees every late addition.
 */
export const SEAL_CONTACTS = 2000;

export const isSealed = (cursor: ListCursor): cursor is ListCursor & { sealed: number } => cursor.sealed !== undefined && cursor.last !== null;

/** The cursor a walk of a sealed list uses: every contact of its second old. */
export const sealedView = (cursor: ListCursor): ListCursor => ({ ...cursor, tied: { floor: WHOLE_SECOND, ranges: [] } });

/**
 * A sealed list whose order is known, idle: the page at its newest end holds only the sealed
 * second and the total did not grow. One call.
 */
export async function idleWhenSealed(reader: PageReader, cursor: ListCursor & { sealed: number }): Promise<Omit<ListPoll, 'unreadable'> | undefined> {
	if (cursor.order === undefined || cursor.last === null) return undefined;
	const second = cursor.last.time;
	const page = cursor.order === 'desc' ? 1 : reader.pageOf(cursor.at);
	const window = await reader.read(page);
	const atNewestEnd = cursor.order === 'desc' ? window.page === 1 : window.page >= window.pagesCount;
	const onlySealed = window.entries.length > 0 && oldest(window)?.key.time === second && newest(window)?.key.time === second;
	if (!atNewestEnd || !onlySealed || window.total > cursor.sealed) return undefined;
	return { contacts: [], cursor: { ...cursor, total: window.total, sealed: window.total }, calls: reader.calls, upToDate: true };
}

/**
 * Whether the list grew by more than the contacts above the sealed second on the boundary page
 * (`boundary`), at any page this poll read (a growth undone by a deletion during the poll shows).
 */
export function grewBeneath(cursor: ListCursor & { sealed: number }, reader: PageReader, boundary: Window, order: Order): boolean {
	const second = cursor.last?.time ?? -Infinity;
	const most = Math.max(...reader.windows.map((window) => window.total));
	const below = boundary.entries.filter((entry) => entry.key.time <= second).map((entry) => entry.position);
	if (below.length === 0) return most > cursor.sealed;
	const newer = order === 'desc' ? Math.min(...below) : boundary.total - 1 - Math.max(...below);
	return most - newer > cursor.sealed;
}

/** The cursor after a walk of the sealed view: its own tied ids back while it stands in the sealed second. */
export function afterSealedWalk(cursor: ListCursor & { sealed: number }, next: ListCursor): ListCursor {
	if (next.last?.time !== cursor.last?.time) return next;
	return { ...next, tied: cursor.tied, sealed: Math.min(cursor.sealed, next.total) };
}

/**
 * The cursor after a walk that read the cursor's second whole (`chain` from below it to the
 * list's newest end): sealed when that second spans SEAL_PAGES pages or more, with the total of
 * the earliest page read (contacts added during the walk then show as growth).
 */
export function sealIfLarge(next: ListCursor, chain: readonly Window[], readBelow: boolean): ListCursor {
	const unsealed: ListCursor = { ...next };
	delete unsealed.sealed;
	const second = next.last?.time;
	if (second === undefined || !readBelow || isWholeSecond(next)) return isWholeSecond(next) ? next : unsealed;
	const ids = new Set(chain.flatMap((window) => window.entries.filter((entry) => entry.key.time === second).map((entry) => entry.key.id)));
	if (ids.size < SEAL_CONTACTS) return unsealed;
	return { ...next, sealed: Math.min(...chain.map((window) => window.total)) };
}
