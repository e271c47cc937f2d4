import { useNock } from '../helpers/nock';
import { emittedIds } from './helpers';
import { ServedAccount } from './served-account';

/**
 * Newest first, MySQL sorts a NULL date_added last: a list of 1,001 contacts with one such
 * contact has it alone on its last page. Pages of 4 here (the API's cap, stated in the envelope).
 */
describe('Leadsopedia Trigger watching every list, a new list whose last page holds only contacts with date_added null', () => {
	useNock();

	it.each([
		['a second apart', false],
		['imported in one second', true],
	])('emits the list’s contacts (%s), then reports the undated one once', async (_, oneSecond) => {
		const account = new ServedAccount('desc');
		account.add('7', 3);
		const trigger = account.trigger();
		await trigger.activate();
		const list = account.add('8');
		list.pageCap = 4;
		const added = [...list.add(1), ...list.add(3, oneSecond)].map((contact) => contact.id);
		const undated = list.addUnreadable('null date');
		const outcome = await trigger.poll();
		expect(outcome.error).toBeUndefined();
		expect(emittedIds(outcome)).toEqual([...added, undated.id]);
		expect(outcome.items?.[4].json.leadsopedia_warning).toContain('date_added that is not usable (null)');
		expect(await trigger.poll()).toEqual({ items: null });
	});

	it('emits the contacts above an undated bottom page when the poll budget reaches only that page (2 calls)', async () => {
		const account = new ServedAccount('desc');
		account.add('7', 3);
		const trigger = account.trigger(undefined, { credentials: { requestInterval: 0.01 }, pollBudgetMs: 40 });
		await trigger.activate();
		const list = account.add('8');
		list.pageCap = 4;
		const undated = list.addUnreadable('null date');
		const added = list.add(12).map((contact) => contact.id);
		const emitted: unknown[] = [];
		for (let poll = 0; poll < 8; poll++) emitted.push(...emittedIds(await trigger.poll()));
		expect(emitted.filter((id) => id !== undated.id)).toEqual(added);
	});
});
