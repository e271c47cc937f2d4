import type { ContactOrder } from '../../sandbox';
import { useSandbox } from '../limits/sandbox-run';
import { activatedOn, addContacts, between, drain, PACED } from './helpers';

/** The list changes between the page requests of one poll (the poll's calls are 0.1 s apart). */
describe.each<ContactOrder>(['asc', 'desc'])('Leadsopedia Trigger while the list changes during a poll (%s)', (order) => {
	const sandbox = useSandbox({ order });

	it('emits contacts added while it pages, each once, in the order added', async () => {
		const { listId, trigger } = await activatedOn(sandbox(), 1200, PACED);
		const bulk = addContacts(sandbox(), listId, 1100);
		let during: number[] = [];
		const first = await between(sandbox(), 1, () => (during = addContacts(sandbox(), listId, 5)), async () => await trigger.poll());
		expect(first.items?.length).toBeGreaterThanOrEqual(bulk.length);
		expect(await drain(trigger, first)).toEqual([...bulk, ...during]);
	});

	it('misses nothing when older contacts are deleted while it pages', async () => {
		const { listId, trigger } = await activatedOn(sandbox(), 1500, PACED);
		const bulk = addContacts(sandbox(), listId, 1100);
		const older = sandbox().control.contacts(listId).slice(0, 400);
		const deleteOlder = () => older.forEach((contact) => sandbox().control.deleteContact(listId, contact.id));
		const first = await between(sandbox(), 1, deleteOlder, async () => await trigger.poll());
		expect(await drain(trigger, first)).toEqual(bulk);
	});

	it('misses nothing when new contacts it already read are deleted while it pages', async () => {
		const { listId, trigger } = await activatedOn(sandbox(), 100, PACED);
		const bulk = addContacts(sandbox(), listId, 1100);
		const gone = new Set([...bulk.slice(0, 5), ...bulk.slice(-5)]);
		const deleteSome = () => gone.forEach((id) => sandbox().control.deleteContact(listId, id));
		const first = await between(sandbox(), 1, deleteSome, async () => await trigger.poll());
		const emitted = await drain(trigger, first);
		// A contact deleted before the trigger read it may or may not come out; every other one comes out once.
		expect(emitted.filter((id) => !gone.has(id as number))).toEqual(bulk.filter((id) => !gone.has(id)));
		expect(new Set(emitted).size).toBe(emitted.length);
	});

	it('misses nothing when an older contact is deleted and one is added between two page requests', async () => {
		const { listId, trigger } = await activatedOn(sandbox(), 1500, PACED);
		const bulk = addContacts(sandbox(), listId, 1100);
		const oldest = sandbox().control.contacts(listId)[0].id;
		let during: number[] = [];
		const deleteAndAdd = () => {
			sandbox().control.deleteContact(listId, oldest);
			during = addContacts(sandbox(), listId, 1);
		};
		const first = await between(sandbox(), 1, deleteAndAdd, async () => await trigger.poll());
		expect(await drain(trigger, first)).toEqual([...bulk, ...during]);
	});
});
