import { useNock } from '../helpers/nock';
import { FakeList, type ApiOrder } from './fake-api';
import { drain, emittedIds } from './helpers';
import { serve, triggerOnServed, type Envelope } from './served-list';

/** Envelopes that leave out what the trigger would like to know, from a list in memory. */
describe.each<ApiOrder>(['asc', 'desc'])('Leadsopedia Trigger (%s) on envelopes without pagesCount or with a capped page size', (order) => {
	useNock();

	it.each<[string, number, Envelope]>([
		['pagesCount null', Infinity, { statesLimit: true, statesPages: false }],
		['pages capped at 500, stated', 500, { statesLimit: true, statesPages: true }],
		['pages capped at 500, pagesCount null', 500, { statesLimit: true, statesPages: false }],
		['pages capped at 500, neither limit nor pagesCount stated', 500, { statesLimit: false, statesPages: false }],
	])('1,500 contacts, %s: new contacts come out once', async (_case, cap, envelope) => {
		const list = new FakeList(order);
		list.pageCap = cap;
		list.add(1500);
		serve(list, envelope);
		const trigger = triggerOnServed();
		await trigger.activate();
		expect(await trigger.poll()).toEqual({ items: null });
		const added = list.add(3).map((contact) => contact.id);
		expect(emittedIds(await trigger.poll())).toEqual(added);
		const more = list.add(1200).map((contact) => contact.id);
		expect(await drain(trigger)).toEqual(more);
	});
});
