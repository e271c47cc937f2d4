import type { IDataObject } from 'n8n-workflow';
import { emptyCursor, type ListCursor, type TriggerState } from './cursor';
import { compareKeys, keyOf } from './keys';
import type { ContactSource } from './pages';
import type { PollLimits } from './list-poll';
import { newestContact, pollList } from './poll';
import { missingKept, rotated, stillEmpty, type WatchedList } from './rotation';

/** What the trigger watches: one list, or every list of the account. */
export interface Watched {
	/** Saved with the state: a change of what is watched starts afresh. */
	scope: string;
	/** The lists, and the calls it took to list them. */
	lists(): Promise<{ lists: WatchedList[]; calls: number }>;
	source(listId: string): ContactSource;
}

export interface FoundContact {
	listId: string;
	contact: IDataObject;
}

/** Calls a list poll may take at the least to make progress (a page and the one above it). */
const LIST_POLL_CALLS = 2;

/** The cursor of a list /mylists shows: no longer counted as missing. */
function present(cursor: ListCursor): ListCursor {
	const { missing, ...rest } = cursor;
	return missing === undefined ? cursor : rest;
}

/** Oldest first across lists; each list's contacts already are. */
function inOrderAdded(found: FoundContact[]): FoundContact[] {
	const time = (item: FoundContact) => keyOf(item.contact) ?? { time: 0, id: 0 };
	return [...found].sort((a, b) => compareKeys(time(a), time(b)));
}

/** First activation: every watched list's newest contact becomes its cursor, and nothing is emitted. */
export async function recordPositions(watched: Watched, pageSize: number): Promise<TriggerState> {
	const lists: TriggerState['lists'] = {};
	for (const { id } of (await watched.lists()).lists) {
		lists[id] = (await newestContact(watched.source(id), pageSize)).cursor;
	}
	return { version: 1, scope: watched.scope, lists };
}

/**
 * One poll of everything watched, within the poll's call budget: the lists are visited
 * round the account from where the last poll stopped, and those left over keep their cursor
 * for the next poll. A list never seen before appeared after activation, so all its contacts
 * are new; a list missing from /mylists keeps its cursor for a while. Any error fails the
 * whole poll, so no cursor moves without its contacts being emitted.
 */
export async function pollWatched(
	watched: Watched,
	state: TriggerState,
	limits: PollLimits,
): Promise<{ found: FoundContact[]; state: TriggerState }> {
	const { lists: shown, calls } = await watched.lists();
	const lists = missingKept(state, new Set(shown.map((list) => list.id)));
	const found: FoundContact[] = [];
	let spent = calls;
	let polled = 0;
	let next: string | undefined;
	for (const list of rotated(shown, state.next)) {
		const seen = present(state.lists[list.id] ?? emptyCursor());
		if (stillEmpty(list, seen)) {
			lists[list.id] = seen;
			continue;
		}
		// The first list always goes, so that every poll makes progress; the others only within the budget.
		if (polled > 0 && limits.maxCalls - spent < LIST_POLL_CALLS) {
			next ??= list.id;
			lists[list.id] = seen;
			continue;
		}
		const result = await pollList(watched.source(list.id), seen, { ...limits, maxCalls: Math.max(LIST_POLL_CALLS, limits.maxCalls - spent) });
		spent += result.calls;
		polled++;
		lists[list.id] = result.cursor;
		// One by one: a spread of a backlog of 100,000s would overflow the call stack.
		for (const contact of result.contacts) found.push({ listId: list.id, contact });
	}
	return { found: inOrderAdded(found), state: { version: 1, scope: state.scope, lists, ...(next === undefined ? {} : { next }) } };
}

/** The newest contact of everything watched, for "Fetch Test Event". */
export async function newestWatched(watched: Watched, pageSize: number): Promise<FoundContact | undefined> {
	const found: FoundContact[] = [];
	for (const { id } of (await watched.lists()).lists) {
		const { contact } = await newestContact(watched.source(id), pageSize);
		if (contact) found.push({ listId: id, contact });
	}
	return inOrderAdded(found).pop();
}
