import type { Feature } from './features';

/**
 * Issue 19 points the property test still finds on this branch's node code. The generator
 * leaves out the inputs that show them, and `operations.property.test.ts` checks that each
 * one is still found with them. When a fix lands, that check fails: remove the entry here.
 */
export const KNOWN_OPEN: Partial<Record<Feature, number>> = {
	listChangesWhileRead: 3,
	tiesShuffled: 3,
	keyOnTwoHostSpellings: 11,
	rateLimitSaysQuota: 7,
};
