import { useNock } from '../helpers/nock';
import { FakeList, type ApiOrder } from './fake-api';
import { drain, emittedIds } from './helpers';
import { serve, triggerOnServed } from './served-list';

/**
 * Issue 20 point 7: an API that caps pages at 500 while its envelope echoes the asked
 * `limit: 1000` (its pagesCount and its full pages say 500).
 */
describe.each<ApiOrder>(['asc', 'desc'])('Leadsopedia Trigger (%s) on pages capped below the limit asked, the envelope echoing it', (order) => {
	useNock();

	it('emits every contact added after activation, once, and none that was there', async () => {
		const list = new FakeList(order);
		list.pageCap = 500;
		list.add(500);
		serve(list, { statesLimit: true, statesPages: true, echoesLimit: true });
		const trigger = triggerOnServed();
		await trigger.activate();
		const added = list.add(1000).map((contact) => contact.id);
		const first = await trigger.poll();
		expect(first.error).toBeUndefined();
		expect(await drain(trigger, first)).toEqual(added);
		const later = list.add(3).map((contact) => contact.id);
		expect(emittedIds(await trigger.poll())).toEqual(later);
	});
});
