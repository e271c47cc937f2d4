import type { IDataObject } from 'n8n-workflow';
import { WHOLE_SECOND, type ListCursor } from './cursor';
import { compareKeys } from './keys';
import { firstCount } from './late-dated';
import type { PollLimits } from './list-poll';
import { oldEdge } from './next-cursor';
import { orderOf } from './order';
import { entriesOf, holdsSecond, newest, PageReader, shuffledOn, type ContactSource, type Entry, type Window } from './pages';
import { sealIfLarge } from './sealed-second';
import { beginsAtOldestEnd, sweptWhole } from './sweep';

/**
 * The newest contact of a list and a cursor standing on it (activation, "Fetch Test Event"),
 * within `limits.maxCalls`. Contacts of the newest second may go on over the next pages, in any
 * order of ids: they are read until that second ends; when it ends beyond the budget (a bulk
 * import of many pages), or its pages show it in a new order on each (MySQL's ties), the cursor
 * takes that whole second as old (`WHOLE_SECOND`).
 */
export async function newestContact(source: ContactSource, limits: PollLimits): Promise<{ contact?: IDataObject; cursor: ListCursor }> {
	const reader = new PageReader(source, limits.pageSize);
	const first = await reader.read(1);
	const found = await orderOf(reader, first, 'desc');
	// One second throughout: every page is of the newest second, read downwards, the order still unknown.
	const order = found === 'one second' || found === 'unknown' ? 'desc' : found;
	const step = order === 'asc' ? -1 : 1;
	let window = order === 'asc' && first.pagesCount > 1 ? (reader.latest(first.pagesCount) ?? (await reader.read(first.pagesCount))) : first;
	let top = newest(window);
	const secondGoesOn = () => !!top && window.entries.every((entry) => entry.key.time === top?.key.time) && window.page + step >= 1 && window.page + step <= window.pagesCount;
	while (secondGoesOn() && reader.calls < limits.maxCalls) {
		window = await reader.read(window.page + step);
		const below = newest(window);
		if (below && compareKeys(below.key, top!.key) > 0) top = below;
	}
	const known = found === 'asc' || found === 'desc' ? { order } : {};
	if (!top) return { cursor: { last: null, at: -1, total: first.total, ...known } };
	// Read whole within the budget, and every contact of that second seen (its newest may be on none of the pages when
	// the API lists it in a new order on each).
	if (!secondGoesOn() && (await readUntilAccounted(reader, top.key.time, limits))) {
		top = newestOf(reader.windows, top.key.time) ?? top;
		// Counted from here on: an import dated before this contact and committed later comes out (late-dated.ts).
		const late = firstCount(reader.windows, top.key.time, order, reader);
		// Where the next walk starts: the edge of the newest second nearest the newest end, wherever the newest contact sits in it.
		const at = oldEdge(reader.windows, { last: top.key }, order)?.position ?? top.position;
		// Where that second begins, counted from the oldest end: with the order known, as the pages show it; a list of one
		// second throughout begins it at its oldest end in either order (as a read of it as a set records, one-second.ts),
		// unless contacts without a date sit there. The first walk reads it from there (boundary.ts, hintIn).
		const placed = known.order !== undefined || (found === 'one second' && beginsAtOldestEnd(reader.windows));
		const swept = placed && sweptWhole(reader.windows, top.key.time, order, reader.size);
		const cursor: ListCursor = { last: top.key, at, total: window.total, ...known, ...(late ? { late } : {}), ...(swept ? { swept } : {}) };
		// Read whole, a large newest second is sealed as after a walk (sealed-second.ts).
		return { contact: top.contact, cursor: sealIfLarge(cursor, reader.windows, true, reader.size, limits.now) };
	}
	// The newest second's edge at the newest end of the list: new contacts come beyond it. Every contact there now counts
	// as old, and additions to that very second are not seen (README, Known limits).
	const edge = order === 'asc' ? window.total - 1 : 0;
	return { contact: top.contact, cursor: { last: top.key, at: edge, total: window.total, ...known, tied: { floor: WHOLE_SECOND, ranges: [] }, sealed: window.total } };
}

/** Rounds of reading a second's pages again at most (each sees about two thirds of what is still unseen). */
const MAX_ROUNDS = 20;

/**
 * Whether every contact of `second` was seen on the pages read: when the API listed that second
 * in a new order on each page (`shuffledOn`: more places than distinct contacts), its pages are
 * read again, within the budget, until they are. Activation must know the newest contact of the
 * newest second: one it did not see would come out as new.
 */
async function readUntilAccounted(reader: PageReader, second: number, limits: PollLimits): Promise<boolean> {
	const pages = [...new Set(reader.windows.filter((window) => holdsSecond(window, second)).map((window) => window.page))];
	for (let round = 0; shuffledOn(reader.windows, second); round++) {
		if (round >= MAX_ROUNDS || reader.calls + pages.length > limits.maxCalls) return false;
		for (const page of pages) await reader.read(page);
	}
	return true;
}

/** The newest contact of `second` on `windows`. */
function newestOf(windows: readonly Window[], second: number): Entry | undefined {
	return entriesOf(windows, second).reduce<Entry | undefined>((newest, entry) => (!newest || compareKeys(entry.key, newest.key) > 0 ? entry : newest), undefined);
}
