import { useNock } from '../helpers/nock';
import { FakeList, type ApiOrder } from './fake-api';
import { drain, emittedIds } from './helpers';
import { serve, triggerOnServed } from './served-list';

/** Pages of 2 (the API's cap), so that contacts of one second span pages. */
function smallPages(order: ApiOrder, count: number): FakeList {
	const list = new FakeList(order);
	list.pageCap = 2;
	list.add(count);
	serve(list);
	return list;
}

describe.each<ApiOrder>(['asc', 'desc'])('Leadsopedia Trigger (%s) with contacts added in the same second', (order) => {
	useNock();

	it('emits each once, whatever the order of ids among contacts of one second', async () => {
		const list = smallPages(order, 3);
		const trigger = triggerOnServed();
		await trigger.activate();
		const tied = list.add(3, true).map((contact) => contact.id);
		const first = await trigger.poll();
		expect(first.error).toBeUndefined();
		expect(emittedIds(first)).toEqual(tied);
		// More in the same second as the cursor: new, though they sort among the contacts already emitted.
		const later = list.add(3, true).map((contact) => contact.id);
		const next = list.add(2).map((contact) => contact.id);
		expect(await drain(trigger)).toEqual([...later, ...next]);
	});
});

describe('Leadsopedia Trigger when the API changes its order', () => {
	useNock();

	it('decides the order from a page with two distinct dates, not from a page of one contact', async () => {
		// 1,001 contacts oldest first: the cursor is alone on page 2.
		const list = new FakeList('asc');
		list.add(1001);
		serve(list);
		const trigger = triggerOnServed();
		await trigger.activate();
		// Newest first now, one contact more and the oldest gone: the page the cursor was on holds one contact.
		list.order = 'desc';
		const added = list.add(1).map((contact) => contact.id);
		list.remove(list.contacts[0].id as number);
		expect(emittedIds(await trigger.poll())).toEqual(added);
		const more = list.add(1).map((contact) => contact.id);
		expect(emittedIds(await trigger.poll())).toEqual(more);
	});
});
