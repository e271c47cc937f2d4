import { useNock } from '../helpers/nock';
import { FakeList } from './fake-api';
import { drain } from './helpers';
import { serve, triggerOnServed } from './served-list';

/**
 * Pages capped at 500 while the envelope echoes the asked `limit: 1000`, oldest first: when
 * deletions make the page the cursor was on the list's last one, that short page does not
 * give the page size (the pages before it do).
 */
describe('Leadsopedia Trigger (asc) on capped pages when the first page it reads is the short last one', () => {
	useNock();

	it('emits the contacts added after 500 of the oldest were deleted, once', async () => {
		const list = new FakeList('asc');
		list.pageCap = 500;
		const old = list.add(1200);
		serve(list, { statesLimit: true, statesPages: true, echoesLimit: true });
		const trigger = triggerOnServed();
		await trigger.activate();
		for (const contact of old.slice(0, 500)) list.remove(contact.id as number);
		const added = list.add(3).map((contact) => contact.id);
		expect(await drain(trigger)).toEqual(added);
	});
});
