import { useNock } from '../helpers/nock';
import { FakeList, type ApiOrder } from './fake-api';
import { emittedIds } from './helpers';
import { serve, triggerOnServed } from './served-list';

/**
 * Issue 20 point 6: an import committed late but dated when it started, older than the
 * newest contact already emitted. Its contacts sort among older ones, below where the walk
 * stops; the list's count below the cursor grows, and their ids are larger than any seen.
 */
describe.each<ApiOrder>(['desc', 'asc'])('Leadsopedia Trigger (%s) and an import dated before the newest contact emitted', (order) => {
	useNock();

	it.each([
		['a second apart, 50 contacts', 50, false],
		['in one second, 50 contacts', 50, true],
		['in one second, 2,500 contacts (pages of 1,000)', 2_500, true],
	])('emits its contacts (%s), each once, with the contacts added around it', async (_, size, oneSecond) => {
		const list = new FakeList(order);
		const early = list.add(3_000);
		serve(list);
		// The default budget (24 calls a poll), scaled down: 300 ms at 10 ms between calls.
		const trigger = triggerOnServed({ credentials: { requestInterval: 0.01 }, pollBudgetMs: 300 });
		await trigger.activate();
		const added = list.add(3).map((contact) => contact.id);
		const emitted = emittedIds(await trigger.poll());
		// Dated when it started, an hour of contacts before the newest: among the contacts of the list's last 1,500 seconds.
		const start = Date.parse(early[1_500].date_added as string);
		for (let index = 0; index < size; index++) added.push(list.addDated(start + (oneSecond ? 0 : index * 1000)).id);
		added.push(...list.add(2).map((contact) => contact.id));
		for (let poll = 0; poll < 6; poll++) {
			const outcome = await trigger.poll();
			expect(outcome.error).toBeUndefined();
			emitted.push(...emittedIds(outcome));
		}
		expect(new Set(emitted).size).toBe(emitted.length);
		expect(added.filter((id) => !emitted.includes(id))).toEqual([]);
		expect(emitted).toHaveLength(added.length);
	});
});
