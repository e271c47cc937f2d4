import { useNock } from '../helpers/nock';
import { FakeList, type ApiOrder } from './fake-api';
import { emittedIds } from './helpers';
import { serve, triggerOnServed } from './served-list';

/**
 * Issue 20 point 1: a one-second import larger than a poll's budget (30 pages at the default
 * 24 calls) as the newest second at activation. The contacts added after it must come out,
 * each once, within a few polls, whatever the order of ids inside that second.
 */
describe.each<[ApiOrder, 'ascending' | 'descending']>([
	['desc', 'ascending'],
	['desc', 'descending'],
	['asc', 'ascending'],
	['asc', 'descending'],
])('Leadsopedia Trigger (%s, ids %s within a second) behind a 30,000-contact one-second import', (order, tieIds) => {
	useNock();

	it('emits the contacts added after activation, each once, and then polls idle', async () => {
		const list = new FakeList(order);
		list.tieIds = tieIds;
		list.add(10);
		list.add(1);
		list.add(29_999, true);
		serve(list);
		const trigger = triggerOnServed({ credentials: { requestInterval: 0.01 }, pollBudgetMs: 300 });
		await trigger.activate();
		const added = list.add(5).map((contact) => contact.id);
		const emitted: unknown[] = [];
		const calls: number[] = [];
		for (let poll = 0; poll < 6; poll++) {
			const before = list.calls;
			const outcome = await trigger.poll();
			expect(outcome.error).toBeUndefined();
			emitted.push(...emittedIds(outcome));
			calls.push(list.calls - before);
		}
		expect(emitted).toEqual(added);
		// Once out, an idle poll costs at most 2 calls (the true minimum for a list whose newest second spans pages).
		expect(calls.slice(-3).every((count) => count <= 2)).toBe(true);
	});

	it.each([0, 5])('emits a 30,000-contact one-second import added after activation and the %i contacts after it, each once, then polls idle', async (later) => {
		const list = new FakeList(order);
		list.tieIds = tieIds;
		list.add(10);
		serve(list);
		const trigger = triggerOnServed({ credentials: { requestInterval: 0.01 }, pollBudgetMs: 300 });
		await trigger.activate();
		const added = [...list.add(1), ...list.add(29_999, true)].map((contact) => contact.id);
		const emitted: unknown[] = [];
		const calls: number[] = [];
		for (let poll = 0; poll < 12; poll++) {
			if (poll === 1) added.push(...list.add(later).map((contact) => contact.id));
			const before = list.calls;
			const outcome = await trigger.poll();
			expect(outcome.error).toBeUndefined();
			emitted.push(...emittedIds(outcome));
			calls.push(list.calls - before);
		}
		expect(new Set(emitted).size).toBe(emitted.length);
		expect(added.filter((id) => !emitted.includes(id))).toEqual([]);
		expect(emitted).toHaveLength(added.length);
		expect(calls.slice(-3).every((count) => count <= 2)).toBe(true);
	});

	it('emits contacts added late to a sealed one-second import (an import still running), with or without newer ones', async () => {
		const list = new FakeList(order);
		list.tieIds = tieIds;
		list.add(10);
		serve(list);
		const trigger = triggerOnServed({ credentials: { requestInterval: 0.01 }, pollBudgetMs: 300 });
		await trigger.activate();
		const added = [...list.add(1), ...list.add(2_999, true)].map((contact) => contact.id);
		const emitted: unknown[] = [];
		const drainPolls = async (polls: number) => {
			for (let poll = 0; poll < polls; poll++) {
				const outcome = await trigger.poll();
				expect(outcome.error).toBeUndefined();
				emitted.push(...emittedIds(outcome));
			}
		};
		await drainPolls(2);
		// The import goes on in its second; later a contact of a new second comes too.
		added.push(...list.add(7, true).map((contact) => contact.id));
		await drainPolls(2);
		added.push(...list.add(3, true).map((contact) => contact.id), ...list.add(1).map((contact) => contact.id));
		await drainPolls(2);
		expect(new Set(emitted).size).toBe(emitted.length);
		expect(added.filter((id) => !emitted.includes(id))).toEqual([]);
		expect(emitted).toHaveLength(added.length);
	});
});
