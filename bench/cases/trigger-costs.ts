import '../engine-env';
import nock from 'nock';
import type { PolledTrigger } from '../../test/helpers/poll';
import { FakeList, type ApiOrder } from '../../test/trigger/fake-api';
import { serve, triggerOnServed } from '../../test/trigger/served-list';

/**
 * Case 4c: what the trigger costs on the list shapes of issue 20, through n8n-core's poll
 * path (the tests' PolledTrigger) against a list served by nock in either order. At the
 * default budget of 24 calls a poll (n8n's 5-minute budget at 10 s between calls), scaled
 * down to 300 ms at 10 ms between calls so that it runs in seconds.
 */
const BUDGET = { credentials: { requestInterval: 0.01 }, pollBudgetMs: 300 };

export interface TriggerShape {
	contacts: number;
	/** Every contact in one second (a bulk import), or each a second after the previous one. */
	oneSecond: boolean;
	/** The API lists a second's contacts in a new order on every request (MySQL's ORDER BY date_added with ties). */
	reshuffled?: boolean;
}

export interface TriggerCostRow extends TriggerShape {
	order: ApiOrder;
	activationCalls: number;
	testEventCalls: number;
	/** Calls of each idle poll, in turn. */
	idleCalls: number[];
	/** Lists of distinct seconds: the calls of a poll after each of `NEW_BATCHES` is added (the cursor alone on its page before the first). */
	newCalls?: number[];
}

export interface InterleavedStateRow {
	order: ApiOrder;
	ids: number;
	stateBytes: number;
}

const IDLE_POLLS = 3;
/** Polls a backlog may take to come out before a case fails (a trigger that stalls). */
const MAX_POLLS = 200;
/** New contacts added after the idle polls, one batch a poll: a page's worth or less, then more than a page. */
export const NEW_BATCHES = [2, 1500];

/**
 * Budgets a poll gets, scaled down as `BUDGET`: the default (n8n's 5-minute budget at 10 s between calls), and n8n
 * 2.40's scheduler for poll triggers at its defaults (a budget of 36 s reported: 2 calls at 10 s between calls).
 */
export const BACKLOG_BUDGETS = { 24: BUDGET, 2: { credentials: { requestInterval: 0.01 }, pollBudgetMs: 30 } } as const;

/** Runs `measure` with nock serving `list` as list 7, and takes nock away again for the other cases. */
async function onServed<T>(list: FakeList, measure: (trigger: PolledTrigger) => Promise<T>, budget: (typeof BACKLOG_BUDGETS)[keyof typeof BACKLOG_BUDGETS] = BUDGET): Promise<T> {
	if (!nock.isActive()) nock.activate();
	nock.disableNetConnect();
	try {
		serve(list);
		const trigger = triggerOnServed(budget);
		return await measure(trigger);
	} finally {
		nock.cleanAll();
		nock.enableNetConnect();
		nock.restore();
	}
}

/** The calls `step` makes; it must not fail. */
async function callsOf(list: FakeList, step: () => Promise<{ error?: Error; items: unknown[] | null }>, idle: boolean): Promise<number> {
	const before = list.calls;
	const outcome = await step();
	if (outcome.error) throw outcome.error;
	if (idle && outcome.items) throw new Error('an idle poll emitted contacts');
	return list.calls - before;
}

/** A poll that must emit exactly `count` contacts. */
async function pollEmitting(trigger: PolledTrigger, count: number) {
	const outcome = await trigger.poll();
	if (!outcome.error && (outcome.items?.length ?? 0) !== count) throw new Error(`a poll emitted ${outcome.items?.length ?? 0} of ${count} new contacts`);
	return outcome;
}

export async function triggerCost(order: ApiOrder, shape: TriggerShape): Promise<TriggerCostRow> {
	const list = new FakeList(order);
	if (shape.oneSecond) list.add(1);
	list.add(shape.contacts - (shape.oneSecond ? 1 : 0), shape.oneSecond);
	return await onServed(list, async (trigger) => {
		const activationCalls = await callsOf(list, async () => await trigger.activate(), true);
		const testEventCalls = await callsOf(list, async () => await trigger.testEvent(), false);
		const idleCalls: number[] = [];
		for (let poll = 0; poll < IDLE_POLLS; poll++) idleCalls.push(await callsOf(list, async () => await trigger.poll(), true));
		if (shape.oneSecond) return { order, ...shape, activationCalls, testEventCalls, idleCalls };
		const newCalls: number[] = [];
		for (const batch of NEW_BATCHES) newCalls.push(await callsOf(list, async () => await pollEmitting(trigger, list.add(batch).length), false));
		return { order, ...shape, activationCalls, testEventCalls, idleCalls, newCalls };
	});
}

/** Polls until every contact of `waiting` came out, each once (at most `MAX_POLLS`): the calls of each poll. */
async function pollUntilOut(trigger: PolledTrigger, list: FakeList, waiting: Set<unknown>): Promise<number[]> {
	const calls: number[] = [];
	while (waiting.size > 0) {
		if (calls.length >= MAX_POLLS) throw new Error(`${waiting.size} contacts still waiting after ${MAX_POLLS} polls`);
		const before = list.calls;
		const outcome = await trigger.poll();
		if (outcome.error) throw outcome.error;
		calls.push(list.calls - before);
		for (const item of outcome.items ?? []) if (!waiting.delete(item.json.id)) throw new Error(`contact ${String(item.json.id)} emitted twice or not waited for`);
	}
	return calls;
}

/** The saved state after a one-second import of `ids` contacts on every other id (another list's import takes the others). */
export async function interleavedState(order: ApiOrder, ids: number): Promise<InterleavedStateRow> {
	const list = new FakeList(order);
	list.add(3);
	return await onServed(list, async (trigger) => {
		await trigger.activate();
		list.idGap = 1;
		await pollUntilOut(trigger, list, new Set([...list.add(1), ...list.add(ids - 1, true)].map((contact) => contact.id)));
		return { order, ids, stateBytes: Buffer.byteLength(JSON.stringify(trigger.savedState())) };
	});
}

export interface BacklogRow extends TriggerShape {
	order: ApiOrder;
	budget: keyof typeof BACKLOG_BUDGETS;
	/** Polls until every contact added after activation came out (each once), and their calls. */
	polls: number;
	calls: number;
	mostCallsInAPoll: number;
}

/** A backlog of `shape.contacts` added after activation to a list of 10: the polls and calls until all of it came out. */
export async function backlogCost(order: ApiOrder, shape: TriggerShape, budget: keyof typeof BACKLOG_BUDGETS): Promise<BacklogRow> {
	const list = new FakeList(order);
	if (shape.reshuffled) list.tieSeed = 1;
	list.add(10);
	return await onServed(
		list,
		async (trigger) => {
			await trigger.activate();
			const calls = await pollUntilOut(trigger, list, new Set(list.add(shape.contacts, shape.oneSecond).map((contact) => contact.id)));
			return { order, ...shape, budget, polls: calls.length, calls: calls.reduce((sum, count) => sum + count, 0), mostCallsInAPoll: Math.max(...calls) };
		},
		BACKLOG_BUDGETS[budget],
	);
}

export const BACKLOG_SHAPES: TriggerShape[] = [
	{ contacts: 20_000, oneSecond: false },
	{ contacts: 30_000, oneSecond: true },
	{ contacts: 3_000, oneSecond: true, reshuffled: true },
	{ contacts: 10_000, oneSecond: true, reshuffled: true },
];

export const TRIGGER_SHAPES: TriggerShape[] = [
	{ contacts: 1001, oneSecond: false },
	{ contacts: 2001, oneSecond: false },
	{ contacts: 2500, oneSecond: true },
	{ contacts: 100_000, oneSecond: true },
];

// `npx tsx bench/cases/trigger-costs.ts` runs this case alone (npm run bench runs it as case 4c).
if (require.main === module) {
	(async () => {
		for (const order of ['asc', 'desc'] as const) for (const shape of TRIGGER_SHAPES) console.log(JSON.stringify(await triggerCost(order, shape)));
		for (const order of ['asc', 'desc'] as const) console.log(JSON.stringify(await interleavedState(order, 10_000)));
		for (const budget of [24, 2] as const) for (const order of ['asc', 'desc'] as const) for (const shape of BACKLOG_SHAPES) console.log(JSON.stringify(await backlogCost(order, shape, budget)));
	})().catch((error: Error) => {
		console.error(error);
		process.exitCode = 1;
	});
}
