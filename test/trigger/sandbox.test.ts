import type { ContactOrder } from '../../sandbox';
import { useSandbox } from '../limits/sandbox-run';
import { PolledTrigger } from '../helpers/poll';
import { activatedOn, addContacts, byId, drain, emittedIds, newList, PACED, takeCalls, triggerOn } from './helpers';

/** Through n8n-core's poll executor against the sandbox, in both orders of GET /contacts. */
describe.each<ContactOrder>(['asc', 'desc'])('Leadsopedia Trigger against the sandbox (%s)', (order) => {
	const sandbox = useSandbox({ order });

	it('records where the list stands at activation and emits nothing', async () => {
		const listId = newList(sandbox(), 30);
		const trigger = triggerOn(sandbox(), listId);
		expect(await trigger.activate()).toEqual({ items: null });
		const state = JSON.stringify(trigger.savedState());
		expect(state.length).toBeLessThan(400);
		expect(await trigger.poll()).toEqual({ items: null });
	});

	it('costs exactly one call per idle poll', async () => {
		const { trigger } = await activatedOn(sandbox(), 2500);
		takeCalls(sandbox());
		for (let poll = 0; poll < 3; poll++) {
			expect(await trigger.poll()).toEqual({ items: null });
			expect(takeCalls(sandbox())).toHaveLength(1);
		}
	});

	// Oldest first, a poll that spans pages reads its first page again (README, "How it tells new from old").
	const extraCalls = order === 'asc' ? 2 : 1;

	it.each([1, 7, 999, 1000, 1001, 2500])(`emits %i new contacts once, oldest first, in at most ceil(k / 1000) + ${extraCalls} calls`, async (k) => {
		const { listId, trigger } = await activatedOn(sandbox(), 1234);
		const added = addContacts(sandbox(), listId, k);
		takeCalls(sandbox());
		const outcome = await trigger.poll();
		const calls = takeCalls(sandbox());
		expect(emittedIds(outcome)).toEqual(added);
		expect(outcome.items?.every((item) => item.json.list_id === listId)).toBe(true);
		expect(calls.length).toBeLessThanOrEqual(Math.ceil(k / 1000) + extraCalls);
		process.stdout.write(`trigger calls (${order}): k=${k} -> ${calls.length} calls\n`);
		expect(await trigger.poll()).toEqual({ items: null });
	});

	it('emits what was added after older contacts were deleted and the pages shifted', async () => {
		const { listId, trigger } = await activatedOn(sandbox(), 1500);
		const old = sandbox().control.contacts(listId).slice(0, 700);
		for (const contact of old) sandbox().control.deleteContact(listId, contact.id);
		const added = addContacts(sandbox(), listId, 3);
		expect(emittedIds(await trigger.poll())).toEqual(added);
		const later = addContacts(sandbox(), listId, 2);
		expect(emittedIds(await trigger.poll())).toEqual(later);
	});

	it('does not emit again after a restart that lost unsaved state', async () => {
		const { listId, trigger } = await activatedOn(sandbox(), 1200);
		const first = addContacts(sandbox(), listId, 2);
		expect(emittedIds(await trigger.poll())).toEqual(first);
		// An idle poll after deletions refreshes hints in memory only: n8n does not save them.
		for (const contact of sandbox().control.contacts(listId).slice(0, 300)) sandbox().control.deleteContact(listId, contact.id);
		expect(await trigger.poll()).toEqual({ items: null });
		expect(trigger.memoryState()).not.toEqual(trigger.savedState());
		const second = addContacts(sandbox(), listId, 2);
		expect(emittedIds(await trigger.restart())).toEqual(second);
		expect(await trigger.poll()).toEqual({ items: null });
	});

	it('lets a backlog beyond the poll budget out over several polls, oldest first', async () => {
		// 0.1 s between calls and a 0.25 s budget: two calls per poll.
		const listId = newList(sandbox(), 10);
		const trigger = new PolledTrigger({ baseUrl: sandbox().baseUrl, apiKey: sandbox().apiKey, parameters: { event: 'newContact', listId: byId(listId) }, credentials: PACED, pollBudgetMs: 250 });
		await trigger.activate();
		const added = addContacts(sandbox(), listId, 3500);
		const first = await trigger.poll();
		expect(first.items?.length).toBeLessThan(added.length);
		expect(await drain(trigger, first)).toEqual(added);
	});

	it('treats a list that was empty at activation as all new', async () => {
		const { listId, trigger } = await activatedOn(sandbox(), 0);
		const added = addContacts(sandbox(), listId, 3);
		expect(emittedIds(await trigger.poll())).toEqual(added);
	});
});
