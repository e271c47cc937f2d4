import { useNock } from '../helpers/nock';
import { emittedIds } from './helpers';
import { ServedAccount } from './served-account';

const ONE = (id: string) => ({ listId: { __rl: true, mode: 'id', value: id } });
const ALL = { watchAllLists: true };

/** Switching an active trigger between one list and Watch All Lists keeps what it knew of the list. */
describe('Leadsopedia Trigger switched between one list and every list', () => {
	useNock();

	it('from one list to every list: the contacts added to that list since the last poll still come out, the other lists start from now', async () => {
		const account = new ServedAccount();
		const seven = account.add('7', 3);
		const eight = account.add('8', 2);
		const trigger = account.trigger(ONE('7'));
		await trigger.activate();
		const added = seven.add(2).map((contact) => contact.id);
		eight.add(1);
		expect(await trigger.reconfigure(ALL)).toEqual({ items: null });
		expect(emittedIds(await trigger.poll())).toEqual(added);
		expect(await trigger.poll()).toEqual({ items: null });
	});

	it('from every list to one: that list keeps its cursor', async () => {
		const account = new ServedAccount();
		account.add('7', 3);
		const eight = account.add('8', 2);
		const trigger = account.trigger(ALL);
		await trigger.activate();
		const added = eight.add(2).map((contact) => contact.id);
		expect(await trigger.reconfigure(ONE('8'))).toEqual({ items: null });
		expect(emittedIds(await trigger.poll())).toEqual(added);
		expect(await trigger.poll()).toEqual({ items: null });
	});

	it('from one list to another: the new list starts from now', async () => {
		const account = new ServedAccount();
		account.add('7', 3);
		const eight = account.add('8', 2);
		const trigger = account.trigger(ONE('7'));
		await trigger.activate();
		eight.add(1);
		expect(await trigger.reconfigure(ONE('8'))).toEqual({ items: null });
		expect(await trigger.poll()).toEqual({ items: null });
		const added = eight.add(1).map((contact) => contact.id);
		expect(emittedIds(await trigger.poll())).toEqual(added);
	});
});
