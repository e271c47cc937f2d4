import { useNock } from '../helpers/nock';
import { FakeList, type ApiOrder } from './fake-api';
import { emittedIds } from './helpers';
import { serve, triggerOnServed } from './served-list';

/**
 * Issue 20 points 1 and 3: one-second imports larger than a poll's budget (30 pages at the
 * default 24 calls), at activation or after it, in both orders and both orders of ids inside
 * the second. Every contact added after activation comes out once; idle polls cost at most 2
 * calls (sealed-second.ts); contacts added late to a sealed import still come out.
 */
describe.each<[ApiOrder, 'ascending' | 'descending']>([
	['desc', 'ascending'],
	['desc', 'descending'],
	['asc', 'ascending'],
	['asc', 'descending'],
])('Leadsopedia Trigger (%s, ids %s within a second) and one-second imports', (order, tieIds) => {
	useNock();

	/** A list of `before` contacts a second apart, served in this order, and the trigger on it, activated. */
	async function activated(before: (list: FakeList) => void) {
		const list = new FakeList(order);
		list.tieIds = tieIds;
		before(list);
		serve(list);
		// The default budget (24 calls a poll), scaled down: 300 ms at 10 ms between calls.
		const trigger = triggerOnServed({ credentials: { requestInterval: 0.01 }, pollBudgetMs: 300 });
		await trigger.activate();
		const emitted: unknown[] = [];
		const calls: number[] = [];
		/** Polls `polls` times, running `between(poll)` before each; records what came out and the calls. */
		const poll = async (polls: number, between: (poll: number) => void = () => {}) => {
			for (let index = 0; index < polls; index++) {
				between(index);
				const callsBefore = list.calls;
				const outcome = await trigger.poll();
				expect(outcome.error).toBeUndefined();
				emitted.push(...emittedIds(outcome));
				calls.push(list.calls - callsBefore);
			}
		};
		return { list, emitted, calls, poll };
	}

	const ids = (contacts: { id?: unknown }[]) => contacts.map((contact) => contact.id);

	function expectEachOnce(emitted: unknown[], added: unknown[]): void {
		expect(new Set(emitted).size).toBe(emitted.length);
		expect(added.filter((id) => !emitted.includes(id))).toEqual([]);
		expect(emitted).toHaveLength(added.length);
	}

	it('emits the contacts added after a 30,000-contact import that was the newest second at activation, then polls idle', async () => {
		const { list, emitted, calls, poll } = await activated((list) => {
			list.add(10);
			list.add(1);
			list.add(29_999, true);
		});
		const added = ids(list.add(5));
		await poll(6);
		expect(emitted).toEqual(added);
		expect(calls.slice(-3).every((count) => count <= 2)).toBe(true);
	});

	// A new list (activated empty), then one CSV import of 30 pages: read round over polls, the list was sealed only when
	// one poll read it whole, which none can at 24 calls: every poll read 24 pages round, for good (24, 24, 24, 24, 24, 24).
	// A round that comes round over polls seals it: 24, 24, 3, then idle.
	it('a new list then a 30,000-contact import: every contact comes out once, then idle polls cost at most 2 calls', async () => {
		const { list, emitted, calls, poll } = await activated(() => {});
		const added = ids([...list.add(1), ...list.add(29_999, true)]);
		await poll(6);
		expectEachOnce(emitted, added);
		expect(calls.slice(-3).every((count) => count <= 2)).toBe(true);
	});

	// Activation reads a list of one second throughout whole when its pages fit its budget (22 here), but cannot see its
	// order. Oldest first, the read of that second whole again before the cursor moves past it started from the cursor's
	// hint, not where the second begins, and read the whole list in one poll: 28 calls (26 at 20,000). Activation now
	// records that the second begins at the oldest end; the read starts there and goes on over polls within the budget:
	// 24, then 6. (Newest first, 23 calls then and now.)
	it.each([22_000])('emits the contacts added after a list of one second throughout at activation (%i contacts, its order unknown), no poll past the budget and the first tie bridge', async (size) => {
		const { list, emitted, calls, poll } = await activated((list) => {
			list.add(1);
			list.add(size - 1, true);
		});
		const added = ids(list.add(5));
		await poll(6);
		expect(emitted).toEqual(added);
		expect(calls.filter((count) => count > 25)).toEqual([]);
		expect(calls.slice(-3).every((count) => count <= 2)).toBe(true);
	});

	it.each([0, 5])('emits a 30,000-contact import added after activation and the %i contacts after it, each once, then polls idle', async (later) => {
		const { list, emitted, calls, poll } = await activated((list) => list.add(10));
		const added = ids([...list.add(1), ...list.add(29_999, true)]);
		await poll(12, (index) => {
			if (index === 1) added.push(...ids(list.add(later)));
		});
		expectEachOnce(emitted, added);
		expect(calls.slice(-3).every((count) => count <= 2)).toBe(true);
	});

	it('emits contacts added late to a sealed one-second import (an import still running), with or without newer ones', async () => {
		const { list, emitted, poll } = await activated((list) => list.add(10));
		const added = ids([...list.add(1), ...list.add(2_999, true)]);
		await poll(2);
		// The import goes on in its second; later a contact of a new second comes too.
		added.push(...ids(list.add(7, true)));
		await poll(2);
		added.push(...ids(list.add(3, true)), ...ids(list.add(1)));
		await poll(2);
		expectEachOnce(emitted, added);
	});
});
