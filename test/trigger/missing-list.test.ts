import { MISSING_KEPT_MS } from '../../nodes/Leadsopedia/trigger/rotation';
import { useNock } from '../helpers/nock';
import { useTriggerClock } from './clock';
import { emittedIds } from './helpers';
import { ServedAccount } from './served-account';

/** Watch All Lists and a list missing from GET /mylists for a while (a deletion between its page calls, a cap). */
describe('Watch All Lists and a list missing from /mylists', () => {
	useNock();
	const clock = useTriggerClock();

	it('keeps its cursor however many polls it misses: back, only what was added meanwhile comes out', async () => {
		const account = new ServedAccount();
		const seven = account.add('7', 3);
		account.add('8', 3);
		const trigger = account.trigger();
		await trigger.activate();
		account.hidden.add('7');
		// Polling every minute, 60 polls are an hour.
		for (let poll = 0; poll < 60; poll++) expect(await trigger.poll()).toEqual({ items: null });
		account.hidden.delete('7');
		const added = seven.add(1).map((contact) => contact.id);
		expect(emittedIds(await trigger.poll())).toEqual(added);
	});

	it(`lets it go after ${MISSING_KEPT_MS / 86_400_000} days missing, so deleted lists do not grow the state`, async () => {
		const account = new ServedAccount();
		account.add('7', 3);
		account.add('8', 3);
		const trigger = account.trigger();
		await trigger.activate();
		account.hidden.add('7');
		await trigger.poll();
		clock.set(MISSING_KEPT_MS - 1);
		await trigger.poll();
		expect(Object.keys((trigger.memoryState()['node:Leadsopedia Trigger'] as { cursor: { lists: object } }).cursor.lists)).toEqual(['7', '8']);
		clock.set(MISSING_KEPT_MS + 1);
		await trigger.poll();
		expect(Object.keys((trigger.memoryState()['node:Leadsopedia Trigger'] as { cursor: { lists: object } }).cursor.lists)).toEqual(['8']);
	});
});
