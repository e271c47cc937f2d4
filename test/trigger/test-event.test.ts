import type { ContactOrder } from '../../sandbox';
import { useSandbox } from '../limits/sandbox-run';
import { activatedOn, addContacts, emittedIds, newList, triggerOn } from './helpers';

/** "Fetch Test Event": a manual execution, which n8n never saves the static data of. */
describe.each<ContactOrder>(['asc', 'desc'])('Leadsopedia Trigger test event (%s)', (order) => {
	const sandbox = useSandbox({ order });

	it('returns the newest contact with its list and leaves the state alone', async () => {
		const { listId, trigger } = await activatedOn(sandbox(), 1500);
		const added = addContacts(sandbox(), listId, 2);
		const saved = trigger.savedState();
		const memory = trigger.memoryState();
		const event = await trigger.testEvent();
		expect(event.error).toBeUndefined();
		expect(emittedIds(event)).toEqual([added[1]]);
		expect(event.items?.[0].json).toMatchObject({ list_id: listId, email: expect.any(String), date_added: expect.any(String) });
		expect(trigger.savedState()).toEqual(saved);
		expect(trigger.memoryState()).toEqual(memory);
		expect(emittedIds(await trigger.poll())).toEqual(added);
	});

	it('works before the trigger was ever activated, without creating a state', async () => {
		const listId = newList(sandbox(), 3);
		const trigger = triggerOn(sandbox(), listId);
		expect(emittedIds(await trigger.testEvent())).toEqual([sandbox().control.contacts(listId)[2].id]);
		expect(trigger.memoryState()).toEqual({});
	});

	it('says so clearly when the list has no contacts', async () => {
		const trigger = triggerOn(sandbox(), newList(sandbox(), 0));
		const event = await trigger.testEvent();
		expect(event.items).toBeNull();
		expect(event.error?.message).toBe('No contacts yet in the watched list');
		expect(event.error?.description).toMatch(/Add a contact in Leadsopedia/);
	});
});
