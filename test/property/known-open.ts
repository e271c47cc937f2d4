import type { Feature } from './features';

/**
 * Issue 19 points the property test still finds on this branch's node code. The generator
 * leaves out the inputs that show them, and `operations.property.test.ts` checks that each
 * one is still found with them. When a fix lands, that check fails: remove the entry here.
 */
export const KNOWN_OPEN: Partial<Record<Feature, number>> = {
	/**
	 * The documented limit (README, Limits and retries → Lists that change while they are
	 * read): contacts deleted before the seam and as many or more added at the end between
	 * the same two pages. The total does not fall, no item comes twice, and the contacts that
	 * slid back over the seam are missed; only reading every seam again (a call per page of
	 * every read) would show it. Seed 25 of the focus: newest first, but the contacts were
	 * all added in one second and the API lists a second's contacts oldest first, so the
	 * 3 added went to the end.
	 */
	listChangesWhileRead: 3,
};
