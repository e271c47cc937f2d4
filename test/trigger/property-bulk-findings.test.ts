import { MAX_PAGE_SIZE } from '../../nodes/Leadsopedia/shared/pagination';
import { recordPositions } from '../../nodes/Leadsopedia/trigger/activate';
import { pollWatched, type Watched } from '../../nodes/Leadsopedia/trigger/watch';
import { FakeList, type ApiOrder, type TieIds } from './fake-api';

/**
 * Histories the bulk randomized test (property-bulk.test.ts) found, shrunk and written out:
 * Watch All Lists, pages of 1,000, one-second imports. Each states what a user should get; those
 * that fail today are marked `it.failing` (when a fix makes one pass, make it a plain `it`).
 */

/**
 * Lists served in memory, each in its own order; the calls of every poll counted (/mylists is one).
 * `during(call)` runs before the poll's call number `call` (2 and on: the pages) is answered.
 */
function account(lists: FakeList[], during: (call: number) => void = () => {}) {
	let calls = 0;
	const watched: Watched = {
		scope: 'all',
		lists: async () => {
			calls = 1;
			return { lists: lists.map((list, index) => ({ id: String(index), total: list.contacts.length })), calls: 1 };
		},
		source: (listId) => ({
			malformed: (message) => new Error(message),
			page: async (page, limit) => {
				calls++;
				during(calls);
				return lists[Number(listId)].answer(page, limit);
			},
		}),
	};
	return { watched, calls: () => calls };
}

/** A one-second import: `count` contacts in a new second. */
function imported(list: FakeList, count: number): void {
	list.add(1);
	list.add(count - 1, true);
}

/**
 * Activation (within any budget, as the randomized test does it), then `between(poll)` and a
 * poll at `maxCalls`, at each of `hours` after activation, `during(poll, call)` before each of
 * its pages is answered: the calls of each poll and the ids emitted.
 */
async function history(lists: FakeList[], maxCalls: number, hours: number[], between: (poll: number) => void, during?: (poll: number, call: number) => void) {
	let poll = 0;
	const { watched, calls } = account(lists, (call) => during?.(poll, call));
	let state = await recordPositions(watched, { limits: { pageSize: MAX_PAGE_SIZE, maxCalls: Infinity }, now: 0 });
	const spent: number[] = [];
	const emitted: string[] = [];
	for (const [index, hour] of hours.entries()) {
		poll = index + 1;
		between(poll);
		const result = await pollWatched(watched, state, { pageSize: MAX_PAGE_SIZE, maxCalls }, hour * 3_600_000);
		state = result.state;
		spent.push(calls());
		emitted.push(...result.found.map((found) => `${found.listId}:${String(found.contact.id)}`));
	}
	return { spent, emitted };
}

describe.each<ApiOrder>(['desc', 'asc'])('A 30,000-contact one-second import after activation, order %s, the default budget of 24 calls', (order) => {
	// Shrunk from seed 20260415, and one-second-block.test.ts's second case counted. The import's 30 pages are read over
	// two polls (sweep.ts), then the list is sealed and idle again (1 call).
	it.each([
		// Was 24, 33, 1, 32, 1 newest first and 24, 35, 1, 32, 1 oldest first: before the cursor moved past the import
		// (its contacts not all read yet, then the 5 after it), the walk read all of its 30 pages in one poll.
		// Now 24, 15, 1, 24, 12, 1 newest first and 24, 14, 1, 24, 15, 1 oldest first.
		['when 5 contacts come after it', [1, 2, 3, 4, 5, 6], 5],
		// Was 24, 33, 1, 33 newest first and 24, 35, 1, 33 oldest first: the sealed import's daily read, a day later.
		// Now 24, 15, 1, 24, 15, 1 newest first and 24, 14, 1, 24, 14, 1 oldest first.
		['at its daily read', [1, 2, 3, 27, 28, 29], 0],
	])('no poll spends more than the budget and the first tie bridge (25 calls), %s', async (_, hours, after) => {
		const list = new FakeList(order);
		list.add(10);
		const { spent, emitted } = await history([list], 24, hours as number[], (poll) => {
			if (poll === 1) imported(list, 30_000);
			if (poll === 4) list.add(after as number);
		});
		expect(emitted).toHaveLength(30_000 + (after as number));
		expect(spent.filter((calls) => calls > 25)).toEqual([]);
		expect(spent[spent.length - 1]).toBe(1);
	});

	/** The import's second: that of the list's 11th contact (10 before it). */
	const importSecond = (list: FakeList) => Date.parse(list.contacts[10].date_added as string);

	// What may change between the two polls that read the import before the cursor moves past it. Where the read stopped
	// stands after additions above it and deletions below the import; after an addition below it, a deletion in the import
	// below it, or a turn of the API's order, a poll finds it changed (up to 24 calls, nothing out) and the read starts
	// again from below the import the next (24, then 12 to 14 calls).
	it.each<[string, (list: FakeList) => void, number]>([
		['3 contacts added to its second (an import committed late)', (list) => [1, 2, 3].forEach(() => list.addDated(importSecond(list))), 3],
		// Newest first the one added sorts at its second's oldest end (in the order added), below where the read stopped,
		// and the deletion leaves that contact where it stood: where the second begins shows it.
		['a contact added to its second and one below it deleted', (list) => (list.addDated(importSecond(list)), list.contacts.splice(3, 1)), 1],
		['a contact below it deleted', (list) => list.contacts.splice(3, 1), 0],
		['one of its contacts deleted', (list) => list.contacts.splice(5_000, 1), 0],
		['a contact dated in the first second added (a late import)', (list) => list.addDated(Date.parse(list.contacts[0].date_added as string)), 1],
		["the API's order turned", (list) => (list.order = list.order === 'asc' ? 'desc' : 'asc'), 0],
	])('%s between the two polls that read it: every contact after activation comes out once, within the budget', async (_, change, added) => {
		const list = new FakeList(order);
		list.add(10);
		const { spent, emitted } = await history([list], 24, [1, 2, 3, 4, 5, 6, 7, 8], (poll) => {
			if (poll === 1) imported(list, 30_000);
			if (poll === 4) list.add(5);
			if (poll === 5) change(list);
		});
		expect(emitted).toHaveLength(30_000 + 5 + added);
		expect(new Set(emitted).size).toBe(emitted.length);
		expect(spent.filter((calls) => calls > 25)).toEqual([]);
	});
});

describe.each<ApiOrder>(['desc', 'asc'])('A 30,000-contact one-second import read whole at activation (its budget unbounded, as here), order %s', (order) => {
	// The sealed import read whole again before the cursor moves past it started from the list's newest end: 32 calls.
	it('the 5 contacts after it come out within the budget (24 then 12 to 15 calls)', async () => {
		const list = new FakeList(order);
		list.add(10);
		imported(list, 30_000);
		const { spent, emitted } = await history([list], 24, [1, 2, 3, 4], (poll) => {
			if (poll === 2) list.add(5);
		});
		expect(emitted).toHaveLength(5);
		expect(spent.filter((calls) => calls > 25)).toEqual([]);
	});
});

describe.each<ApiOrder>(['desc', 'asc'])('A 30,000-contact one-second import after activation, order %s, the first poll after it', (order) => {
	// Newest first it spent 26 of 24: the 3 pages read to learn the order (page 1 and the next, all of one second)
	// were not counted when the walk chose where to start within the budget (boundary.ts).
	it('spends no more than the budget of 24 calls, and the oldest of the import come out', async () => {
		const list = new FakeList(order);
		list.add(10);
		const { spent, emitted } = await history([list], 24, [1], () => imported(list, 30_000));
		expect(spent[0]).toBeLessThanOrEqual(24);
		expect(emitted.length).toBeGreaterThan(0);
	});
});

describe('Newest first, a poll budget of 2 calls, a one-second import over 3 pages below the new contacts', () => {
	// Shrunk from seed 20260415, order desc.
	it('the 823 contacts imported after it come out', async () => {
		const list = new FakeList('desc');
		// 1,179 contacts of one second at activation; 823 more in a new second: pages 1 to 3 of 1,000.
		list.add(1_179, true);
		const { emitted } = await history([list], 2, [1, 2, 3, 4, 5, 6], (poll) => {
			if (poll === 1) imported(list, 823);
		});
		// None ever did: the cursor's hint was the position of its newest contact (id 1,179, last of its second
		// in the API's order of ties), so every poll read page 1 and the boundary, page 3 (all of the cursor's
		// second, nothing new), within its budget, and page 2, which joins them, never.
		expect(emitted).toHaveLength(823);
	});
});

describe('A one-second list at activation whose newest contact is not at its second\'s edge nearest the newest end', () => {
	// The family of the case above, from a sweep of sizes, additions, budgets, orders and tie orders (each of
	// these emitted nothing, ever, at the budget every poll): the hint must stand at the edge of the old contacts
	// nearest the newest end, wherever the newest of them sits in its second; sealed (3 pages or more) or not.
	// The 30,000 row is the common case: a CSV import, newest first, ties in the order rows were inserted.
	it.each<[ApiOrder, TieIds, number, number, number]>([
		['desc', 'ascending', 1_179, 823, 3],
		['desc', 'ascending', 2_500, 5, 2],
		['desc', 'ascending', 2_500, 823, 4],
		['desc', 'ascending', 4_100, 5, 3],
		['desc', 'ascending', 30_000, 5, 24],
		['desc', 'interleaved', 4_100, 5, 2],
		['desc', 'interleaved', 4_100, 823, 4],
		['asc', 'descending', 30_000, 823, 12],
		['asc', 'interleaved', 30_000, 5, 12],
		// Its order unknown at activation (one second throughout), the hint is taken newest first: read oldest first, from the
		// other end. Activation now records where that second begins (the oldest end), and its read whole before the cursor
		// moves past it goes on over polls within the budget: 19 polls of 5 calls or fewer (was 22 calls in one).
		['asc', 'ascending', 19_368, 613, 5],
	])('order %s, ties by %s id, %i contacts, then %i in a new second, at a budget of %i calls: every one of them comes out', async (order, tieIds, size, added, budget) => {
		const list = new FakeList(order);
		list.tieIds = tieIds;
		list.add(size, true);
		const { emitted } = await history([list], budget, hourly(1, 24), (poll) => {
			if (poll === 1) imported(list, added);
		});
		expect(emitted).toHaveLength(added);
	});
});

describe('Watch All Lists, a second list read with 2 calls of the budget left', () => {
	// Shrunk from seed 5 (order desc, a list flipped to oldest first), the default budget of 24 calls.
	it('spends no more than the budget and the first tie bridge (25 calls)', async () => {
		const newestFirst = new FakeList('desc');
		const oldestFirst = new FakeList('asc');
		newestFirst.add(1);
		const { spent, emitted } = await history([newestFirst, oldestFirst], 24, [1, 2], (poll) => {
			if (poll > 1) return;
			imported(newestFirst, 19_000);
			imported(oldestFirst, 703);
			imported(oldestFirst, 298);
			imported(oldestFirst, 200);
		});
		expect(emitted).toHaveLength(20_201);
		// Was 26: the first list took 21 calls, and the second, begun with 2 left, took 4: oldest first a page,
		// the one above it, the first again, and a tie bridge (tie-bridge.ts). A list now begins with 3 left (watch.ts).
		expect(spent.filter((calls) => calls > 25)).toEqual([]);
	});
});

/** Hourly from `from`, `count` polls. */
describe('Oldest first, a list of one second at activation (its order unknown), then contacts after it, at a budget of 5 calls', () => {
	// Shrunk from the budget run (seed 1, oldest first, the 7th history). Was 7: page 1 and the last page read for the
	// order, then the walk from the cursor's hint (page 2) read the last page and page 2 again before page 1. Activation
	// now records that the second begins at the oldest end: the walk starts there, and the last page read for the order is
	// its top (5).
	it('spends no more than the budget and the first tie bridge, and every contact after it comes out once', async () => {
		const list = new FakeList('asc');
		imported(list, 1_778);
		const { spent, emitted } = await history([list, new FakeList('asc')], 5, [1, 2, 3], (poll) => {
			if (poll !== 1) return;
			imported(list, 200);
			list.add(23);
		});
		expect(spent.filter((calls) => calls > 6)).toEqual([]);
		expect(emitted).toHaveLength(223);
		expect(new Set(emitted).size).toBe(223);
	});
});

const hourly = (from: number, count: number) => Array.from({ length: count }, (_, index) => from + index);

describe('A poll budget of 2 calls: no poll spends more than what the first list read needs (5 calls, as the bulk randomized test allows)', () => {
	// Shrunk from seed 20260415 (the bulk randomized test's budget run), each over 5 calls on 60184ef but the case of the
	// order turned (over 5 on b25037b, which trusted the order it knew).
	it('newest first, a new list that two imports fill during a poll: the order known is learnt from the page the walk reads next', async () => {
		// Was 6: page 1 (all of the newest import) could not tell the order, page 2 was read for it though the walk, at
		// this budget, starts lower (page 4); then pages 4 and 5 and a tie bridge.
		const list = new FakeList('desc');
		const { spent, emitted } = await history([list, new FakeList('desc')], 2, hourly(1, 12), (poll) => poll === 1 && list.add(14, true), (poll, call) => {
			if (poll === 1 && call === 2) (imported(list, 2_376), imported(list, 1_611));
		});
		expect(spent.filter((calls) => calls > 5)).toEqual([]);
		expect(new Set(emitted).size).toBe(14 + 2_376 + 1_611);
		expect(emitted).toHaveLength(14 + 2_376 + 1_611);
	});

	it('oldest first, a list of one second at activation (its order unknown): a first page with new contacts is walked alone once the pages read for the order spent the budget', async () => {
		// Was 6: pages 1 (one second) and 2 for the order, 3 (the top), 2 again and 1.
		const list = new FakeList('asc');
		list.add(1_177, true);
		const { spent, emitted } = await history([list, new FakeList('asc')], 2, hourly(1, 6), (poll) => poll === 1 && imported(list, 824));
		expect(spent.filter((calls) => calls > 5)).toEqual([]);
		expect(emitted).toHaveLength(824);
	});

	it.each<ApiOrder>(['desc', 'asc'])('order %s, a 16,739-contact import sealed at activation, its daily read spread over polls: the order known goes on over its one-second pages', async (order) => {
		// Was 6 and 7 newest first, 6 oldest first: each poll of the read asked a page at the list's other end for the
		// order, and newest first the first poll's chain, less than a page of the import, dropped where it begins.
		const list = new FakeList(order);
		list.pageCap = 999;
		list.add(245);
		imported(list, 16_739);
		const { spent, emitted } = await history([new FakeList(order), list], 2, hourly(25, 24), () => {});
		expect(spent.filter((calls) => calls > 5)).toEqual([]);
		expect(emitted).toEqual([]);
		expect(spent[spent.length - 1]).toBe(1);
	});

	it('oldest first, a 3,001-contact import at the oldest end of a list read over polls: the order trusted is confirmed at the newest end', async () => {
		// Was 6: with every page the walk read of the import's second, both ends of the list were asked for the order.
		const other = new FakeList('asc');
		other.add(1_001);
		const list = new FakeList('asc');
		const { spent, emitted } = await history([other, list], 2, [1, 2, ...hourly(27, 10)], (poll) => poll === 1 && other.contacts.splice(0, 1), (poll, call) => {
			if (poll === 1 && call === 2) imported(list, 3_001);
			if (poll === 2 && call === 2) list.add(1);
		});
		expect(spent.filter((calls) => calls > 5)).toEqual([]);
		expect(emitted).toHaveLength(3_002);
	});

	it("newest first, two imports read whole at activation, then the API's order turned: a poll finds it, the next walks in it", async () => {
		// Walking the list again in the order shown in the poll that found the trusted one wrong spent 7 (b25037b).
		const list = new FakeList('desc');
		list.pageCap = 999;
		imported(list, 3_001);
		imported(list, 999);
		const { spent, emitted } = await history([list, new FakeList('desc')], 2, [1, ...hourly(26, 6)], (poll) => {
			if (poll === 1) list.order = 'asc';
		});
		expect(spent.filter((calls) => calls > 5)).toEqual([]);
		expect(emitted).toEqual([]);
		expect(spent[spent.length - 1]).toBe(1);
	});

	it('oldest first, a list of one second throughout read whole as such, then a contact after it: sealed, read whole again over polls before the cursor moves past', async () => {
		// Was 7 (found writing the 3,001-contact case): unsealed, that poll learnt the order (page 1, page 2, the last page),
		// then walked the import's second oldest first from the top down to page 1 (each of its contacts new until read
		// whole: no page between was a boundary). Now 5, 5, 5, 4: the read of that second again is spread over polls.
		const list = new FakeList('asc');
		const { spent, emitted } = await history([list], 2, hourly(1, 8), (poll) => {
			if (poll === 1) imported(list, 3_001);
			if (poll === 2) list.add(1);
		});
		expect(spent.filter((calls) => calls > 5)).toEqual([]);
		expect(new Set(emitted).size).toBe(3_002);
		expect(emitted).toHaveLength(3_002);
		expect(spent[spent.length - 1]).toBe(1);
	});

	it.each([3_000, 5_000])("oldest first, a list of one second throughout (%i contacts, sealed at activation), then a contact: the list's newest end, read for the order, starts the walk down", async (size) => {
		// Was 6 at each tick: page 1 and the last page for the order, then the walk read the cursor's page, the last page
		// again and the cursor's page again (the last page, read before the cursor's, had to be read after it). The last
		// page read first, then the cursor's, already join (read from the end backwards). Now 4, then the second's read
		// whole again over polls (5 and 4 at most).
		const list = new FakeList('asc');
		imported(list, size);
		const { spent, emitted } = await history([list, new FakeList('asc')], 2, hourly(1, 8), (poll) => poll === 2 && list.add(1));
		expect(spent[1]).toBe(4);
		expect(spent.filter((calls) => calls > 5)).toEqual([]);
		expect(emitted).toHaveLength(1);
	});

	// Not fixed: the boundary, expected on page 1, moves two pages down under the walk, which reads on to it (pages 2 to 4)
	// and bridges the cursor's second split there: 6 calls. Stopping such a walk once its budget is spent (nothing out, the
	// next poll starting lower by the growth) kept this within 5, but delayed contacts a poll wherever a list grew during a
	// walk, and made 3 tests of late-dated-budget.test.ts and property-findings.test.ts fail (the one traced: a change
	// written out to land at a call of the poll no longer landed, the poll stopping before it): not landed.
	it.failing('newest first, an import of 2,001 during the walk down', async () => {
		const list = new FakeList('desc');
		const { spent, emitted } = await history(
			[list, new FakeList('desc')],
			2,
			hourly(1, 8),
			(poll) => {
				if (poll === 1) imported(list, 200);
				if (poll === 3) list.remove(1);
			},
			(poll, call) => {
				if (poll === 1 && call === 2) imported(list, 397);
				if (poll === 2 && call === 2) list.add(603);
				if (poll === 2 && call === 3) imported(list, 2_001);
			},
		);
		expect(emitted.filter((key) => key !== '0:1')).toHaveLength(list.contacts.length);
		expect(new Set(emitted).size).toBe(emitted.length);
		expect(spent.filter((calls) => calls > 5)).toEqual([]);
	});

	// Oldest first from an empty list, was 5, 5, 7, ...: page 2 read for the order before the last page, then the walk from
	// the round's hint, page 3, down to page 1; now the walk starts where the second begins. Then the read of the list as a
	// set dropped the count of contacts that came out; the first count taken after it, by the walk reading that second
	// over polls, was short of where the second ends, and each later count took the rest of the second for late contacts:
	// a search for ones that never existed spent a call a poll (oldest first from empty 5, 5, 5, 6, 6, 5, 3, 3, 1; with a
	// contact since deleted 5, 5, 5, 5, 6, 5, 3, 3, 1; newest first 2, 5, 3, 4, 5, 5, 3, 1). Now the read as a set
	// carries the count: 5, 5, 5, 5, 5, 4, then 1 oldest first, 2, 5, 3, 4, 4, 4, then 1 newest first.
	it.each<[ApiOrder, string, boolean]>([
		['asc', 'empty at activation', false],
		['asc', 'of one contact at activation, deleted', true],
		['desc', 'empty at activation', false],
		['desc', 'of one contact at activation, deleted', true],
	])('order %s, a list %s, then a 4,001-contact import read round over polls, then a contact after it: the read as a set carries the count of contacts that came out', async (order, _, recorded) => {
		const other = new FakeList(order);
		other.add(1_001);
		const list = new FakeList(order);
		if (recorded) list.add(1);
		const { spent, emitted } = await history(
			[other, list],
			2,
			hourly(1, 10),
			(poll) => {
				if (poll !== 1) return;
				other.remove(1);
				if (recorded) list.remove(1);
			},
			(poll, call) => {
				if (poll === 1 && call === 2) imported(list, 4_001);
				if (poll === 3 && call === 2) list.add(1);
			},
		);
		expect(spent.filter((calls) => calls > 5)).toEqual([]);
		expect(new Set(emitted).size).toBe(4_002);
		expect(emitted).toHaveLength(4_002);
		expect(spent.slice(-4)).toEqual([1, 1, 1, 1]);
	});

	it('newest first, a 2,380-contact import taken for a list of one second (contacts landed above it during that read), then more: the walk reads that second from where it begins', async () => {
		// Was 6: the cursor's hint was where the read of the list as a set stopped; the walk went from page 1 down through the
		// whole second to the oldest end. Now read upwards from the oldest end over polls: 2, 5, 4, 5, 5, 3, then idle.
		const other = new FakeList('desc');
		const list = new FakeList('desc');
		const { spent, emitted } = await history([other, list], 2, hourly(1, 10), (poll) => (poll === 1 && imported(other, 200), poll === 3 && list.add(678)), (poll, call) => {
			if (poll === 1 && call === 2) imported(list, 2_380);
			if (poll === 2 && call === 3) list.add(943);
		});
		expect(spent.filter((calls) => calls > 5)).toEqual([]);
		expect(new Set(emitted).size).toBe(200 + 4_001);
		expect(emitted).toHaveLength(200 + 4_001);
		expect(spent[spent.length - 1]).toBe(1);
	});

	// Shrunk from the budget run (seed 1, the 15th history in both orders: the API's order flipped before it oldest first).
	// Two imports during the first poll and 800 contacts during the next are read as one second spread over polls, its
	// last poll reading the pages up to the newest end, the check of where that second begins and a tie bridge at the
	// break below the newest contacts: 3, 4, 4, 5, 6 newest first. Not fixed.
	it.failing("newest first, a read of a second spread over polls that reaches the newest end: its last poll checks where the second begins and bridges a tie", async () => {
		const list = new FakeList('desc');
		imported(list, 200);
		const { spent, emitted } = await history(
			[list, new FakeList('desc')],
			2,
			hourly(1, 8),
			(poll) => (poll === 1 || poll === 3) && list.add(1),
			(poll, call) => {
				if (poll === 1 && call === 2) (imported(list, 3_001), imported(list, 200));
				if (poll === 2 && call === 2) list.add(800);
			},
		);
		// What comes out holds; only the budget fails.
		expect(emitted).toHaveLength(list.contacts.length - 200);
		expect(new Set(emitted).size).toBe(emitted.length);
		expect(spent.filter((calls) => calls > 5)).toEqual([]);
	});

	// Shrunk from the budget run (seed 2, oldest first, the 13th history; pages capped at 999). The sealed second's walk
	// (its newest end, the page above, that page again) shows the cursor would move past it; the read of that second whole
	// followed in the same poll (page 1, page 2, page 1 again): 7 calls, a poll n8n's scheduler drops at its defaults, and
	// the next, from the same cursor, the same (scheduler-budget.test.ts). Now that read starts the next poll, where the
	// second begins (sealed-second.ts): 4, 2 (the other list's turn), 4, 5, 4, then 1; the contacts come out a few polls later.
	it('oldest first, contacts after a sealed second: the read of that second whole before the cursor moves past it starts the next poll when the walk spent the budget', async () => {
		const list = new FakeList('asc');
		const other = new FakeList('asc');
		list.pageCap = 999;
		other.pageCap = 999;
		imported(list, 200);
		imported(list, 2_261);
		const { spent, emitted } = await history([other, list], 2, hourly(1, 6), (poll) => {
			if (poll === 1) imported(list, 537);
			if (poll === 2) other.add(1);
		});
		expect(spent).toEqual([4, 2, 4, 5, 4, 1]);
		expect(emitted).toHaveLength(538);
		expect(new Set(emitted).size).toBe(538);
		expect(spent.filter((calls) => calls > 5)).toEqual([]);
	});

	// Shrunk from a variant of the budget run at 2 calls a poll with no change during a poll (seed 20260415, oldest
	// first): the cursor's second, a one-second import of 1,567 over three pages (the cursor alone on the third), then too
	// few to seal (2,000 or fewer), was read down to below it on every walk (a contact of it not emitted may sit anywhere
	// in it): the cursor's page, the newest, the cursor's again, then the two below: 6 calls with /mylists, a poll n8n's
	// scheduler drops at its defaults, and the next, from the same cursor, the same. A second of more contacts than a page
	// holds is sealed now (it spans two pages or more: re-read, an idle poll costs 2 or 3): 4, 4, 5, 4, read whole again
	// over polls before the cursor moves past it.
	it('oldest first, a one-second import of 1,567 as the newest second at activation, then 1,000 contacts: sealed, that second is read whole again over polls', async () => {
		const list = new FakeList('asc');
		list.add(434);
		imported(list, 1_567);
		const { spent, emitted } = await history([list, new FakeList('asc')], 2, hourly(1, 4), (poll) => poll === 1 && list.add(1_000));
		expect(emitted).toHaveLength(1_000);
		expect(new Set(emitted).size).toBe(1_000);
		expect(spent.filter((calls) => calls > 5)).toEqual([]);
	});

	/** `count` contacts out, each once, and no poll past the 5 calls allowed (last: a row failing on its budget fails there alone). */
	const expectWithinBudgetOnce = ({ spent, emitted }: { spent: number[]; emitted: string[] }, count: number) => {
		expect(emitted).toHaveLength(count);
		expect(new Set(emitted).size).toBe(count);
		expect(spent.filter((calls) => calls > 5)).toEqual([]);
	};

	/**
	 * A list of a 1,799- then a 200-contact one-second import in `order`, pages capped at 999, beside an empty list; before
	 * the first of `polls` polls at a budget of 2, the API's order turns and `after` changes the list.
	 */
	const turnedAfterImports = async (order: ApiOrder, polls: number, after: (list: FakeList) => void) => {
		const list = new FakeList(order);
		list.pageCap = 999;
		imported(list, 1_799);
		imported(list, 200);
		return await history([new FakeList(order), list], 2, hourly(1, polls), (poll) => {
			if (poll !== 1) return;
			list.order = order === 'asc' ? 'desc' : 'asc';
			after(list);
		});
	};

	// Shrunk from that variant while it kept the API's order turning between polls (seed 20260415, oldest first, then newest
	// first; pages capped at 999): the pages near the cursor, all of one import's second, cannot tell the order; the walk
	// went on in the order known (3 pages) before the list's other end showed it turned: 7 calls, nothing out, and the next
	// poll walked in the new order. Dropped at n8n's scheduler defaults, that poll was as long again at every tick. Oldest
	// first, a page at the cursor's hint that holds only later contacts of one second no longer trusts the order known: the
	// list's ends are asked first. Now 4, 3, 4, 5.
	it("oldest first, the API's order turned newest first, then a 3,001-contact import: the poll that finds the order turned", async () => {
		expectWithinBudgetOnce(await turnedAfterImports('asc', 6, (list) => imported(list, 3_001)), 3_001);
	});

	// Its sibling, found scanning shapes of it (a list of 1,799 then 200 contacts, each a one-second import, pages capped at
	// 999; the API's order turned, then contacts): newest first the ends read for the order show it turned once the budget
	// is spent, and the walk went on at once in the new order: 6 calls. A poll that learns the order turned, its budget
	// spent, stops there (nothing out); the next walks in it. Now 3, 5.
	it.each([1, 500])("newest first, the API's order turned oldest first, then %i contacts: the poll that finds the order turned", async (count) => {
		expectWithinBudgetOnce(await turnedAfterImports('desc', 4, (list) => list.add(count)), count);
	});

	// Found by the variant of the budget run with no change during a poll (seeds 2 and 3, oldest first), once the rows above
	// passed: the cursor alone on its page, its second (an import of 307 or 458) going on below the page of 998 or 999 read
	// to prove the poll idle, then contacts. The walk went on from that page: the page above it (one past the budget), that
	// page again, the one below (the cursor's second begins there) and a tie bridge: 6 calls. With the budget spent but for
	// reading that page again, a walk that must read below its first page reads none above it: its new contacts go out, the
	// rest next poll. Now 4, then 2 or 4.
	it.each([
		[2_694, 307, 996],
		[543, 458, 3_001],
	])('oldest first, %i contacts, an import of %i (the cursor alone on its page), then an import of %i: the walk reads below the page read to prove the poll idle, none above it', async (before, size, after) => {
		const list = new FakeList('asc');
		list.add(before);
		imported(list, size);
		const { spent, emitted } = await history([list, new FakeList('asc')], 2, hourly(1, 6), (poll) => poll === 1 && imported(list, after));
		expect(spent[0]).toBe(4);
		expect(emitted).toHaveLength(after);
		expect(new Set(emitted).size).toBe(after);
		expect(spent.filter((calls) => calls > 5)).toEqual([]);
	});

	// Found with the order turning kept in the variant with no change during a poll (seed 1): a sealed import's daily read
	// starts from below it (its hint the contact before the import), and the API's order turned: that page held only the
	// import's second, the order known was trusted, and the walk read on before the list's newest end showed it turned:
	// 6 calls. Not fixed: not trusting the order known when that page holds no contact before the second (5 here) made the
	// read from below a second after a deletion below it ask the list's ends as well (6: 'oldest first, the same, then a
	// deletion below the import read over polls', below).
	it.failing("oldest first, an import of 3,001 sealed above 1,001 others, then the API's order turned: its daily read asks the list's ends first", async () => {
		const list = new FakeList('asc');
		imported(list, 1_001);
		imported(list, 3_001);
		const { spent, emitted } = await history([list, new FakeList('asc')], 2, [1, ...hourly(26, 6)], (poll) => {
			if (poll === 1) list.order = 'desc';
			if (poll === 4) list.add(1);
		});
		expect(spent.filter((calls) => calls > 5)).toEqual([]);
		expect(emitted).toHaveLength(1);
	});

	/**
	 * Oldest first, a list of 1,001 contacts (the cursor alone on its page at activation) beside an empty list:
	 * `between(list, poll)` and `during(list, poll, call)` as in `history`, at a budget of 2.
	 */
	const cursorAlone = async (polls: number, between: (list: FakeList, poll: number) => void, during: (list: FakeList, poll: number, call: number) => void) => {
		const list = new FakeList('asc');
		list.add(1_001);
		return await history([list, new FakeList('asc')], 2, hourly(1, polls), (poll) => between(list, poll), (poll, call) => during(list, poll, call));
	};

	it('oldest first, the cursor alone on its page, a deletion below it, then contacts after it: the walk starts where the page of 999 read to prove the poll idle showed the cursor', async () => {
		// Was 6: that page (not idle) spent a call, and the walk started on the page of the cursor's hint, above the cursor
		// the deletion moved down: the page above, that page again and the one below. Now 5, 4, 5, 5.
		const polled = await cursorAlone(8, (list, poll) => poll === 1 && list.remove(1), (list, poll, call) => {
			if (poll === 1 && call === 2) (list.add(1), imported(list, 3_001));
		});
		expectWithinBudgetOnce(polled, 3_002);
	});

	it('oldest first, the cursor alone on its page, a deletion below it, then a contact of its second and a 3,001-contact import: the walk goes on from the page read to prove the poll idle', async () => {
		// Was 6, 4, 5, 5: the page of 999 showed the new contacts, then the walk read the cursor's page of 1,000, the one
		// above it, the cursor's again and a tie bridge at that break. Now 4, 3, 5, 5: the walk goes on in pages of that
		// size (998 here: two contacts before the cursor on it), whose break falls below the cursor's second.
		const polled = await cursorAlone(4, (list, poll) => poll === 1 && list.remove(1), (list, poll, call) => {
			if (poll === 1 && call === 2) (list.add(1, true), imported(list, 3_001));
		});
		expectWithinBudgetOnce(polled, 3_002);
	});

	it('oldest first, the cursor alone on its page, then an import and deletions below it while the walk reads on from the page read to prove the poll idle: that page holds two contacts before the cursor', async () => {
		// Found once the walk went on from that page (a page of 999 holding only one contact before the cursor, first on
		// it): a deletion below moved that contact off it when it was read again, and the walk read the page below and a
		// tie bridge, 3, 6, 3, 1 (before the walk went on from it: 5, 4, 3, 1). A page of 998 holds two: 2, 4, 3, 1.
		const polled = await cursorAlone(4, (list, poll) => poll === 1 && list.remove(1), (list, poll, call) => {
			if (poll === 1 && call === 2) list.add(1);
			if (poll === 2 && call === 2) imported(list, 998);
			if (poll === 2 && (call === 3 || call === 5)) list.contacts.splice(0, 1);
		});
		expectWithinBudgetOnce(polled, 999);
	});

	// The other side of going on from that page: its contacts before the cursor sit first on it, and deletions below
	// during the walk move them off it before it is read again (after the pages above it). Here one deletion before the
	// poll and two during it: the walk read the page below and a tie bridge at that break, 6 (the walk afresh in pages of
	// 1,000 spent 5: its first page held the cursor's predecessors in its middle). Shrunk from the budget run (seed
	// 20260415, oldest first, the 10th history); not fixed: a page holding more contacts before the cursor holds fewer
	// new ones after it.
	it.failing('oldest first, the cursor alone on its page, then an import and three deletions below it, two while the walk reads on from the page read to prove the poll idle', async () => {
		const polled = await cursorAlone(3, (list, poll) => poll === 1 && list.contacts.splice(0, 1), (list, poll, call) => {
			if (poll === 1 && call === 2) imported(list, 997);
			if (poll === 1 && (call === 3 || call === 5)) list.contacts.splice(0, 1);
		});
		expectWithinBudgetOnce(polled, 997);
	});

	it('oldest first, the same, then a deletion below the import read over polls: no page of 999 is read to prove the poll idle once the read starts again from below the second', async () => {
		// Was 6: the read of the import's second, started again from below it (its hint where the second begins, a multiple
		// of the page size), looked to the idle check like a cursor alone on its page: a page of 999 read for nothing.
		const polled = await cursorAlone(10, (list, poll) => poll === 1 && list.remove(1), (list, poll, call) => {
			if (poll === 1 && call === 2) (list.add(1), imported(list, 3_001));
			if (poll === 3 && call === 2) list.remove(2);
		});
		expectWithinBudgetOnce(polled, 3_002);
	});

	it('newest first, contacts added while a tie bridge is read: the next walk starts where the chain stopped, not from page 1', async () => {
		// Was 28 (the whole list, pages 1 to 26): with nothing new out, the hint moved to page 1.
		const list = new FakeList('desc');
		const { spent, emitted } = await history(
			[list, new FakeList('desc')],
			2,
			[1, 2, ...hourly(27, 30)],
			(poll) => poll === 1 && list.add(1),
			(poll, call) => {
				if (poll === 1 && call === 2) list.add(225, true);
				if (poll === 2 && call === 2) (imported(list, 24_101), list.add(674));
				if (poll === 2 && call === 5) list.add(26);
			},
		);
		expect(spent.filter((calls) => calls > 5)).toEqual([]);
		expect(new Set(emitted).size).toBe(list.contacts.length);
		expect(emitted).toHaveLength(list.contacts.length);
	});
});

/**
 * Found counting the calls of polls long after the contacts came out (the randomized tests stop once enough polls in a row
 * bring nothing): a list of one second throughout is read round as a set (one-second.ts), and was sealed only when one
 * poll read it whole. A new list filled by one CSV import of more pages than a poll reads (30,000 contacts at the default
 * budget of 24), or such a list sealed whose daily read comes at a small budget (3,001 at 2 calls a poll), never was:
 * every poll read the budget's pages round, for good (24, 24, 24, ... and 4, 4, 4, ...: 17,280 calls a month hourly at
 * 24, more than the quota). A round that comes round over polls, the total unchanged, seals it now.
 */
describe('A list of one second throughout, read round over polls', () => {
	it.each<[ApiOrder, number, number]>([
		['desc', 30_000, 24],
		['asc', 30_000, 24],
	])('order %s, a new list then a one-second import of %i at a budget of %i: once every contact came out, a poll costs 1 call', async (order, size, budget) => {
		// Now 24, 24, 3, then 1 (GET /mylists; the list's total did not change).
		const list = new FakeList(order);
		const { spent, emitted } = await history([list, new FakeList(order)], budget, hourly(1, 8), (poll) => poll === 1 && imported(list, size));
		expect(emitted).toHaveLength(size);
		expect(new Set(emitted).size).toBe(size);
		expect(spent.slice(4)).toEqual([1, 1, 1, 1]);
	});

	it.each<ApiOrder>(['desc', 'asc'])('order %s, 3,001 contacts read whole and sealed at activation, at 2 calls a poll: after its daily read, idle polls cost 1 call', async (order) => {
		// Now 1, then 4, 4, 3 (its daily read round over polls), then 1.
		const list = new FakeList(order);
		imported(list, 3_001);
		const { spent } = await history([list, new FakeList(order)], 2, [1, ...hourly(26, 8)], () => {});
		expect(spent.slice(4)).toEqual([1, 1, 1, 1, 1]);
	});
});

/**
 * Contacts of one second in a new order on every request (MySQL's ORDER BY date_added with ties), watching every list:
 * each page of a second larger than a page shows a part of it drawn anew, so one read of its pages misses some of it.
 * Measured before the bulk randomized test drew such lists: a read of the second spread over polls never found its
 * anchor again and read the second's first pages every poll, for good (24 calls a poll, nothing after it out); a list
 * of one second throughout, read round, was sealed with 2 to 9 % of it never out. The second is now read again, poll
 * after poll, until the contacts accounted for fill every place it holds; contacts after it wait for that.
 */
describe.each<ApiOrder>(['desc', 'asc'])('Order %s, contacts of one second in a new order on every request', (order) => {
	it.each([
		['10 contacts, then an import of 10,000 (more pages than a poll reads), then 3 contacts', 10, 10_000, 6, 3],
		['an empty list, then an import of 3,000 (the list one second throughout), then 3 contacts', 0, 3_000, 24, 2],
		['an empty list, then an import of 6,000 (read round over polls), then 3 contacts', 0, 6_000, 4, 5],
	])('%s: each comes out once, no poll past its budget and a tie bridge, then idle polls cost 1 call (the daily check 2)', async (_, before, size, budget, afterPoll) => {
		const list = new FakeList(order);
		list.tieSeed = 5;
		list.add(before);
		const { spent, emitted } = await history([list], budget, hourly(1, 60), (poll) => {
			if (poll === 1) imported(list, size);
			if (poll === afterPoll) list.add(3);
		});
		expect(new Set(emitted).size).toBe(size + 3);
		expect(emitted).toHaveLength(size + 3);
		expect(spent.filter((calls) => calls > Math.max(budget, 5) + 1)).toEqual([]);
		expect(spent.slice(-10).filter((calls) => calls > 1)).toEqual(spent.slice(-10).some((calls) => calls > 1) ? [2] : []);
	}, 120_000);
});

/**
 * Found by the bulk randomized test's run with such lists (seeds 20260415 and 3, at 2 calls a poll), once the rows
 * above passed: activation took the newest contact of a newest second it saw in part for the newest (another of that
 * second came out as new); a contact of the second deleted after it was counted stood in for one never seen (counted
 * by the ids emitted, a list of 1,919 contacts was taken as whole with one never out); and a second of a page or less
 * split over a page break, its ids counted afresh on every poll, was seen short on each and held the contacts after
 * it for good (seed 3, the 158th history: not written out, as these histories draw their ties by the calls made, and
 * none of them shorter held it). Activation now reads such a second again until it saw all of it, and a second is
 * counted by the ids reads at the current total saw (`seen`), kept over polls while it is large or split.
 */
describe.each<ApiOrder>(['desc', 'asc'])('Order %s, a second in a new order on every request, found by the randomized run', (order) => {
	const reshuffled = (seed: number) => {
		const list = new FakeList(order);
		list.tieSeed = seed;
		return list;
	};

	it('activation on a one-second import of 1,000 in pages capped at 999, then a contact in its second: only that contact comes out', async () => {
		const list = reshuffled(3);
		list.pageCap = 999;
		imported(list, 1_000);
		const { emitted } = await history([list], 2, hourly(1, 20), (poll) => poll === 1 && list.add(1, true));
		expect(emitted).toEqual([`0:${String(list.contacts[list.contacts.length - 1].id)}`]);
	});

	it('a one-second import of 1,920 after activation, then a contact of it deleted: every contact left comes out once', async () => {
		// Tie seed 19: the draws that left one contact unseen.
		const list = reshuffled(19);
		const { emitted } = await history([list], 2, hourly(1, 60), (poll) => {
			if (poll === 1) imported(list, 1_920);
			if (poll === 3) list.contacts.splice(0, 1);
		});
		expect(new Set(emitted).size).toBe(emitted.length);
		expect(list.contacts.filter((contact) => !emitted.includes(`0:${String(contact.id)}`))).toEqual([]);
	});
});

/**
 * Shrunk from the late-import run (property-bulk-records.test.ts, seed 20261204, the 330th history in both orders, 500
 * per order): a list of two one-second imports, the second sealed at activation (13,987 or 13,958 contacts), then
 * contacts dated in the first import's second (committed late), at a budget of 6 calls, polled hourly. The first poll
 * reads the newest end, the oldest and the page where the large second begins: the late contacts on those pages come
 * out; the count up to the cursor's second cannot tell the rest (that second runs on over pages not read), so no search
 * starts. The large second is read whole over polls (it grew beneath), then sealed with a search for the rest cut by
 * the budget. That search went on only at the second's daily read: the last 999 came out at the 45th poll newest first
 * and the 40th oldest first (26th and 27th at 12 calls). Now it goes on in the polls after (a sealed list is read while
 * a search is under way): the 16th poll in both orders (3rd and 4th at 12 calls; the 1st at the default 24, as before).
 */
describe.each<[ApiOrder, number, number, number]>([
	['desc', 200, 13_987, 1_798],
	['asc', 999, 13_958, 1_998],
])('Order %s, an import committed late below a sealed one-second import, at a budget of 6 calls', (order, first, large, late) => {
	it(`every late contact (${late}) comes out once, within a day of hourly polls`, async () => {
		const list = new FakeList(order);
		imported(list, first);
		imported(list, large);
		const { emitted, spent } = await history([list, new FakeList(order)], 6, hourly(1, 24), (poll) => poll === 1 && list.addLate(late, 0));
		expect(emitted).toHaveLength(late);
		expect(new Set(emitted).size).toBe(late);
		expect(spent.filter((calls) => calls > 7)).toEqual([]);
	});
});
