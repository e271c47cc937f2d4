import { isIdSet, type IdSet } from './ids';
import type { Order } from './keys';

/**
 * Contacts added dated before the cursor's second (an import committed late, dated when it
 * started) sort below where a walk stops. The trigger counts the contacts up to the cursor's
 * second after each walk; when it counts more than came out or were there, the pages read and
 * those below are searched, from the cursor down to the oldest contact, for contacts dated
 * before that second with an id above any seen when last counted (a contact added since has a
 * larger id than every contact then). As many deletions below as such additions between two
 * polls hide them from the count (README, Known limits). The search is in late-dated.ts; this
 * file holds only what the cursor keeps of it, so that cursor.ts need not import the search.
 */
export interface BelowCount {
	/** The cursor's second (epoch ms) when counted. */
	second: number;
	/** Contacts dated at or before it that came out or were there before, then. */
	below: number;
	/** The largest id seen then. */
	high: number;
	/** Ids above `high` of contacts that came out since (emitted, or found by a search): not searched for again. */
	found?: IdSet;
	/**
	 * A search still going on: how many contacts it still looks for, and where it goes on, counted from the oldest
	 * contact in the API's order it read in (`order`; contacts of one second may come in another order in the other:
	 * some it passed may lie above that place then, and it starts again from the boundary).
	 */
	search?: { missing: number; fromOldest: number; order?: Order };
}

export function isBelowCount(value: unknown): value is BelowCount {
	const count = value as BelowCount;
	if (!count || typeof count !== 'object' || ![count.second, count.below, count.high].every(Number.isFinite)) return false;
	const { search, found } = count;
	return (
		(found === undefined || isIdSet(found)) &&
		(search === undefined || (Number.isInteger(search.missing) && Number.isInteger(search.fromOldest) && (search.order === undefined || search.order === 'asc' || search.order === 'desc')))
	);
}
