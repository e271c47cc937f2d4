import { useNock } from '../helpers/nock';
import { FakeList, type ApiOrder } from './fake-api';
import { drain } from './helpers';
import { serve, triggerOnServed } from './served-list';

/**
 * Issue 20 point 11: a one-second import whose ids interleave with another list's import
 * (every other id) stored one id range per contact: the saved state grew with the import.
 */
describe.each<ApiOrder>(['asc', 'desc'])('Leadsopedia Trigger (%s) after a one-second import with interleaved ids', (order) => {
	useNock();

	it('emits each contact once and keeps the saved state small', async () => {
		const list = new FakeList(order);
		list.add(3);
		serve(list);
		const trigger = triggerOnServed();
		await trigger.activate();
		list.idGap = 1;
		const imported = [...list.add(1), ...list.add(9999, true)].map((contact) => contact.id);
		expect(await drain(trigger)).toEqual(imported);
		// One bit per id of the import's span (about 20,000 ids) instead of one range per contact.
		expect(JSON.stringify(trigger.savedState()).length).toBeLessThan(4_000);
	});
});
