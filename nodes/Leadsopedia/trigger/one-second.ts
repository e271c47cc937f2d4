import { freshEntries } from './chain';
import { isWholeSecond, type ListCursor } from './cursor';
import { maxKey, tiedAfter } from './next-cursor';
import { countable, idsOfSecond, oldest, type PageReader, type Window } from './pages';
import type { ListPoll, PollLimits } from './list-poll';
import { accountedFor, sealIfLarge, seenAfter } from './sealed-second';
import { beginsAtOldestEnd } from './sweep';
import { carried, countBefore, highestEmitted, highestRead } from './late-dated';

/**
 * A list of one second throughout (a bulk import) has no order to walk, but needs none: each
 * of its contacts the cursor has not emitted is new, wherever it is. Pages are read round the
 * list from where the last such poll stopped, within the budget. Only contacts of that second
 * come out: a later one would move the cursor past those not read yet. A round that comes round
 * over polls, the total unchanged since it began (`round`), read the list whole as one poll's
 * does: sealed then, else every poll would read the budget's pages round for good (24 calls a
 * poll for a new list filled by one 30,000-contact import).
 */
export async function pollOneSecond(reader: PageReader, cursor: ListCursor, probe: Window, limits: PollLimits): Promise<Omit<ListPoll, 'unreadable'>> {
	const second = oldest(probe)?.key.time;
	// Every contact of the cursor's second is old: nothing to read round.
	if (isWholeSecond(cursor) && second === cursor.last?.time) return { contacts: [], cursor: { ...cursor, total: probe.total }, calls: reader.calls, upToDate: true };
	const count = probe.pagesCount;
	const start = Math.min(reader.pageOf(cursor.at + 1), count);
	let page = start;
	let visited = 0;
	// Pages read already are free; at least one more is read, so that the round moves on.
	for (let read = 0; visited < count; visited++, page = (page % count) + 1) {
		if (reader.latest(page)) continue;
		if (read > 0 && reader.windows.length >= limits.maxCalls) break;
		await reader.read(page);
		read++;
	}
	// A round begun by an earlier poll goes on while the list keeps the total it began with. Come round, it read every page
	// (ties of a second over a page come in one order on every request, as sweep.ts assumes; within one poll, afterRound
	// counts the ids instead).
	const prior = cursor.round?.total === probe.total ? cursor.round : undefined;
	const covered = (prior ? (start - prior.from + count) % count : 0) + visited;
	const fresh = freshEntries(reader.windows, cursor).filter((entry) => entry.key.time === second);
	const newestFresh = fresh[fresh.length - 1];
	const at = (page - 1) * reader.size - 1;
	// The contacts that came out join the count (late-dated.ts), so that no later search takes one for late.
	const late = carried(countBefore(cursor), fresh, second);
	const next: ListCursor = newestFresh
		? { last: maxKey(cursor, newestFresh.key), at, total: probe.total, order: cursor.order, tied: tiedAfter(cursor, fresh), ...(late ? { late } : {}) }
		: { ...cursor, at, total: probe.total };
	delete next.round;
	if (covered < count) next.round = { from: prior?.from ?? start, total: probe.total };
	delete next.seen;
	const seen = seenAfter(cursor, next, reader.windows, count > 1);
	if (seen) next.seen = seen;
	// Every page read, yet fewer of its contacts accounted for than the list holds: the API lists them in another order on
	// each request (sealed-second.ts, tiesReshuffled), and the round goes on next poll. Not judged beside contacts that
	// have no usable date or id (the total counts them).
	const countsAll = countable(reader.windows) && reader.windows.every((window) => window.undated === 0);
	const short = countsAll && (accountedFor(next, reader.windows) ?? probe.total) < probe.total;
	const upToDate = new Set(reader.windows.map((window) => window.page)).size >= count && !short;
	return { contacts: fresh.map((entry) => entry.contact), cursor: afterRound(next, reader, second, limits.now, !!prior && covered >= count, short), calls: reader.calls, upToDate };
}

/**
 * The cursor after the round, standing in the list's one second: that second begins at the oldest end (sweep.ts,
 * beginsAtOldestEnd: the list's ends were read for the order this poll). Read whole in this poll, or come round over
 * polls (`cameRound`), every contact is old unless fewer are accounted for than the list holds (`short`): sealed when large (sealed-second.ts), the contacts up to it counted
 * exactly (late-dated.ts: a walk of it spread over polls would count only a part; the ids read by earlier polls of the
 * round count towards `high` through the cursor's).
 */
function afterRound(next: ListCursor, reader: PageReader, second: number | undefined, now: number | undefined, cameRound: boolean, short: boolean): ListCursor {
	if (second === undefined || next.last?.time !== second || !beginsAtOldestEnd(reader.windows)) return next;
	const standing: ListCursor = { ...next, swept: { base: 0 } };
	const { total } = reader.windows[0];
	// Every page of this poll showed one total (a round over polls kept it, `round.total`, from its first poll).
	const sameTotal = reader.windows.every((window) => window.total === total);
	// Read whole in this poll: as many distinct ids as that total (ties drawn anew on each request may show some twice,
	// others never). Come round over polls, the ids not read here were read by its earlier polls.
	const read = idsOfSecond(reader.windows, second).size;
	if (!sameTotal || short || (read !== total && !cameRound)) return standing;
	const late = { second, below: total, high: Math.max(highestRead(reader, []), highestEmitted(next)) };
	return sealIfLarge({ ...standing, late }, reader.windows, true, reader.size, now, Math.max(0, total - read));
}
