/**
 * What Watch All Lists keeps of each list beside its cursor: what GET /mylists said when the
 * list was last read, when that was, and whether the list is missing. Kept apart from the
 * cursor, which only the list's own read writes.
 */
export interface ListWatch {
	/** `total_contacts` in GET /mylists when a poll last read the list up to its newest contact. */
	listed?: number;
	/** When (epoch ms) that poll started: the list's daily check counts from it. */
	checked?: number;
	/**
	 * Not read at activation (the poll's budget ran out): its cursor stands at the newest contact
	 * activation read in any list, until a poll records where the list itself stands.
	 */
	pending?: true;
	/** Since when (epoch ms) the list has been missing from GET /mylists. */
	missingSince?: number;
	/** The error this list's read fails with, already reported: reported again only when it changes. */
	failing?: string;
	/** Contacts without a readable id or date_added already reported (unreadable.ts). */
	reported?: string[];
}

export type ListWatches = Record<string, ListWatch>;

const optionalNumber = (value: unknown) => value === undefined || Number.isFinite(value);

export function isListWatch(value: unknown): value is ListWatch {
	const watch = value as ListWatch;
	return (
		!!watch &&
		typeof watch === 'object' &&
		optionalNumber(watch.listed) &&
		optionalNumber(watch.checked) &&
		optionalNumber(watch.missingSince) &&
		(watch.pending === undefined || watch.pending === true) &&
		(watch.failing === undefined || typeof watch.failing === 'string') &&
		(watch.reported === undefined || (Array.isArray(watch.reported) && watch.reported.every((mark) => typeof mark === 'string')))
	);
}
