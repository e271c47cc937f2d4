import fc from 'fast-check';
import { check, DEFAULT_BUDGET, histories, RUNS, TIMEOUT } from './bulk-history';
import type { ApiOrder } from './fake-api';
import { SEED } from './property-history';

/**
 * The bulk randomized test (bulk-history.ts) with the records real lists also hold beside bulk
 * imports (issue 20): contacts without a usable date_added or id (null, `0000-00-00 00:00:00`,
 * none, a text id) and lists answering 403 for 1 to 4 polls or for good; and imports committed
 * late (up to 3,000 contacts dated in the second of an existing contact, with larger ids), in
 * runs without deletions (as many deletions as late additions between two polls hide them from
 * the count the trigger keeps: README), their quiet polls a day apart (a search cut by the
 * budget may wait for a sealed second's daily read). Besides none missed, none twice and none
 * there at activation: no bad record emitted as a contact, none reported twice; a list that
 * answered 403 has its contacts out once it answers again and its daily check came.
 * 120 histories per order: 75 s (bad records) and 170 to 185 s (late imports) per order with
 * one jest worker beside two other jest runs (load average 3 on 2 cores).
 */

const badRecordHistory = histories(fc.integer({ min: 2, max: DEFAULT_BUDGET }), { badRecords: true });
const lateImportHistory = histories(fc.integer({ min: 2, max: DEFAULT_BUDGET }), { lateImports: true });

describe.each<ApiOrder>(['desc', 'asc'])('random bulk histories with bad records and late imports, API order %s at the start', (order) => {
	it(`with contacts without a usable date_added or id and lists answering 403, misses none, emits none twice and none there at activation, reports each bad record once (${RUNS} runs, seed ${SEED})`, async () => await check(order, badRecordHistory, { budget: false }), TIMEOUT);
	it(`with imports committed late (dated in an earlier second) and no deletions, misses none, emits none twice and none there at activation (${RUNS} runs, seed ${SEED})`, async () => await check(order, lateImportHistory, { budget: false, daily: true }), TIMEOUT);
});
