import { PolledTrigger } from '../helpers/poll';
import { useSandbox } from '../limits/sandbox-run';
import { addContacts, emittedIds, newList, PACED, takeCalls, triggerOn } from './helpers';

const ALL = { event: 'newContact', watchAllLists: true };

/** Watch All Lists on an account with many lists: n8n's poll budget and the idle cost. */
describe('Leadsopedia Trigger watching many lists', () => {
	const sandbox = useSandbox({ order: 'desc' });

	it('stays within the poll budget and lets every list out over the next polls, each contact once', async () => {
		const lists = Array.from({ length: 30 }, () => newList(sandbox(), 2));
		// 0.1 s between calls and a 1 s budget: 8 calls per poll (a fifth is left for retries).
		const trigger = new PolledTrigger({ baseUrl: sandbox().baseUrl, apiKey: sandbox().apiKey, parameters: ALL, credentials: PACED, pollBudgetMs: 1000 });
		await trigger.activate();
		// Activation reads what its budget allows; the polls after it record where the other lists stand.
		for (let poll = 0; JSON.stringify(trigger.memoryState()).includes('"pending"'); poll++) {
			expect(poll).toBeLessThan(6);
			expect(await trigger.poll()).toEqual({ items: null });
		}
		const added = lists.flatMap((listId) => addContacts(sandbox(), listId, 1));
		takeCalls(sandbox());
		const emitted: unknown[] = [];
		for (let poll = 0; poll < 12; poll++) {
			// A busy list gets new contacts before the first polls; it must not starve the others.
			if (poll < 6) added.push(...addContacts(sandbox(), lists[0], 1));
			const outcome = await trigger.poll();
			expect(outcome.error).toBeUndefined();
			expect(takeCalls(sandbox()).length).toBeLessThanOrEqual(8);
			emitted.push(...emittedIds(outcome));
		}
		expect([...emitted].sort()).toEqual([...added].sort());
	});

	it('spends no contact call on a list whose total did not change, and picks up the first contact of an empty list', async () => {
		const empty = newList(sandbox(), 0);
		newList(sandbox(), 3);
		const trigger = triggerOn(sandbox(), ALL);
		await trigger.activate();
		takeCalls(sandbox());
		expect(await trigger.poll()).toEqual({ items: null });
		expect(takeCalls(sandbox())).toEqual(['GET /v1/mylists?page=1&limit=1000']);
		const first = addContacts(sandbox(), empty, 1);
		expect(emittedIds(await trigger.poll())).toEqual(first);
		expect(await trigger.poll()).toEqual({ items: null });
	});
});
