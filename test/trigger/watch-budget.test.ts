import { useNock } from '../helpers/nock';
import { useTriggerClock } from './clock';
import { emittedIds } from './helpers';
import { ServedAccount } from './served-account';

const HOUR = 3_600_000;
const MYLISTS = 'GET /v1/mylists?page=1&limit=1000';
/** 0.1 s between calls and a poll budget of 1 s: 8 calls a poll (a fifth is left for retries). */
const EIGHT_CALLS = { pollBudgetMs: 1000, credentials: { requestInterval: 0.1 } };
const contactCalls = (calls: string[]) => calls.filter((call) => call.startsWith('GET /v1/contacts'));

/** Watch All Lists within the API's quota: reads driven by /mylists totals, a daily check, budgets for activation and Fetch Test Event. */
describe('Leadsopedia Trigger watching every list within the quota', () => {
	useNock();
	const clock = useTriggerClock();

	it('reads only the lists whose total changed; a change the total cannot show comes out at the daily check', async () => {
		const account = new ServedAccount();
		const lists = ['1', '2', '3'].map((id) => account.add(id, 3));
		const trigger = account.trigger();
		await trigger.activate();
		account.takeCalls();
		clock.pass(HOUR);
		expect(await trigger.poll()).toEqual({ items: null });
		expect(account.takeCalls()).toEqual([MYLISTS]);

		const added = lists[1].add(2).map((contact) => contact.id);
		clock.pass(HOUR);
		expect(emittedIds(await trigger.poll())).toEqual(added);
		expect(account.takeCalls()).toEqual([MYLISTS, 'GET /v1/contacts?list_id=2&page=1&limit=1000']);

		// One added and one deleted: the total stays, so no read until the list's daily check.
		const hidden = lists[2].add(1).map((contact) => contact.id);
		lists[2].remove(1);
		const emitted: unknown[] = [];
		for (let hour = 0; hour < 24; hour++) {
			clock.pass(HOUR);
			emitted.push(...emittedIds(await trigger.poll()));
		}
		expect(emitted).toEqual(hidden);
		// In a day, each list is checked once: 24 polls of /mylists and 3 reads.
		const calls = account.takeCalls();
		expect(calls.filter((call) => call === MYLISTS)).toHaveLength(24);
		expect(contactCalls(calls).sort()).toEqual(['1', '2', '3'].map((id) => `GET /v1/contacts?list_id=${id}&page=1&limit=1000`));
	});

	it('spreads the daily checks of 24 lists over the day: at most one read a poll', async () => {
		const account = new ServedAccount();
		for (let id = 1; id <= 24; id++) account.add(String(id), 2);
		const trigger = account.trigger();
		await trigger.activate();
		account.takeCalls();
		const reads: number[] = [];
		for (let hour = 0; hour < 48; hour++) {
			clock.pass(HOUR);
			expect(await trigger.poll()).toEqual({ items: null });
			reads.push(contactCalls(account.takeCalls()).length);
		}
		expect(Math.max(...reads)).toBe(1);
		expect(reads.reduce((sum, count) => sum + count, 0)).toBe(48);
	});

	it('activates 30 lists within a poll budget of 8 calls, records the rest over the next polls, and loses no contact added meanwhile', async () => {
		const account = new ServedAccount();
		const lists = Array.from({ length: 30 }, (_, index) => account.add(String(index + 1), 3));
		const trigger = account.trigger({ watchAllLists: true }, EIGHT_CALLS);
		expect(await trigger.activate()).toEqual({ items: null });
		expect(account.takeCalls().length).toBeLessThanOrEqual(8);
		// Added before the trigger read where the last list stands.
		const added = lists[29].add(1).map((contact) => contact.id);
		const emitted: unknown[] = [];
		for (let poll = 0; poll < 6; poll++) {
			clock.pass(HOUR);
			emitted.push(...emittedIds(await trigger.poll()));
			expect(account.takeCalls().length).toBeLessThanOrEqual(8);
		}
		expect(emitted).toEqual(expect.arrayContaining(added));
		expect(JSON.stringify(trigger.memoryState())).not.toContain('pending');
	});

	it('gives a test event of 1,000 lists in 6 calls: the newest contact of the 5 newest lists with contacts', async () => {
		const account = new ServedAccount();
		for (let id = 1; id <= 1000; id++) account.add(String(id), 1);
		const trigger = account.trigger({ watchAllLists: true }, EIGHT_CALLS);
		account.lists.get('998')?.add(1);
		const outcome = await trigger.testEvent();
		expect(outcome.items?.map((item) => item.json.list_id)).toEqual([998]);
		expect(account.takeCalls()).toEqual([MYLISTS, ...[1000, 999, 998, 997, 996].map((id) => `GET /v1/contacts?list_id=${id}&page=1&limit=1000`)]);
	});

	it('refuses to activate a configuration whose idle polls alone exceed the monthly quota, unless allowed', async () => {
		const account = new ServedAccount();
		account.add('7', 3);
		const everyMinute = { listId: { __rl: true, mode: 'id', value: '7' }, pollTimes: { item: [{ mode: 'everyMinute' }] } };
		const refused = await account.trigger(everyMinute).activate();
		expect(refused.error?.message).toBe('Watching this list on these Poll Times takes about 43,200 API calls a month when nothing is new, more than the 15,000 Leadsopedia allows');
		expect(refused.error?.description).toMatch(/Poll less often .* Allow More Calls Than the Quota/);
		expect(account.takeCalls()).toEqual([]);
		expect(await account.trigger({ ...everyMinute, allowOverQuota: true }).activate()).toEqual({ items: null });
	});

	it('refuses Poll Times changed to every minute on an active trigger, and keeps its cursor for when they are fixed', async () => {
		const account = new ServedAccount();
		const list = account.add('7', 3);
		const one = { listId: { __rl: true, mode: 'id', value: '7' } };
		const trigger = account.trigger(one);
		await trigger.activate();
		const added = list.add(1).map((contact) => contact.id);
		const refused = await trigger.reconfigure({ event: 'newContact', ...one, pollTimes: { item: [{ mode: 'everyMinute' }] } });
		expect(refused.error?.message).toMatch(/43,200 API calls a month/);
		expect(await trigger.reconfigure({ event: 'newContact', ...one, pollTimes: { item: [{ mode: 'everyX', value: 10, unit: 'minutes' }] } })).toEqual({ items: [expect.objectContaining({ json: expect.objectContaining({ id: added[0] }) as unknown })] });
	});

	it('refuses to watch 500 lists with contacts hourly (720 + 500 daily checks a day), before reading any of them', async () => {
		const account = new ServedAccount();
		for (let id = 1; id <= 500; id++) account.add(String(id), 1);
		const refused = await account.trigger().activate();
		expect(refused.error?.message).toMatch(/^Watching 500 lists \(500 with contacts\) on these Poll Times takes about 15,720 API calls a month/);
		expect(account.takeCalls()).toEqual([MYLISTS]);
		// 476 lists: 720 + 476 × 30 = 15,000 calls, within the quota.
		for (let id = 477; id <= 500; id++) account.lists.delete(String(id));
		expect(await account.trigger().activate()).toEqual({ items: null });
	});
});
