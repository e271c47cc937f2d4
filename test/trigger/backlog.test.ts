import { useSandbox } from '../limits/sandbox-run';
import { activatedOn, addContacts, drain } from './helpers';

describe('Leadsopedia Trigger with a very large backlog', () => {
	const sandbox = useSandbox({ order: 'desc' });

	it('lets 130,000 new contacts out without crashing, each once, oldest first', async () => {
		const { listId, trigger } = await activatedOn(sandbox(), 10);
		const added = addContacts(sandbox(), listId, 130_000);
		const first = await trigger.poll();
		expect(first.error).toBeUndefined();
		expect(first.items?.length).toBeGreaterThan(0);
		const emitted = await drain(trigger, first);
		expect(emitted.length).toBe(added.length);
		expect(emitted.every((id, index) => id === added[index])).toBe(true);
	}, 120_000);
});
