import type { IDataObject } from 'n8n-workflow';
import { emptyCursor, type TriggerState } from './cursor';
import { compareKeys, keyOf } from './keys';
import type { ContactSource } from './pages';
import { newestContact, pollList, type PollLimits } from './poll';

/** What the trigger watches: one list, or every list of the account. */
export interface Watched {
	/** Saved with the state: a change of what is watched starts afresh. */
	scope: string;
	listIds(): Promise<string[]>;
	source(listId: string): ContactSource;
}

export interface FoundContact {
	listId: string;
	contact: IDataObject;
}

/** Oldest first across lists; each list's contacts already are. */
function inOrderAdded(found: FoundContact[]): FoundContact[] {
	const time = (item: FoundContact) => keyOf(item.contact) ?? { time: 0, id: 0 };
	return [...found].sort((a, b) => compareKeys(time(a), time(b)));
}

/** First activation: every watched list's newest contact becomes its cursor, and nothing is emitted. */
export async function recordPositions(watched: Watched, pageSize: number): Promise<TriggerState> {
	const lists: TriggerState['lists'] = {};
	for (const listId of await watched.listIds()) {
		lists[listId] = (await newestContact(watched.source(listId), pageSize)).cursor;
	}
	return { version: 1, scope: watched.scope, lists };
}

/**
 * One poll of everything watched. A list not in the state appeared after activation, so all
 * its contacts are new; a list that is gone leaves the state. Any error fails the whole poll,
 * so no cursor moves without its contacts being emitted.
 */
export async function pollWatched(
	watched: Watched,
	state: TriggerState,
	limits: PollLimits,
): Promise<{ found: FoundContact[]; state: TriggerState }> {
	const lists: TriggerState['lists'] = {};
	const found: FoundContact[] = [];
	let spent = 0;
	for (const listId of await watched.listIds()) {
		// The lists share the poll's budget; each still gets the two calls progress may need.
		const budget = { ...limits, maxCalls: Math.max(2, limits.maxCalls - spent) };
		const result = await pollList(watched.source(listId), state.lists[listId] ?? emptyCursor(), budget);
		spent += result.calls;
		lists[listId] = result.cursor;
		// One by one: a spread of a backlog of 100,000s would overflow the call stack.
		for (const contact of result.contacts) found.push({ listId, contact });
	}
	return { found: inOrderAdded(found), state: { ...state, lists } };
}

/** The newest contact of everything watched, for "Fetch Test Event". */
export async function newestWatched(watched: Watched, pageSize: number): Promise<FoundContact | undefined> {
	const found: FoundContact[] = [];
	for (const listId of await watched.listIds()) {
		const { contact } = await newestContact(watched.source(listId), pageSize);
		if (contact) found.push({ listId, contact });
	}
	return inOrderAdded(found).pop();
}
