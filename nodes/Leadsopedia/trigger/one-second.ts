import { freshEntries } from './chain';
import { isWholeSecond, type ListCursor } from './cursor';
import { maxKey, tiedAfter } from './next-cursor';
import { oldest, type PageReader, type Window } from './pages';
import type { ListPoll, PollLimits } from './list-poll';
import { sealIfLarge } from './sealed-second';
import { beginsAtOldestEnd } from './sweep';
import { carried, countBefore, highestRead } from './late-dated';

/**
 * A list of one second throughout (a bulk import) has no order to walk, but needs none: each
 * of its contacts the cursor has not emitted is new, wherever it is. Pages are read round the
 * list from where the last such poll stopped, within the budget. Only contacts of that second
 * come out: a later one would move the cursor past those not read yet.
 */
export async function pollOneSecond(reader: PageReader, cursor: ListCursor, probe: Window, limits: PollLimits): Promise<Omit<ListPoll, 'unreadable'>> {
	const second = oldest(probe)?.key.time;
	// Every contact of the cursor's second is old: nothing to read round.
	if (isWholeSecond(cursor) && second === cursor.last?.time) return { contacts: [], cursor: { ...cursor, total: probe.total }, calls: reader.calls, upToDate: true };
	const count = probe.pagesCount;
	let page = Math.min(reader.pageOf(cursor.at + 1), count);
	// Pages read already are free; at least one more is read, so that the round moves on.
	for (let visited = 0, read = 0; visited < count; visited++, page = (page % count) + 1) {
		if (reader.latest(page)) continue;
		if (read > 0 && reader.windows.length >= limits.maxCalls) break;
		await reader.read(page);
		read++;
	}
	const fresh = freshEntries(reader.windows, cursor).filter((entry) => entry.key.time === second);
	const newestFresh = fresh[fresh.length - 1];
	const at = (page - 1) * reader.size - 1;
	// The contacts that came out join the count (late-dated.ts), so that no later search takes one for late.
	const late = carried(countBefore(cursor), fresh, second);
	const next: ListCursor = newestFresh
		? { last: maxKey(cursor, newestFresh.key), at, total: probe.total, order: cursor.order, tied: tiedAfter(cursor, fresh), ...(late ? { late } : {}) }
		: { ...cursor, at, total: probe.total };
	const upToDate = new Set(reader.windows.map((window) => window.page)).size >= count;
	return { contacts: fresh.map((entry) => entry.contact), cursor: afterRound(next, reader, second, limits.now), calls: reader.calls, upToDate };
}

/**
 * The cursor after the round, standing in the list's one second: that second begins at the oldest end (sweep.ts,
 * beginsAtOldestEnd: the list's ends were read for the order this poll). Read whole in this poll, every
 * contact is old: sealed when large (sealed-second.ts), the contacts up to it counted exactly (late-dated.ts: a walk of
 * it spread over polls would count only a part).
 */
function afterRound(next: ListCursor, reader: PageReader, second: number | undefined, now: number | undefined): ListCursor {
	if (second === undefined || next.last?.time !== second || !beginsAtOldestEnd(reader.windows)) return next;
	const standing: ListCursor = { ...next, swept: { base: 0 } };
	if (!readWhole(reader, second)) return standing;
	const late = { second, below: reader.windows[0].total, high: highestRead(reader, []) };
	return sealIfLarge({ ...standing, late }, reader.windows, true, reader.size, now);
}

/**
 * Whether this poll's pages hold every contact of the list, all of `second`: as many distinct ids
 * as the total every page showed (ties drawn anew on each request may show some twice, others never).
 */
function readWhole(reader: PageReader, second: number): boolean {
	const { total } = reader.windows[0];
	const ids = new Set(reader.windows.flatMap((window) => window.entries.filter((entry) => entry.key.time === second).map((entry) => entry.key.id)));
	return reader.windows.every((window) => window.total === total) && ids.size === total;
}
