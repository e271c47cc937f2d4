import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { E2E_LOAD } from '../../bench/queue/model';
import { measure, resultsMarkdown } from '../../bench/queue/results';
import { STEP_ASIDE, WAIT_RETRY_AFTER, type Scheme } from '../../bench/queue/schemes';

/**
 * bench/queue/results.md holds the figures the queue-mode schemes were judged by: it must be
 * what the model gives today, so a change to the model or to the shipped sharing
 * (nodes/Leadsopedia/shared/share.ts) comes with its new figures (`npm run bench:queue`).
 */
test('bench/queue/results.md is what the queue-mode model gives for its fixed seeds', () => {
	const file = readFileSync(join(__dirname, '..', '..', 'bench', 'queue', 'results.md'), 'utf8');
	expect(file).toBe(resultsMarkdown());
});

test('in the model, the shipped step aside meets the goal with 2 workers, where waiting the Retry-After did not, and changes nothing for one', () => {
	const onWorkers = (workers: number, scheme: Scheme) => measure({ ...E2E_LOAD, workers }, scheme, 50);
	const before = onWorkers(2, WAIT_RETRY_AFTER);
	expect(before.refusedShare).toBeGreaterThan(0.5);
	expect(before.runsWithFailure).toBeGreaterThan(0);
	const shipped = onWorkers(2, STEP_ASIDE);
	expect(shipped.refusedShare).toBeLessThanOrEqual(0.1);
	expect(shipped.runsWithFailure).toBe(0);
	expect(shipped.wallRatio).toBeLessThanOrEqual(1.15);
	expect(onWorkers(1, STEP_ASIDE)).toEqual(onWorkers(1, WAIT_RETRY_AFTER));
});
