import '../engine-env';
import type { INodeParameters } from 'n8n-workflow';
import { startSandbox, type Sandbox } from '../../sandbox';
import { PolledTrigger } from '../../test/helpers/poll';

/**
 * Case 4b: Watch All Lists against the quota. A month of hourly polls on an idle account of
 * N lists (3 contacts each), on a clock the case moves an hour a poll; and the calls of
 * activation and of Fetch Test Event within n8n's default poll budget (5 minutes at 10 s a
 * call, run 1,000 times faster: 0.3 s at 10 ms).
 */

const HOUR = 3_600_000;
export const POLLS_A_MONTH = 720;
/** The default budget and spacing, scaled down: floor(0.8 × 300 / 10) = 24 calls a poll, as in production. */
const SCALED = { pollBudgetMs: 300, credentials: { requestInterval: 0.01 } };

export interface WatchAllMonthRow {
	lists: number;
	polls: number;
	/** Of the polls run: 720 for a month. */
	callsPerMonth: number;
	/** The most calls one poll of the month made. */
	maxPollCalls: number;
	stateBytes: number;
}

export interface ActivationRow {
	lists: number;
	mode: 'one list' | 'every list';
	activationCalls: number;
	/** Polls after activation until every list's position is recorded (activation within the budget leaves the rest to them). */
	pollsToRecordAll: number;
	testEventCalls: number;
}

/** A sandbox whose demo account holds exactly `lists` lists of 3 contacts. */
async function accountOf(lists: number): Promise<{ sandbox: Sandbox; ids: number[] }> {
	const sandbox = await startSandbox({ intervalMs: 0 });
	for (const list of sandbox.control.lists('demo')) {
		const answer = await fetch(`${sandbox.baseUrl}/mylists/${list.id}`, { method: 'DELETE', headers: { 'X-Api-Key': sandbox.apiKey } });
		if (!answer.ok) throw new Error(`could not delete seeded list ${list.id}: ${answer.status}`);
	}
	const ids = Array.from({ length: lists }, (_, index) => {
		const list = sandbox.control.addList(`Watched ${index + 1}`);
		sandbox.control.addContacts(list.id, [{}, {}, {}]);
		return list.id;
	});
	sandbox.control.clearLog();
	return { sandbox, ids };
}

const apiCalls = (sandbox: Sandbox) => {
	const calls = sandbox.control.requestLog().filter((entry) => entry.host === 'api').length;
	sandbox.control.clearLog();
	return calls;
};

/** Runs `body` with Date.now moved by what it sets: the trigger's daily checks follow that clock. */
async function onClock<T>(body: (advance: (ms: number) => void) => Promise<T>): Promise<T> {
	const realNow = Date.now;
	let offset = 0;
	Date.now = () => realNow() + offset;
	try {
		return await body((ms) => {
			offset += ms;
		});
	} finally {
		Date.now = realNow;
	}
}

/** Calls of a month (720 hourly polls, or `polls`; nothing new) watching every list of an account of `lists`. */
export async function watchAllMonth(lists: number, polls = POLLS_A_MONTH): Promise<WatchAllMonthRow> {
	const { sandbox } = await accountOf(lists);
	try {
		return await onClock(async (advance) => {
			const trigger = new PolledTrigger({ baseUrl: sandbox.baseUrl, apiKey: sandbox.apiKey, parameters: { event: 'newContact', watchAllLists: true } });
			const activation = await trigger.activate();
			if (activation.error) throw activation.error;
			apiCalls(sandbox);
			let callsPerMonth = 0;
			let maxPollCalls = 0;
			for (let poll = 0; poll < polls; poll++) {
				advance(HOUR);
				const outcome = await trigger.poll();
				if (outcome.error) throw outcome.error;
				if (outcome.items) throw new Error('an idle poll emitted contacts');
				const calls = apiCalls(sandbox);
				callsPerMonth += calls;
				maxPollCalls = Math.max(maxPollCalls, calls);
			}
			return { lists, polls, callsPerMonth, maxPollCalls, stateBytes: Buffer.byteLength(JSON.stringify(trigger.memoryState())) };
		});
	} finally {
		await sandbox.stop();
	}
}

/** Calls of activation and of Fetch Test Event, one list or every list of an account of `lists`, within the default budget. */
export async function activationCalls(lists: number, mode: ActivationRow['mode']): Promise<ActivationRow> {
	const { sandbox, ids } = await accountOf(lists);
	try {
		// 1,000 lists checked daily pass the quota: the trigger refuses them unless allowed.
		const parameters: INodeParameters =
			mode === 'one list' ? { event: 'newContact', listId: { __rl: true, mode: 'id', value: String(ids[0]) } } : { event: 'newContact', watchAllLists: true, allowOverQuota: true };
		const trigger = new PolledTrigger({ baseUrl: sandbox.baseUrl, apiKey: sandbox.apiKey, parameters, ...SCALED });
		const testEvent = await trigger.testEvent();
		if (testEvent.error) throw testEvent.error;
		const testEventCalls = apiCalls(sandbox);
		const activation = await trigger.activate();
		if (activation.error) throw activation.error;
		const activationCalls = apiCalls(sandbox);
		let pollsToRecordAll = 0;
		while (JSON.stringify(trigger.memoryState()).includes('"pending"')) {
			const outcome = await trigger.poll();
			if (outcome.error) throw outcome.error;
			if (++pollsToRecordAll > lists) throw new Error('the lists were never all recorded');
		}
		return { lists, mode, activationCalls, pollsToRecordAll, testEventCalls };
	} finally {
		await sandbox.stop();
	}
}

