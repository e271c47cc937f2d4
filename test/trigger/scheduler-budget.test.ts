import { useNock } from '../helpers/nock';
import type { PollOutcome } from '../helpers/poll';
import { FakeList, type ApiOrder } from './fake-api';
import { emittedIds } from './helpers';
import { ServedAccount } from './served-account';
import { serve, triggerOnServed } from './served-list';

/**
 * n8n 2.40's scheduler for poll triggers at its defaults, scaled down: 10 s between calls, a
 * budget reported of 36 s (2 calls a poll) and a poll dropped at 45 s, its items and its cursor.
 * Here 0.5 s between calls, 1.8 s and 2.25 s: a poll of 4 calls fits, one of 6 never does.
 */
const INTERVAL_S = 0.5;
const POLL_BUDGET_MS = 1800;
const POLL_TIMEOUT_MS = 2250;

/**
 * A CSV import read whole and sealed (sealed-second.ts), then contacts after it: before the cursor
 * moves past the sealed second, that second is read whole again. In the poll whose walk showed
 * it, that read made a poll of 6 calls: dropped, and the next one, from the same cursor, was the
 * same: nothing came out, for good, each dropped poll still spending its calls.
 */
describe.each<ApiOrder>(['asc', 'desc'])('Leadsopedia Trigger (%s) under n8n\'s scheduler at its defaults', (order) => {
	useNock();

	it('a 2,261-contact import in one second, read and sealed, then 1,500 contacts: none of its polls is dropped, and every contact comes out once', async () => {
		const list = new FakeList(order);
		list.add(10);
		serve(list);
		const trigger = triggerOnServed({ credentials: { requestInterval: INTERVAL_S }, pollBudgetMs: POLL_BUDGET_MS, pollTimeoutMs: POLL_TIMEOUT_MS, abandonsLatePolls: true });
		await trigger.activate();
		const outcomes: PollOutcome[] = [];
		const calls: number[] = [];
		const poll = async (polls: number) => {
			for (let index = 0; index < polls; index++) {
				const before = list.calls;
				outcomes.push(await trigger.poll());
				calls.push(list.calls - before);
			}
		};
		const imported = [...list.add(1), ...list.add(2_260, true)].map((contact) => contact.id);
		await poll(4);
		const after = list.add(1_500).map((contact) => contact.id);
		await poll(6);

		expect(outcomes.filter((outcome) => outcome.abandoned)).toEqual([]);
		expect(calls.filter((count) => count > 4)).toEqual([]);
		for (const outcome of outcomes) expect(outcome.error).toBeUndefined();
		const emitted = outcomes.flatMap(emittedIds);
		const added = [...imported, ...after];
		expect(added.filter((id) => !emitted.includes(id))).toEqual([]);
		expect(new Set(emitted).size).toBe(emitted.length);
		expect(emitted).toHaveLength(added.length);
	}, 120_000);
});

/**
 * Watch All Lists (GET /mylists a call of each poll), oldest first: a list that is one CSV
 * import throughout (one second, its order unknown, sealed), then a contact. The poll that found
 * it spent 6 calls: GET /mylists, the list's two ends for the order, then its walk read the
 * newest end again and the cursor's page twice. Dropped, and so the next, for good.
 */
describe("Leadsopedia Trigger (asc) watching every list under n8n's scheduler at its defaults", () => {
	useNock();

	it('a list that is a 3,000-contact import in one second, then a contact: no poll is dropped, and the contact comes out once', async () => {
		const account = new ServedAccount('asc');
		const bulk = account.add('1');
		bulk.add(1);
		bulk.add(2_999, true);
		account.add('2');
		const trigger = account.trigger(undefined, { credentials: { requestInterval: INTERVAL_S }, pollBudgetMs: POLL_BUDGET_MS, pollTimeoutMs: POLL_TIMEOUT_MS, abandonsLatePolls: true });
		expect((await trigger.activate()).error).toBeUndefined();
		const outcomes: PollOutcome[] = [await trigger.poll()];
		const added = bulk.add(1).map((contact) => contact.id);
		for (let poll = 0; poll < 3; poll++) outcomes.push(await trigger.poll());

		expect(outcomes.filter((outcome) => outcome.abandoned)).toEqual([]);
		for (const outcome of outcomes) expect(outcome.error).toBeUndefined();
		expect(outcomes.flatMap(emittedIds)).toEqual(added);
	}, 120_000);
});
