import '../engine-env';
import { startSandbox } from '../../sandbox';
import { PolledTrigger } from '../../test/helpers/poll';

/** Case 4: API calls per poll of the trigger, and the size of the state it keeps. */
export interface TriggerCallsRow {
	order: 'asc' | 'desc';
	/** Contacts added before the poll; 0 is an idle poll. */
	added: number;
	calls: number;
	emitted: number;
	bound: number;
}

export interface TriggerStateRow {
	contacts: number;
	stateBytes: number;
	activationCalls: number;
}

export async function triggerCalls(order: 'asc' | 'desc', batches: number[]): Promise<TriggerCallsRow[]> {
	const sandbox = await startSandbox({ intervalMs: 0, order, contacts: 1234 });
	try {
		const listId = Number(sandbox.control.lists('demo').find((list) => list.name === 'Big list')?.id);
		const trigger = new PolledTrigger({
			baseUrl: sandbox.baseUrl,
			apiKey: sandbox.apiKey,
			parameters: { event: 'newContact', listId: { __rl: true, mode: 'id', value: String(listId) } },
		});
		await trigger.activate();
		const rows: TriggerCallsRow[] = [];
		for (const added of batches) {
			sandbox.control.addContacts(listId, Array.from({ length: added }, () => ({})));
			sandbox.control.clearLog();
			const outcome = await trigger.poll();
			if (outcome.error) throw outcome.error;
			const emitted = outcome.items?.length ?? 0;
			if (emitted !== added) throw new Error(`poll emitted ${emitted} of ${added} new contacts`);
			// Oldest first, a poll that spans pages reads its first page again.
			rows.push({ order, added, calls: sandbox.control.requestLog().length, emitted, bound: Math.ceil(added / 1000) + (order === 'asc' ? 2 : 1) });
		}
		return rows;
	} finally {
		await sandbox.stop();
	}
}

export async function triggerState(contacts: number): Promise<TriggerStateRow> {
	const sandbox = await startSandbox({ intervalMs: 0, contacts });
	try {
		const listId = sandbox.control.lists('demo').find((list) => list.name === 'Big list')?.id;
		const trigger = new PolledTrigger({
			baseUrl: sandbox.baseUrl,
			apiKey: sandbox.apiKey,
			parameters: { event: 'newContact', listId: { __rl: true, mode: 'id', value: String(listId) } },
		});
		const outcome = await trigger.activate();
		if (outcome.error) throw outcome.error;
		return {
			contacts,
			stateBytes: Buffer.byteLength(JSON.stringify(trigger.savedState())),
			activationCalls: sandbox.control.requestLog().length,
		};
	} finally {
		await sandbox.stop();
	}
}
