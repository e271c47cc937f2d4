import type { FaultKind } from '../../sandbox';
import { useSandbox } from '../limits/sandbox-run';
import { PolledTrigger } from '../helpers/poll';
import { recordWaits } from '../helpers/waits';
import { activatedOn, addContacts, between, byId, emittedIds, newList, PACED, takeCalls } from './helpers';

/**
 * A failed poll reports an error through n8n and leaves the cursor, so the next poll picks up
 * everything. A rate limit (429) is waited out longer: see the last cases.
 */
describe('Leadsopedia Trigger when the API fails', () => {
	const sandbox = useSandbox({ order: 'asc' });

	it.each<[FaultKind, RegExp]>([
		[500, /server failed/i],
		[503, /server failed/i],
		['reset', /could not reach/i],
		['malformed-json', /not valid JSON/i],
		['html', /Leadsopedia/],
		['empty', /empty body/i],
	])('a %s fails the poll and moves nothing', async (kind, message) => {
		const { listId, trigger } = await activatedOn(sandbox(), 10);
		const added = addContacts(sandbox(), listId, 3);
		const before = trigger.memoryState();
		sandbox().control.injectFaults({ kind, path: '/v1/contacts' });
		const failed = await trigger.poll();
		expect(failed.items).toBeNull();
		expect(`${failed.error?.message} ${failed.error?.description ?? ''}`).toMatch(message);
		expect(trigger.memoryState()).toEqual(before);
		expect(emittedIds(await trigger.poll())).toEqual(added);
	});

	it('a failure on a later page of a poll emits nothing of the earlier pages', async () => {
		const { listId, trigger } = await activatedOn(sandbox(), 50, PACED);
		const added = addContacts(sandbox(), listId, 1100);
		const before = trigger.memoryState();
		const failed = await between(sandbox(), 1, () => sandbox().control.injectFaults({ kind: 502, path: '/v1/contacts' }), async () => await trigger.poll());
		expect(failed.items).toBeNull();
		expect(failed.error?.httpCode).toBe('502');
		expect(trigger.memoryState()).toEqual(before);
		expect(emittedIds(await trigger.poll())).toEqual(added);
	});

	it('a spent monthly quota is a clear error', async () => {
		const { listId, trigger } = await activatedOn(sandbox(), 10);
		const added = addContacts(sandbox(), listId, 1);
		sandbox().control.setOptions({ monthlyQuota: takeCalls(sandbox()).length });
		const failed = await trigger.poll();
		expect(failed.error?.message).toMatch(/monthly quota .* is spent/i);
		expect(failed.error?.description).toMatch(/15,000 calls a month/);
		sandbox().control.setOptions({ monthlyQuota: 15_000 });
		expect(emittedIds(await trigger.poll())).toEqual(added);
	});

	describe('a rate limit outlasting Max Tries (queue mode: workers keep the key busy)', () => {
		const waits = recordWaits();
		// n8n's poll budget of 10 s keeps 2 s for retries; Max Tries 2. Watching every list, /mylists is refused.
		async function rateLimited(limited: number, watchAllLists = false) {
			const listId = newList(sandbox(), 10);
			const path = watchAllLists ? '/v1/mylists' : '/v1/contacts';
			const trigger = new PolledTrigger({
				baseUrl: sandbox().baseUrl,
				apiKey: sandbox().apiKey,
				parameters: watchAllLists ? { event: 'newContact', watchAllLists } : { event: 'newContact', listId: byId(listId) },
				credentials: { maxTries: 2 },
				pollBudgetMs: 10_000,
			});
			await trigger.activate();
			const added = addContacts(sandbox(), listId, 3);
			const before = trigger.memoryState();
			takeCalls(sandbox());
			sandbox().control.injectFaults({ kind: 429, retryAfter: 1, times: limited, path });
			const outcome = await trigger.poll();
			// Each Retry-After of 1 s, less the moment between the answer and the wait.
			const retryWaits = waits().filter((wait) => wait.owner === 'n8n-workflow').map((wait) => (wait.ms > 500 && wait.ms <= 1000 ? '1 s' : wait.ms));
			const calls = takeCalls(sandbox()).filter((call) => call.startsWith(`GET ${path}?`));
			return { trigger, added, before, outcome, calls, retryWaits };
		}

		it.each([false, true])('a poll waits out each Retry-After past Max Tries within the share of its budget kept for retries, and emits once (Watch All Lists: %s)', async (watchAllLists) => {
			const { trigger, added, outcome, calls, retryWaits } = await rateLimited(3, watchAllLists);
			expect(outcome.error).toBeUndefined();
			expect(emittedIds(outcome)).toEqual(added);
			expect(calls).toHaveLength(4);
			expect(retryWaits).toEqual(['1 s', '1 s', '1 s']);
			expect((await trigger.poll()).items).toBeNull();
		});

		it('past that share the poll fails visibly and moves nothing; the next poll emits everything', async () => {
			const { trigger, added, before, outcome, calls, retryWaits } = await rateLimited(4);
			expect(outcome.items).toBeNull();
			expect(`${outcome.error?.message} ${outcome.error?.description ?? ''}`).toMatch(/rate limit/i);
			expect(calls).toHaveLength(4);
			expect(retryWaits).toEqual(['1 s', '1 s', '1 s']);
			expect(trigger.memoryState()).toEqual(before);
			expect(emittedIds(await trigger.poll())).toEqual(added);
		});
	});
});
