import type { IDataObject } from 'n8n-workflow';
import { emptyCursor, type TriggerState } from './cursor';
import { compareKeys, keyOf } from './keys';
import type { ListWatch } from './list-watch';
import type { ContactSource } from './pages';
import { reasonToRead, type ReadReason } from './plan';
import type { PollLimits } from './list-poll';
import { newestContact } from './newest-contact';
import { pollList } from './poll';
import { failureOfTheList } from './list-failure';
import { missingKept, rotated, type WatchedList } from './rotation';
import { toReport, unreadableWarning } from './unreadable';

/** What the trigger watches: one list, or every list of the account. */
export interface Watched {
	/** Saved with the state: on a change, only the lists watched before and after keep their cursor. */
	scope: string;
	/** The lists, and the calls it took to list them. */
	lists(): Promise<{ lists: WatchedList[]; calls: number }>;
	source(listId: string): ContactSource;
}

export interface FoundContact {
	listId: string;
	contact: IDataObject;
	/** Fields that mark an item as a report (an unreadable contact, a list that failed), not a plain new contact. */
	notice?: IDataObject;
}

/** The item reporting a list whose read failed. */
const failureNotice = (failure: { message: string; description?: string }): IDataObject => ({
	leadsopedia_error: failure.message,
	...(failure.description ? { leadsopedia_error_description: failure.description } : {}),
});

/** Calls a list poll may take at the least to make progress (a page and the one above it). */
const LIST_POLL_CALLS = 2;
/** Calls that must be left to begin another list: oldest first, its least walk reads the first page again too (boundary.ts). */
const CALLS_TO_BEGIN = LIST_POLL_CALLS + 1;

/** A source that counts the calls made through it. */
export function counted(source: ContactSource, count: { calls: number }): ContactSource {
	return {
		malformed: source.malformed,
		page: async (page, limit) => {
			count.calls++;
			return await source.page(page, limit);
		},
	};
}

/** Oldest first across lists; each list's contacts already are. */
export function inOrderAdded(found: FoundContact[]): FoundContact[] {
	const time = (item: FoundContact) => keyOf(item.contact) ?? { time: 0, id: 0 };
	return [...found].sort((a, b) => compareKeys(time(a), time(b)));
}

const withoutMissing = (watch: ListWatch | undefined): ListWatch => {
	const known = { ...watch };
	delete known.missingSince;
	return known;
};

/** What is known of a list after this poll read it. */
function afterRead(list: WatchedList, upToDate: boolean, before: ListWatch | undefined, now: number): ListWatch {
	return upToDate ? { listed: list.total, checked: now } : { checked: before?.checked };
}

/**
 * One poll of everything watched, within the poll's call budget. A list is read when its total
 * in /mylists changed since it was last read up to date, when activation left it to be recorded,
 * and once a day as a check; the others cost nothing. They are read round the account from
 * where the last poll stopped; those left over keep their cursor for the next poll. A list never seen before appeared after activation, so all its contacts are new; a list
 * missing from /mylists keeps its cursor for a while. A contact that cannot be placed, or (every
 * list watched) a list that cannot be read, is reported once in a marked item after the contacts.
 */
export async function pollWatched(
	watched: Watched,
	state: TriggerState,
	limits: PollLimits,
	now: number,
): Promise<{ found: FoundContact[]; state: TriggerState }> {
	const { lists: shown, calls } = await watched.lists();
	const { lists, watch } = missingKept(state, new Set(shown.map((list) => list.id)), now);
	const reasons = new Map<string, ReadReason>();
	for (const list of shown) {
		const cursor = state.lists[list.id];
		lists[list.id] = cursor ?? emptyCursor();
		// Shown again: no longer missing.
		watch[list.id] = list.total === 0 && !cursor ? { listed: 0, checked: now } : withoutMissing(state.watch?.[list.id]);
		const reason = reasonToRead(list, cursor, state.watch?.[list.id], now);
		if (reason) reasons.set(list.id, reason);
	}
	// One round of the account for every reason, from where the last poll stopped: a list read in
	// part every poll (a bulk import) never keeps the others' reads and daily checks from coming.
	const toRead = rotated(
		shown.filter((list) => reasons.has(list.id)),
		state.next,
	);
	const found: FoundContact[] = [];
	const notices: FoundContact[] = [];
	let spent = calls;
	let next: string | undefined;
	for (const list of toRead) {
		// The first list always goes, so that every poll makes progress; the others only within the budget.
		if (spent > calls && limits.maxCalls - spent < CALLS_TO_BEGIN) {
			next ??= list.id;
			continue;
		}
		const count = { calls: 0 };
		const source = counted(watched.source(list.id), count);
		const before = { cursor: lists[list.id], watch: watch[list.id] };
		try {
			if (reasons.get(list.id) === 'record') {
				lists[list.id] = (await newestContact(source, { ...limits, maxCalls: Math.max(LIST_POLL_CALLS, limits.maxCalls - spent), now })).cursor;
				watch[list.id] = { listed: list.total, checked: now };
			} else {
				const result = await pollList(source, before.cursor, { ...limits, maxCalls: Math.max(LIST_POLL_CALLS, limits.maxCalls - spent), now });
				const { report, reported } = toReport(result.unreadable, before.cursor, result.cursor, before.watch.reported ?? []);
				lists[list.id] = result.cursor;
				watch[list.id] = { ...afterRead(list, result.upToDate, before.watch, now), ...(reported.length > 0 ? { reported } : {}) };
				// One by one: a spread of a backlog of 100,000s would overflow the call stack.
				for (const contact of result.contacts) found.push({ listId: list.id, contact });
				for (const contact of report) notices.push({ listId: list.id, contact, notice: { leadsopedia_warning: unreadableWarning(contact) } });
			}
		} catch (error) {
			// Watching every list, a failure of this list alone is reported once and the others go on.
			const failure = failureOfTheList(error, state.scope === 'all');
			lists[list.id] = before.cursor;
			// Tried again when its total changes and at its daily check, like any list.
			watch[list.id] = { ...before.watch, listed: list.total, checked: now, failing: failure.message };
			if (before.watch.failing !== failure.message) notices.push({ listId: list.id, contact: {}, notice: failureNotice(failure) });
		}
		spent += count.calls;
	}
	return { found: [...inOrderAdded(found), ...notices], state: { version: 1, scope: state.scope, lists, watch, ...(next === undefined ? {} : { next }) } };
}
