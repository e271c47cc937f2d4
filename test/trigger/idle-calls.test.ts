import { requestLines, useNock } from '../helpers/nock';
import type { PolledTrigger } from '../helpers/poll';
import { FakeList, type ApiOrder } from './fake-api';
import { emittedIds } from './helpers';
import { serve, triggerOnServed } from './served-list';

/** Three idle polls: each emits nothing and asks for exactly these pages of 1000 (or this many calls). */
async function expectIdlePolls(trigger: PolledTrigger, calls: string[] | number): Promise<void> {
	for (let poll = 0; poll < 3; poll++) {
		const before = requestLines().length;
		expect(await trigger.poll()).toEqual({ items: null });
		const made = requestLines().slice(before);
		if (typeof calls === 'number') expect(made).toHaveLength(calls);
		else expect(made).toEqual(calls);
	}
}

/**
 * Issue 20 point 8: newest first, with the newest 1,500 contacts in one second, an idle poll
 * read page 2 twice (once to learn the order, once to find the boundary): 3 calls where 2 do.
 * Then 2 (each page once). A second of more contacts than a page holds spans two pages or
 * more: read whole, it is sealed (sealed-second.ts), and an idle poll reads the newest end
 * alone. Oldest first such a second spread over three pages (999 then 1,100 contacts, or 434
 * then 1,567) cost 3 calls an idle poll (the cursor's page and the two below it).
 */
describe.each<[ApiOrder, number, number, number]>([
	['desc', 500, 1_500, 1],
	['asc', 999, 1_100, 3],
	['asc', 434, 1_567, 3],
])('Leadsopedia Trigger (%s) idle on a list of %i contacts, then %i in one second (spanning two pages or more)', (order, before, size, newestPage) => {
	useNock();

	it('reads the newest end only: 1 call per idle poll, and still emits what comes next', async () => {
		const list = new FakeList(order);
		list.add(before);
		list.add(1);
		list.add(size - 1, true);
		serve(list);
		const trigger = triggerOnServed();
		await trigger.activate();
		await expectIdlePolls(trigger, [`GET /v1/contacts?list_id=7&page=${newestPage}&limit=1000`]);
		const tied = list.add(2, true).map((contact) => contact.id);
		const later = list.add(1).map((contact) => contact.id);
		expect(emittedIds(await trigger.poll())).toEqual([...tied, ...later]);
	});
});

/**
 * Issue 20 point 8: oldest first, with the cursor first on its page (a list of 1,001 or 2,001),
 * an idle poll read that page and the one before it: 2 calls where one page of 999 does. When
 * that page shows new contacts, the walk goes on from it (idle-oldest-first.ts).
 */
describe.each([
	[1001, 998],
	[2001, 999],
])('Leadsopedia Trigger (asc) idle on a list of %i', (size, limit) => {
	useNock();

	/** Pages of `limit` (the cursor and the two contacts before it on the first: a page of 999 holds only one at 1,001). */
	const pagesOf = (pages: number[]) => pages.map((page) => `GET /v1/contacts?list_id=7&page=${page}&limit=${limit}`);
	const cursorPage = Math.floor((size - 1) / limit) + 1;

	// The walk after the page read for the idle check goes on with it and its size. Was 3 calls for 2 new contacts (the
	// page of 999, then the cursor's page of 1,000 and the one before it) and 5 for 1,500: a page of 1,000 read twice.
	it.each<[number, number[]]>([
		[2, [cursorPage]],
		[1500, [cursorPage, cursorPage + 1, cursorPage]],
	])('costs 1 call, and what comes next (%i contacts) comes out once from the page it read on', async (count, pages) => {
		const list = new FakeList('asc');
		list.add(size);
		serve(list);
		const trigger = triggerOnServed();
		await trigger.activate();
		await expectIdlePolls(trigger, 1);
		const added = list.add(count).map((contact) => contact.id);
		const before = requestLines().length;
		expect(emittedIds(await trigger.poll())).toEqual(added);
		expect(requestLines().slice(before)).toEqual(pagesOf(pages));
		expect(await trigger.poll()).toEqual({ items: null });
	});
});
