import type { IDataObject, INodeParameters } from 'n8n-workflow';
import type { Sandbox } from '../../sandbox';
import { PolledTrigger, type PollOutcome } from '../helpers/poll';

let lists = 0;

/** A new list of the demo account, with `count` contacts already in it. */
export function newList(sandbox: Sandbox, count = 0): number {
	const list = sandbox.control.addList(`Trigger list ${++lists}`);
	addContacts(sandbox, list.id, count);
	return list.id;
}

export function addContacts(sandbox: Sandbox, listId: number, count: number): number[] {
	return sandbox.control.addContacts(listId, Array.from({ length: count }, () => ({}))).map((contact) => contact.id);
}

export const byId = (listId: number) => ({ __rl: true, mode: 'id', value: String(listId) });

/** The trigger watching one list of the sandbox (or, with `parameters`, whatever they say). */
export function triggerOn(sandbox: Sandbox, watch: number | INodeParameters, credentials?: IDataObject): PolledTrigger {
	const parameters = typeof watch === 'number' ? { event: 'newContact', listId: byId(watch) } : watch;
	return new PolledTrigger({ baseUrl: sandbox.baseUrl, apiKey: sandbox.apiKey, parameters, credentials });
}

/** The ids a poll emitted, in output order; [] when it emitted nothing. */
export const emittedIds = (outcome: PollOutcome): unknown[] => (outcome.items ?? []).map((item) => item.json.id);

/** A list of `count` contacts and a trigger on it, activated (its state saved). */
export async function activatedOn(sandbox: Sandbox, count: number, credentials?: IDataObject) {
	const listId = newList(sandbox, count);
	const trigger = triggerOn(sandbox, listId, credentials);
	await trigger.activate();
	return { listId, trigger };
}

/** Calls that reached the API since the log was last cleared, and clears it. */
export function takeCalls(sandbox: Sandbox): string[] {
	const calls = sandbox.control
		.requestLog()
		.filter((entry) => entry.host === 'api')
		.map((entry) => `${entry.method} ${entry.path}?${new URLSearchParams(entry.query).toString()}`);
	sandbox.control.clearLog();
	return calls;
}

/** Spacing of the trigger's calls in tests that change the list between them. */
export const PACED = { requestInterval: 0.1 };

/**
 * Runs `change` as soon as `answered` calls have been answered: with PACED credentials the
 * trigger's next call waits 0.1 s, so the change lands between two page requests of one poll.
 */
export async function between<T>(sandbox: Sandbox, answered: number, change: () => void, poll: () => Promise<T>): Promise<T> {
	sandbox.control.clearLog();
	let done = false;
	const watcher = (async () => {
		while (!done) {
			if (sandbox.control.requestLog().filter((entry) => entry.host === 'api' && entry.status !== 0).length >= answered) {
				change();
				return;
			}
			await new Promise((resolve) => setTimeout(resolve, 2));
		}
	})();
	try {
		return await poll();
	} finally {
		done = true;
		await watcher;
	}
}

/** Polls until a poll emits nothing; every id emitted, in order. */
export async function drain(trigger: PolledTrigger, first?: PollOutcome): Promise<unknown[]> {
	const ids = first ? emittedIds(first) : [];
	for (let polls = 0; polls < 20; polls++) {
		const outcome = await trigger.poll();
		if (!outcome.items) return ids;
		ids.push(...emittedIds(outcome));
	}
	throw new Error('the trigger kept emitting');
}
