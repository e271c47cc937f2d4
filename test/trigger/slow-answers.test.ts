import { useNock } from '../helpers/nock';
import type { PollOutcome } from '../helpers/poll';
import { FakeList } from './fake-api';
import { emittedIds } from './helpers';
import { ServedAccount } from './served-account';
import { serve, triggerOnServed } from './served-list';

/** How late each answer comes, and n8n's poll budget, scaled down (the real one is 5 minutes). */
const ANSWER_MS = 300;
const POLL_BUDGET_MS = 4000;
/** As n8n 2.40 does, a poll is dropped at a timeout a fifth above the budget it reports. */
const timeoutOf = (budgetMs: number) => budgetMs * 1.25;

/**
 * An API that answers slowly, or another trigger on the same key (each call waits its turn behind
 * the other's), stretches every call past the credential's interval. n8n 2.x drops a
 * poll that outlasts its budget, its items and its cursor, and the next poll starts from the same
 * cursor: planned at the interval alone, a poll with a backlog was dropped again at every tick, and
 * the backlog never came out (each dropped poll still spent its calls).
 */
describe('Leadsopedia Trigger on an API that answers slowly', () => {
	useNock();

	it.each([
		// 100 ms between calls: 32 calls planned at the interval (14 to read the backlog: 5.5 s at least); at 400 ms a call or more, 8 at most.
		['100 ms between calls', 0.1, 13_500],
		// Pacing off: every page in one poll (18: 5.4 s at least); at 300 ms a call or more, 10 at most.
		['pacing off', 0, 17_500],
	])('%s: after one poll dropped for its time, polls plan their calls at the time calls take, and every contact comes out once', async (_, requestInterval, backlog) => {
		const list = new FakeList('desc');
		list.add(5);
		serve(list, undefined, ANSWER_MS);
		const trigger = triggerOnServed({ credentials: { requestInterval }, pollBudgetMs: POLL_BUDGET_MS, pollTimeoutMs: timeoutOf(POLL_BUDGET_MS), abandonsLatePolls: true });
		await trigger.activate();
		const added = list.add(backlog).map((contact) => contact.id);

		const outcomes: PollOutcome[] = [];
		const calls: number[] = [];
		for (let poll = 0; poll < 4; poll++) {
			const callsBefore = list.calls;
			outcomes.push(await trigger.poll());
			calls.push(list.calls - callsBefore);
		}

		// The first poll, planned at the interval, read the whole backlog: no answer time known yet, it took too long.
		expect(outcomes[0].abandoned).toBe(true);
		// Later polls fit in n8n's budget: no more calls than the calls of their answer time fit in four fifths of it, and a tie bridge.
		const fits = Math.floor((0.8 * POLL_BUDGET_MS) / (ANSWER_MS + requestInterval * 1000)) + 1;
		expect(calls.slice(1).filter((count) => count > fits)).toEqual([]);
		expect(outcomes.slice(1).filter((outcome) => outcome.abandoned)).toEqual([]);
		for (const outcome of outcomes) expect(outcome.error).toBeUndefined();
		const emitted = outcomes.flatMap(emittedIds);
		expect(new Set(emitted).size).toBe(emitted.length);
		expect(added.filter((id) => !emitted.includes(id))).toEqual([]);
		expect(emitted).toHaveLength(added.length);
	});

	it('after n8n restarts, the first poll with a backlog plans its calls at the time calls took before, not at the interval', async () => {
		const list = new FakeList('desc');
		list.add(5);
		serve(list, undefined, ANSWER_MS);
		const trigger = triggerOnServed({ credentials: { requestInterval: 0.1 }, pollBudgetMs: POLL_BUDGET_MS, pollTimeoutMs: timeoutOf(POLL_BUDGET_MS), abandonsLatePolls: true });
		await trigger.activate();
		// A poll of 3 pages times its calls, and emits (n8n saves the state then).
		const before = list.add(2_500).map((contact) => contact.id);
		const first = await trigger.poll();
		expect(first.abandoned).toBeUndefined();
		expect(emittedIds(first)).toEqual(before);

		// A new process: nothing it keeps in memory survives; its activation poll finds nothing new (one call: nothing timed).
		expect(await trigger.restart()).toEqual({ items: null });
		const added = list.add(13_500).map((contact) => contact.id);
		const outcomes: PollOutcome[] = [];
		for (let poll = 0; poll < 3; poll++) outcomes.push(await trigger.poll());

		// Planned at the interval, the first poll after the restart read the whole backlog and was dropped.
		expect(outcomes.filter((outcome) => outcome.abandoned)).toEqual([]);
		const emitted = outcomes.flatMap(emittedIds);
		expect(new Set(emitted).size).toBe(emitted.length);
		expect(emitted).toEqual(added);
	});

	it("two triggers on one key polled at the same time (each call waits for the other trigger's): after one round dropped for its time, both fit, and each emits every contact once", async () => {
		const list = new FakeList('desc');
		list.add(5);
		serve(list);
		// 300 ms between calls, n8n's budget 6 s: 16 calls planned at the interval, each taking 600 ms beside the other trigger (16 each: 9.3 s at least).
		const triggers = [0, 1].map(() => triggerOnServed({ credentials: { requestInterval: 0.3 }, pollBudgetMs: 6000, pollTimeoutMs: timeoutOf(6000), abandonsLatePolls: true }));
		for (const trigger of triggers) await trigger.activate();
		const added = list.add(14_500).map((contact) => contact.id);

		const rounds: PollOutcome[][] = [];
		for (let round = 0; round < 4; round++) rounds.push(await Promise.all(triggers.map(async (trigger) => await trigger.poll())));

		expect(rounds[0].map((outcome) => outcome.abandoned)).toEqual([true, true]);
		expect(rounds.slice(1).flat().filter((outcome) => outcome.abandoned)).toEqual([]);
		for (const [index] of triggers.entries()) {
			const emitted = rounds.flatMap((round) => emittedIds(round[index]));
			expect(new Set(emitted).size).toBe(emitted.length);
			expect(added.filter((id) => !emitted.includes(id))).toEqual([]);
			expect(emitted).toHaveLength(added.length);
		}
	});

	it('two triggers watching every list of one key, polled at the same time: after one round dropped for its time, both fit, and each emits every contact once', async () => {
		const account = new ServedAccount();
		const lists = ['1', '2', '3'].map((id) => account.add(id, 5));
		// As above; 16 calls each planned at the interval, /mylists and 15 pages (9.3 s at least).
		const triggers = [0, 1].map(() => account.trigger(undefined, { credentials: { requestInterval: 0.3 }, pollBudgetMs: 6000, pollTimeoutMs: timeoutOf(6000), abandonsLatePolls: true }));
		for (const trigger of triggers) await trigger.activate();
		const added = lists.flatMap((list, index) => list.add(4_000).map((contact) => `${index + 1}:${String(contact.id)}`));

		const rounds: PollOutcome[][] = [];
		for (let round = 0; round < 5; round++) rounds.push(await Promise.all(triggers.map(async (trigger) => await trigger.poll())));

		expect(rounds[0].map((outcome) => outcome.abandoned)).toEqual([true, true]);
		expect(rounds.slice(1).flat().filter((outcome) => outcome.abandoned)).toEqual([]);
		for (const [index] of triggers.entries()) {
			const emitted = rounds.flatMap((round) => (round[index].items ?? []).map((item) => `${String(item.json.list_id)}:${String(item.json.id)}`));
			expect(new Set(emitted).size).toBe(emitted.length);
			expect(added.filter((key) => !emitted.includes(key))).toEqual([]);
			expect(emitted).toHaveLength(added.length);
		}
	});
});
