import { useNock } from '../helpers/nock';
import { FakeList, type ApiOrder } from './fake-api';
import { drain } from './helpers';
import { serve, triggerOnServed } from './served-list';

/**
 * Issue 20 point 2: MySQL's ORDER BY date_added LIMIT … OFFSET … may order contacts of one
 * second differently on every request. Two pages split such a second at random each time they
 * are read: a contact seen on both does not prove that none of that second fell between them.
 */
describe.each<ApiOrder>(['asc', 'desc'])('Leadsopedia Trigger (%s) when contacts of one second come in a new order on every request', (order) => {
	useNock();

	it('emits each contact of a 600-contact one-second import across a page boundary, once', async () => {
		const list = new FakeList(order);
		list.tieSeed = 20;
		list.add(700);
		serve(list);
		const trigger = triggerOnServed();
		await trigger.activate();
		const added = [...list.add(600, true), ...list.add(700)].map((contact) => contact.id);
		const emitted = await drain(trigger);
		expect(new Set(emitted).size).toBe(emitted.length);
		expect(added.filter((id) => !emitted.includes(id))).toEqual([]);
		expect(emitted).toHaveLength(added.length);
	});
});
