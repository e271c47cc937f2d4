import type { Order } from './keys';
import { entriesOf, idlessAtEnd, newest, oldest, type PageReader, type Window } from './pages';

/**
 * The API may order contacts of one second differently on every request (MySQL's ORDER BY
 * date_added with ties): two neighbouring pages whose break falls inside a second each show
 * a part of it drawn anew, and may miss some of it together even when they share a contact.
 * One page holding that second with a contact of another second (or an end of the list) on
 * each side of it holds all of it: dates are ordered across seconds.
 */

/** Two neighbouring pages, both holding contacts of `second` at the break between them. */
export interface TieSeam {
	older: Window;
	newer: Window;
	second: number;
}

/**
 * The second a break between two pages falls inside, if it does; a contact without a usable id
 * at the break may be of the second on the other side of it (its date is all that places it).
 */
export function tieAt(newer: Window, older: Window, order: Order): number | undefined {
	const above = oldest(newer)?.key.time;
	const below = newest(older)?.key.time;
	if (above !== undefined && above === below) return above;
	if (above !== undefined && idlessAtEnd(older, 'newest', order) !== undefined) return above;
	return below !== undefined && idlessAtEnd(newer, 'oldest', order) !== undefined ? below : undefined;
}

/**
 * How many contacts of `second` a page holds in a run from `position` on, one way: a contact
 * without a usable id among them counts as of it (its place in the run is all that is known of it).
 */
function runFrom(window: Window, second: number, position: number, step: 1 | -1): number {
	const run = new Set([...window.idless, ...entriesOf([window], second).map((entry) => entry.position)]);
	let length = 0;
	while (run.has(position + step * length)) length++;
	return length;
}

/**
 * The page (of another size) that holds the contacts of the seam's second seen on both pages
 * and a contact on each side of them, as the pages placed them; undefined when no page of up
 * to the reader's size does (the second spans more than a page).
 */
export function bridgeFor(seam: TieSeam, reader: PageReader): { page: number; limit: number } | undefined {
	const [lower, upper] = seam.older.page < seam.newer.page ? [seam.older, seam.newer] : [seam.newer, seam.older];
	const edge = lower.page * reader.size;
	const from = Math.max(0, edge - runFrom(lower, seam.second, edge - 1, -1) - 1);
	const to = edge + runFrom(upper, seam.second, edge, 1);
	return pageHolding(from, to, reader.size);
}

/** A page of up to `size` contacts that holds the positions `from` to `to`, if one does. */
export function pageHolding(from: number, to: number, size: number): { page: number; limit: number } | undefined {
	for (let limit = to - from + 1; limit <= size; limit++) {
		if (Math.floor(from / limit) === Math.floor(to / limit)) return { page: Math.floor(from / limit) + 1, limit };
	}
	return undefined;
}

/** Reads the seam's second whole, or undefined when the list moved so that the page read does not hold all of it. */
export async function readBridge(reader: PageReader, seam: TieSeam, order: Order): Promise<Window | undefined> {
	const where = bridgeFor(seam, reader);
	if (!where) return undefined;
	const window = await reader.readAt(where.page, where.limit);
	const start = (where.page - 1) * where.limit;
	const atStart = start === 0;
	const atEnd = start + window.count === window.total;
	const before = window.entries.some((entry) => entry.key.time < seam.second) || (order === 'asc' ? atStart : atEnd);
	const after = window.entries.some((entry) => entry.key.time > seam.second) || (order === 'asc' ? atEnd : atStart);
	return before && after ? window : undefined;
}
