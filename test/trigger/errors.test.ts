import type { FaultKind } from '../../sandbox';
import { useSandbox } from '../limits/sandbox-run';
import { activatedOn, addContacts, between, emittedIds, PACED, takeCalls } from './helpers';

/** A failed poll reports an error through n8n and leaves the cursor, so the next poll picks up everything. */
describe('Leadsopedia Trigger when the API fails', () => {
	const sandbox = useSandbox({ order: 'asc' });

	it.each<[FaultKind, RegExp]>([
		[500, /server failed/i],
		[503, /server failed/i],
		[429, /rate limit/i],
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
});
