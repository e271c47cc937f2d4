import type { ContactOrder } from '../../sandbox';
import { useSandbox } from '../limits/sandbox-run';
import { addContacts, emittedIds, newList, takeCalls, triggerOn } from './helpers';

const ALL = { event: 'newContact', watchAllLists: true };

describe.each<ContactOrder>(['asc', 'desc'])('Leadsopedia Trigger watching every list (%s)', (order) => {
	const sandbox = useSandbox({ order });

	it('costs 1 call when idle, and emits new contacts of every list in the order added', async () => {
		const first = newList(sandbox(), 5);
		const second = newList(sandbox(), 1200);
		const trigger = triggerOn(sandbox(), ALL);
		expect(await trigger.activate()).toEqual({ items: null });
		takeCalls(sandbox());
		expect(await trigger.poll()).toEqual({ items: null });
		expect(takeCalls(sandbox())).toEqual(['GET /v1/mylists?page=1&limit=1000']);

		const added = [...addContacts(sandbox(), second, 1), ...addContacts(sandbox(), first, 2), ...addContacts(sandbox(), second, 1)];
		const outcome = await trigger.poll();
		expect(emittedIds(outcome)).toEqual(added);
		expect(outcome.items?.map((item) => item.json.list_id)).toEqual([second, first, first, second]);
		expect(await trigger.poll()).toEqual({ items: null });
	});

	it('emits every contact of a list created after activation', async () => {
		const trigger = triggerOn(sandbox(), ALL);
		await trigger.activate();
		const later = newList(sandbox(), 3);
		const added = sandbox().control.contacts(later).map((contact) => contact.id);
		expect(emittedIds(await trigger.poll())).toEqual(added);
		expect(await trigger.poll()).toEqual({ items: null });
	});
});
