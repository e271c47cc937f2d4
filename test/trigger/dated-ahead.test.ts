import { useNock } from '../helpers/nock';
import { FakeList, type ApiOrder } from './fake-api';
import { drain, emittedIds } from './helpers';
import { serve, triggerOnServed } from './served-list';

const DAY = 24 * 3600_000;

/** Issue 20 point 6: a contact dated a day ahead hid every later contact until that day. */
describe.each<ApiOrder>(['asc', 'desc'])('Leadsopedia Trigger (%s) after a contact dated ahead of time', (order) => {
	useNock();

	it('emits it, and the contacts added after it, each once', async () => {
		const list = new FakeList(order);
		list.add(3);
		serve(list);
		const trigger = triggerOnServed();
		await trigger.activate();
		const ahead = list.addDated(Date.now() + DAY);
		expect(emittedIds(await trigger.poll())).toEqual([ahead.id]);
		const later = list.add(4).map((contact) => contact.id);
		expect(await drain(trigger)).toEqual(later);
		const more = list.add(2).map((contact) => contact.id);
		expect(emittedIds(await trigger.poll())).toEqual(more);
	});
});
