import { emptyCursor, type TriggerState } from './cursor';
import { compareKeys, type ContactKey } from './keys';
import type { ListWatches } from './list-watch';
import { staggered } from './plan';
import type { PollLimits } from './list-poll';
import { newestContact } from './newest-contact';
import { rotated, type WatchedList } from './rotation';
import { counted, inOrderAdded, type FoundContact, type Watched } from './watch';

/**
 * Where the trigger starts: activation records where every watched list stands, and "Fetch
 * Test Event" shows the newest contact; both within a poll's call budget, whatever the
 * number of lists.
 */

/** The calls left to read one list's newest contact: at least one page beyond the first, so that every list read gets somewhere. */
const callsLeft = (limits: PollLimits, count: { calls: number }) => Math.max(2, limits.maxCalls - count.calls);

/** The later of two keys. */
const later = (a: ContactKey | null | undefined, b: ContactKey | null): ContactKey | null => (a && (!b || compareKeys(a, b) > 0) ? a : b);

export interface Activation {
	limits: PollLimits;
	now: number;
	/** Runs once the lists are known, before any of them is read (the quota check). */
	beforeReading?: (lists: WatchedList[]) => void;
}

/**
 * Activation: every watched list's newest contact becomes its cursor, and nothing is emitted.
 * A list `kept` a cursor (watched before a change of list or mode) keeps it. Within the poll's
 * budget: lists left over stand, until a poll records them, at the newest contact read in any
 * list, so that nothing added after activation is lost (contacts a little older may come out).
 */
export async function recordPositions(watched: Watched, activation: Activation, kept: TriggerState['lists'] = {}): Promise<TriggerState> {
	const { limits, now } = activation;
	const listed = await watched.lists();
	activation.beforeReading?.(listed.lists);
	const count = { calls: listed.calls };
	const lists: TriggerState['lists'] = {};
	const watch: ListWatches = {};
	const left: WatchedList[] = [];
	let floor: ContactKey | null = null;
	let read = 0;
	const shown = rotated(listed.lists, undefined);
	shown.forEach((list, index) => {
		watch[list.id] = { listed: list.total, checked: staggered(now, index, shown.length) };
	});
	for (const list of shown) {
		const cursor = kept[list.id];
		if (cursor) {
			lists[list.id] = cursor;
			// Its total when last read is not known here: the next poll reads it.
			delete watch[list.id].listed;
		} else if (list.total === 0) {
			lists[list.id] = emptyCursor();
		} else if (count.calls < limits.maxCalls || read === 0) {
			lists[list.id] = (await newestContact(counted(watched.source(list.id), count), { ...limits, maxCalls: callsLeft(limits, count), now })).cursor;
			read++;
			floor = later(lists[list.id].last, floor);
		} else {
			left.push(list);
		}
	}
	for (const list of left) {
		lists[list.id] = { last: floor, at: -1, total: list.total ?? 0 };
		watch[list.id].pending = true;
	}
	return { version: 1, scope: watched.scope, lists, ...(watched.scope === 'all' ? { watch } : {}) };
}

/**
 * The newest contact of everything watched, for "Fetch Test Event", within a poll's budget:
 * watching every list, the lists with contacts are read newest list first until the budget
 * is spent, and the newest contact of those comes out.
 */
export async function newestWatched(watched: Watched, limits: PollLimits): Promise<FoundContact | undefined> {
	const listed = await watched.lists();
	const count = { calls: listed.calls };
	const found: FoundContact[] = [];
	const lists = rotated(listed.lists, undefined)
		.filter((list) => list.total !== 0)
		.reverse();
	for (const [index, { id }] of lists.entries()) {
		if (index > 0 && count.calls >= limits.maxCalls) break;
		const { contact } = await newestContact(counted(watched.source(id), count), { ...limits, maxCalls: callsLeft(limits, count) });
		if (contact) found.push({ listId: id, contact });
	}
	return inOrderAdded(found).pop();
}
