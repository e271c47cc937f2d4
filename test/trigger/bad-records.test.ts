import type { ApiOrder } from './fake-api';
import { useNock } from '../helpers/nock';
import { emittedIds } from './helpers';
import { ServedAccount } from './served-account';

const ONE = { listId: { __rl: true, mode: 'id', value: '7' } };

/** One contact the trigger cannot place, or one list it cannot read, never blocks the others. */
describe.each<[ApiOrder, string | null]>([
	['desc', null],
	['asc', '0000-00-00 00:00:00'],
])('Leadsopedia Trigger and a contact whose date_added is unusable (%s, %j)', (order, date) => {
	useNock();

	it('emits the new contacts, then the unusable one once, marked; later polls go on', async () => {
		const account = new ServedAccount(order);
		const list = account.add('7', 3);
		const trigger = account.trigger(ONE);
		await trigger.activate();
		const bad = { id: 100, email: 'bad@example.com', date_added: date };
		account.undated.set('7', [bad]);
		const added = list.add(2).map((contact) => contact.id);
		const outcome = await trigger.poll();
		expect(outcome.error).toBeUndefined();
		expect(emittedIds(outcome)).toEqual([...added, 100]);
		const marked = outcome.items?.[2].json;
		expect(marked).toMatchObject({ id: 100, email: 'bad@example.com', list_id: 7 });
		expect(marked?.leadsopedia_warning).toContain(`date_added that is not usable (${JSON.stringify(date)})`);
		expect(outcome.items?.slice(0, 2).every((item) => item.json.leadsopedia_warning === undefined)).toBe(true);
		// Still on the page: not reported again.
		expect(await trigger.poll()).toEqual({ items: null });
		const more = list.add(1).map((contact) => contact.id);
		expect(emittedIds(await trigger.poll())).toEqual(more);
	});
});

describe('Leadsopedia Trigger watching every list, one of them answering 403', () => {
	useNock();

	it('emits the other lists’ contacts, reports the failing list once, and picks it up when it can be read again', async () => {
		const account = new ServedAccount();
		const seven = account.add('7', 3);
		const eight = account.add('8', 3);
		const trigger = account.trigger();
		await trigger.activate();
		account.forbidden.add('8');
		eight.add(1);
		const added = seven.add(2).map((contact) => contact.id);
		const outcome = await trigger.poll();
		expect(outcome.error).toBeUndefined();
		expect(emittedIds(outcome)).toEqual([...added, undefined]);
		expect(outcome.items?.[2].json).toEqual({
			list_id: 8,
			leadsopedia_error: expect.stringMatching(/no access/i) as unknown,
			leadsopedia_error_description: expect.any(String) as unknown,
		});
		// The same failure is not reported again; the other list goes on.
		eight.add(1);
		const more = seven.add(1).map((contact) => contact.id);
		expect(emittedIds(await trigger.poll())).toEqual(more);
		account.forbidden.delete('8');
		const back = eight.add(1);
		expect(emittedIds(await trigger.poll())).toEqual(eight.contacts.slice(3).map((contact) => contact.id));
		expect(back).toHaveLength(1);
	});
});
