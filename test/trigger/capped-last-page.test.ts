import { useNock } from '../helpers/nock';
import { FakeList } from './fake-api';
import { drain } from './helpers';
import { serve, triggerOnServed } from './served-list';

/**
 * Pages capped at 500 while the envelope echoes the asked `limit: 1000`, oldest first: when
 * deletions make the page the cursor was last seen on (page 2 of 1000) the list's short last
 * page, that page does not give the page size (the pages before it do).
 */
describe('Leadsopedia Trigger (asc) on capped pages when the first page it reads is the short last one', () => {
	useNock();

	it('emits an import of 600 in the second of the last contact seen, after every older contact was deleted', async () => {
		const list = new FakeList('asc');
		list.pageCap = 500;
		const old = list.add(1200);
		serve(list, { statesLimit: true, statesPages: true, echoesLimit: true });
		const trigger = triggerOnServed();
		await trigger.activate();
		// The list is now one second throughout: its order cannot be read, only its pages counted.
		const added = list.add(600, true).map((contact) => contact.id);
		for (const contact of old) list.remove(contact.id as number);
		expect([...(await drain(trigger))].sort()).toEqual([...added].sort());
	});
});
