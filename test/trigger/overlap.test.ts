import { useSandbox } from '../limits/sandbox-run';
import { activatedOn, addContacts, emittedIds, PACED } from './helpers';

/** n8n's scheduler starts a poll without waiting for the previous one of the same trigger. */
describe('Leadsopedia Trigger when polls overlap', () => {
	const sandbox = useSandbox({ order: 'asc' });

	it('emits each new contact once when a second poll starts while the first runs', async () => {
		const { listId, trigger } = await activatedOn(sandbox(), 1500, PACED);
		const added = addContacts(sandbox(), listId, 1200);
		const [first, second] = await Promise.all([trigger.poll(), trigger.poll()]);
		expect(first.error ?? second.error).toBeUndefined();
		expect([...emittedIds(first), ...emittedIds(second)]).toEqual(added);
		expect(await trigger.poll()).toEqual({ items: null });
	});
});
