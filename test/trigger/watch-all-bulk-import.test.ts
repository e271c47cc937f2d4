import { useNock } from '../helpers/nock';
import type { ApiOrder } from './fake-api';
import { emittedIds } from './helpers';
import { ServedAccount } from './served-account';

/**
 * Issue 20 point 1, Watch All Lists: the last list holds a 3,000-contact one-second import,
 * and activation's budget runs out before it. The contacts added to it afterwards come out,
 * each once, and the account then polls idle. (Read from the floor, the list also gives the
 * import dated after the newest contact activation read elsewhere: README, Activation.)
 */
describe.each<ApiOrder>(['desc', 'asc'])('Leadsopedia Trigger (%s) watching every list, the last one a 3,000-contact one-second import', (order) => {
	useNock();

	// With 10 to 30 lists before it, activation reads the import in part, or not at all.
	it.each([10, 21, 30])('after %i other lists: emits the contacts added to it after activation, each once, then polls idle', async (others) => {
		const account = new ServedAccount(order);
		for (let index = 1; index <= others; index++) account.add(String(index), 10);
		const bulk = account.add(String(others + 1), 10);
		bulk.add(1);
		bulk.add(2_999, true);
		// The default budget (24 calls a poll), scaled down: 300 ms at 10 ms between calls.
		const trigger = account.trigger(undefined, { credentials: { requestInterval: 0.01 }, pollBudgetMs: 300 });
		expect((await trigger.activate()).error).toBeUndefined();
		const added = bulk.add(5).map((contact) => contact.id);
		const emitted: unknown[] = [];
		for (let poll = 0; poll < 8; poll++) {
			const outcome = await trigger.poll();
			expect(outcome.error).toBeUndefined();
			emitted.push(...emittedIds(outcome));
		}
		expect(new Set(emitted).size).toBe(emitted.length);
		expect(emitted.slice(-added.length)).toEqual(added);
		expect(emitted.length).toBeLessThanOrEqual(3_000 + added.length);
		account.takeCalls();
		expect((await trigger.poll()).items).toBeNull();
		expect(account.takeCalls().filter((line) => line.includes('/contacts')).length).toBeLessThanOrEqual(2);
	});
});
