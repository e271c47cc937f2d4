import {
	NodeConnectionTypes,
	NodeOperationError,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';
import { searchLists } from './listSearch/searchLists';
import { leadsopediaApiTest } from './shared/credential-test';
import { asNodeError } from './shared/errors';
import { MAX_PAGE_SIZE } from './shared/pagination';
import { credentialsOf, type PastMaxTries } from './shared/transport';
import { readState, writeState, type TriggerState } from './trigger/cursor';
import { unlessRunning } from './trigger/single-flight';
import { answerClock, callTimeMs } from './trigger/call-times';
import { triggerProperties } from './trigger/description';
import { quotaHints } from './trigger/quota-hints';
import { retryReserve, RETRY_SHARE } from './trigger/retry-reserve';
import { allLists, contactSource } from './trigger/source';
import type { WatchedCount } from './trigger/monthly-calls';
import { quotaSettings, refuseOverQuota } from './trigger/quota-check';
import type { PollLimits } from './trigger/list-poll';
import type { WatchedList } from './trigger/rotation';
import { newestWatched, recordPositions } from './trigger/activate';
import { pollWatched, type FoundContact, type Watched } from './trigger/watch';

/** "Fetch Test Event" watching every list: a minute at the API's spacing, enough for a sample contact. */
const TEST_EVENT_CALLS = 6;

/** n8n's default poll budget, for hosts older than getPollBudgetMs. */
const DEFAULT_POLL_BUDGET_MS = 5 * 60_000;

/** One item per contact, with the list it was added to (and the fields of a report). */
function toItems(found: FoundContact[]): INodeExecutionData[] {
	return found.map(({ listId, contact, notice }) => ({ json: { ...contact, list_id: /^\d+$/.test(listId) ? Number(listId) : listId, ...notice } }));
}

/** The lists a poll watches; its contact pages time the calls of `trigger` (call-times.ts). */
function watchedBy(context: IPollFunctions, trigger: string, pastMaxTries?: PastMaxTries): Watched {
	const answered = answerClock(trigger);
	const source = (listId: string) => contactSource(context, listId, pastMaxTries, answered);
	if (context.getNodeParameter('watchAllLists', false) as boolean) {
		return { scope: 'all', lists: async () => await allLists(context, pastMaxTries), source };
	}
	const listId = String(context.getNodeParameter('listId', '', { extractValue: true })).trim();
	if (!listId) throw new NodeOperationError(context.getNode(), 'Choose the list to watch');
	return { scope: `list:${listId}`, lists: async () => ({ lists: [{ id: listId }], calls: 0 }), source };
}

const pollBudgetMs = (context: IPollFunctions) => (typeof context.getPollBudgetMs === 'function' ? context.getPollBudgetMs() : DEFAULT_POLL_BUDGET_MS);

/**
 * Calls one poll may make when one call takes `callMs` (call-times.ts): n8n abandons a poll that
 * outlasts its budget, and a share is left for retries (retry-reserve.ts).
 */
function callBudget(context: IPollFunctions, callMs: number): number {
	return callMs > 0 ? Math.max(2, Math.floor(((1 - RETRY_SHARE) * pollBudgetMs(context)) / callMs)) : Number.MAX_SAFE_INTEGER;
}

/** What the idle cost depends on: one list, or how many lists of the account and how many with contacts. */
function counted(watched: Watched, totals: (number | undefined)[]): WatchedCount {
	return watched.scope === 'all' ? { lists: { all: totals.length, withContacts: totals.filter((total) => total !== 0).length } } : {};
}

/** The poll's limits: the API's largest pages, and the calls that fit in n8n's poll budget at `callMs` a call. */
function limitsOf(context: IPollFunctions, callMs: number): PollLimits {
	return { pageSize: MAX_PAGE_SIZE, maxCalls: callBudget(context, callMs) };
}

/** `state` with what one call now takes when that is beyond the interval, so that a new process plans its first polls with it. */
function withCallTime(state: TriggerState, callMs: number, intervalMs: number): TriggerState {
	return callMs > intervalMs ? { ...state, slowCallMs: callMs } : state;
}

/** One scheduled poll: the first records where the lists stand, later ones emit what is new. */
async function pollOnce(context: IPollFunctions, watched: Watched, trigger: string): Promise<INodeExecutionData[][] | null> {
	const staticData = context.getWorkflowStaticData('node');
	const state = readState(staticData);
	const now = Date.now();
	const { intervalMs } = await credentialsOf(context);
	// The time a call takes, as this process timed it (or the state saved it): before the poll, and after it for the next.
	const callMs = () => callTimeMs(trigger, intervalMs, state?.slowCallMs);
	const limits = limitsOf(context, callMs());
	const settings = quotaSettings(context);
	const check = (totals: (number | undefined)[]) => refuseOverQuota(context, counted(watched, totals));
	if (state?.scope !== watched.scope) {
		// First activation, or another list or mode: remember where every list not watched before
		// stands (what is there already is not new); a list watched before and still keeps its cursor.
		const beforeReading = (lists: WatchedList[]) => check(lists.map((list) => list.total));
		const recorded = await recordPositions(watched, { limits, now, beforeReading }, state?.lists ?? {});
		writeState(staticData, withCallTime({ ...recorded, quotaChecked: settings }, callMs(), intervalMs));
		return null;
	}
	// Poll Times or the option changed on the active trigger (or a state saved before the check): checked again.
	if (state.quotaChecked !== settings) check(Object.values(state.lists).map((cursor) => cursor.total));
	const result = await pollWatched(watched, state, limits, now);
	writeState(staticData, withCallTime({ ...result.state, quotaChecked: settings }, callMs(), intervalMs));
	return result.found.length > 0 ? [toItems(result.found)] : null;
}

export class LeadsopediaTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Leadsopedia Trigger',
		name: 'leadsopediaTrigger',
		icon: { light: 'file:leadsopedia.svg', dark: 'file:leadsopedia.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["watchAllLists"] ? "New contact in any list" : "New contact"}}',
		description: 'Starts the workflow when contacts are added to a Leadsopedia list',
		defaults: { name: 'Leadsopedia Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'leadsopediaApi', required: true, testedBy: 'leadsopediaApiTest' }],
		hints: quotaHints,
		// n8n's node loader prepends its own Poll Times (every minute) to the properties of a
		// polling node: the editor would show two Poll Times fields. A fresh copy on every read
		// leaves that prepend without effect, so the only Poll Times is this node's (hourly).
		get properties() {
			return [...triggerProperties];
		},
	};

	methods = { listSearch: { searchLists }, credentialTest: { leadsopediaApiTest } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		try {
			const manual = this.getMode() === 'manual';
			// A user waits on Fetch Test Event; no one waits on a scheduled poll, which may wait out a rate limit longer.
			const trigger = `${this.getWorkflow().id ?? ''}:${this.getNode().id}`;
			const watched = watchedBy(this, trigger, manual ? undefined : retryReserve(pollBudgetMs(this)));
			if (manual) {
				// "Fetch Test Event" shows the newest contact and leaves the saved state alone.
				const limits = limitsOf(this, callTimeMs(trigger, (await credentialsOf(this)).intervalMs));
				const newest = await newestWatched(watched, { ...limits, maxCalls: Math.min(limits.maxCalls, TEST_EVENT_CALLS) });
				if (!newest) {
					throw new NodeOperationError(this.getNode(), 'No contacts yet in the watched list', {
						description: 'Add a contact in Leadsopedia, then fetch the test event again.',
					});
				}
				return [toItems([newest])];
			}
			return await unlessRunning(trigger, async () => await pollOnce(this, watched, trigger), null);
		} catch (error) {
			throw asNodeError(this.getNode(), error);
		}
	}
}
