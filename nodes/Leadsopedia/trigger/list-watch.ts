/**
 * What Watch All Lists keeps of each list beside its cursor: what GET /mylists said when the
 * list was last read, when that was, and whether the list is missing. Kept apart from the
 * cursor, which only the list's own read writes.
 */
export interface ListWatch {
	/** Since when (epoch ms) the list has been missing from GET /mylists. */
	missingSince?: number;
}

export type ListWatches = Record<string, ListWatch>;

const optionalNumber = (value: unknown) => value === undefined || Number.isFinite(value);

export function isListWatch(value: unknown): value is ListWatch {
	const watch = value as ListWatch;
	return !!watch && typeof watch === 'object' && optionalNumber(watch.missingSince);
}
