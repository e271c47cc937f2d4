import fc from 'fast-check';
import { check, DEFAULT_BUDGET, histories, RUNS, TIMEOUT } from './bulk-history';
import type { ApiOrder } from './fake-api';
import { SEED } from './property-history';

/**
 * The randomized test in bulk (issue 20; the histories: bulk-history.ts). Besides none missed,
 * none twice and none there at activation, no poll spends more calls than its budget allows.
 * That part fails today at budgets of 2 (seeds 20260415, 1 and 2 shrink to the rows marked
 * `it.failing` in property-bulk-findings.test.ts: a walk down a list that contacts added during
 * the walk pushed below the pages planned, a read spread over polls whose last poll checks where
 * its second begins and bridges a tie, deletions below a cursor alone on its page while the walk
 * reads on from the idle check's page: 6 calls); its earlier failures (a sealed second read
 * whole in the poll whose walk showed it must be, a second spanning more pages than the budget,
 * pages read only to learn the order, a hint moved to page 1, a list of one second read as a set
 * then a contact after it, a search for contacts that never existed after such a read) are
 * fixed and written out there. So each order runs four times: none missed, none twice and none
 * from before activation, which holds; the budget as well, marked failing; the budget at 2 calls
 * a poll (n8n's scheduler at its defaults) with no change during a poll and the API keeping its
 * order, which holds; and none missed, twice or from before activation with a list in two
 * listing each second's contacts in a new order on every request (imports up to 3,000, no change
 * during a poll: a read while the list changes is taken as whole), which holds. Bad records,
 * lists answering 403 and late imports: property-bulk-records.test.ts.
 * 120 histories per order (TRIGGER_BULK_RUNS; seed: TRIGGER_PROPERTY_SEED): 36 s newest first
 * and 48 s oldest first, plus 2-3 s for the failing run, with one jest worker beside other
 * work (load average 4 on 2 cores; 200 histories took 83 and 108 s).
 */

const history = histories(fc.integer({ min: 2, max: DEFAULT_BUDGET }));
/** n8n 2.40's scheduler for poll triggers at its defaults: 2 calls a poll (README, Known limits). */
const atTwoCalls = histories(fc.constant(2));
const reshuffledHistory = histories(fc.integer({ min: 2, max: DEFAULT_BUDGET }), { reshuffling: true });

describe.each<ApiOrder>(['desc', 'asc'])('random bulk histories, API order %s at the start', (order) => {
	it(`misses none, emits none twice and none there at activation (${RUNS} runs, seed ${SEED})`, async () => await check(order, history, { budget: false }), TIMEOUT);
	// Expected to fail (property-bulk-findings.test.ts); one that passes fails here, to be made plain.
	it.failing(`still passes the budget in some poll (${RUNS} runs, seed ${SEED})`, async () => await check(order, history, { budget: true }), TIMEOUT);
	// n8n's scheduler at its defaults drops a poll of 6 calls, and the next, from the same cursor, for good: with nothing
	// changing during the polls, no poll passes the budget.
	it(`at 2 calls a poll with no change during a poll, passes the budget in every poll (${RUNS} runs, seed ${SEED})`, async () => await check(order, atTwoCalls, { budget: true, quiet: true }), TIMEOUT);
	// A read during which the list changed is taken as whole (its places moved: not counted), so no change lands during a poll.
	it(`with ties in a new order on every request and no change during a poll, misses none, emits none twice and none there at activation (${RUNS} runs, seed ${SEED})`, async () => await check(order, reshuffledHistory, { budget: false, quiet: true }), TIMEOUT);
});
