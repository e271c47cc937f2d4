import type { IDataObject, INodeParameters } from 'n8n-workflow';
import type { Sandbox } from '../../sandbox';
import { askedBetween, now, recordWaits, plannedMs, type Wait } from '../helpers/waits';
import { byId, listNamed, runAgainst, useSandbox } from './sandbox-run';

const PAGES = 30;
const PAGE_SIZE = 10;
const INTERVAL_MS = 1000;
const sandbox = useSandbox({ contacts: PAGES * PAGE_SIZE });
const waits = recordWaits();
// The code times its waits with Date.now(), the record with the sandbox log's clock.
const CLOCKS_MS = 5;

const returnAllOfBigList = () => ({
	resource: 'contact',
	operation: 'getAll',
	listId: byId(listNamed(sandbox(), 'Big list')),
	returnAll: true,
	options: { pageSize: PAGE_SIZE },
});

const apiCalls = (box: Sandbox) => box.control.requestLog().filter((entry) => entry.host === 'api');

/** Resolves once the sandbox has seen `count` API calls; the time of that moment. */
async function afterCalls(box: Sandbox, count: number): Promise<number> {
	for (let polls = 0; polls < 6000; polls++) {
		if (apiCalls(box).length >= count) return now();
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
	throw new Error(`the sandbox never saw ${count} calls`);
}

/**
 * Resolves once the node has asked for a wait like this one; the time of that moment. The
 * sandbox logs a call as it arrives, before its answer leaves: a Stop timed by the log would
 * come while the call is in flight, before the node has read the answer and started waiting.
 */
async function waitAsked(isIt: (wait: Wait) => boolean): Promise<number> {
	for (let polls = 0; polls < 6000; polls++) {
		if (waits().some(isIt)) return now();
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
	throw new Error('the node never asked for that wait');
}

/** Runs the node as the server does and presses Stop when `stopWhen` resolves. */
async function runAndStop(parameters: INodeParameters, credentials: IDataObject, stopWhen: Promise<number>) {
	let stoppedAt = 0;
	const stop = stopWhen.then((at) => (stoppedAt = at));
	const run = await runAgainst(sandbox(), parameters, { credentials, asServer: true, stop });
	const endedAt = now();
	// The node was still at work when Stop came.
	expect(stoppedAt).toBeGreaterThan(0);
	expect(run.error?.message).toBe('The execution was stopped');
	const callsAfterStop = apiCalls(sandbox()).filter((entry) => entry.startedAt > stoppedAt).length;
	// Every wait not yet over at the Stop (pacing, backoff, Retry-After), or asked after it.
	const outlasting = waits().filter((wait) => wait.askedAt + wait.ms > stoppedAt);
	return { run, endedAt, callsAfterStop, outlasting };
}

test('a stopped execution gives up its turn: another workflow with the key is not held for it', async () => {
	sandbox().control.setOptions({ intervalMs: INTERVAL_MS });
	const credentials = { requestInterval: INTERVAL_MS / 1000 };
	const firstCall = afterCalls(sandbox(), 1);
	const later = (ms: number) => firstCall.then(async () => await new Promise((resolve) => setTimeout(resolve, ms)));
	// Its second page waits for the turn after its first call; the other workflow's call queues behind that one.
	const stopped = runAndStop(returnAllOfBigList(), credentials, later(INTERVAL_MS / 4).then(now));
	await later(INTERVAL_MS / 10);
	const other = runAgainst(sandbox(), { resource: 'list', operation: 'get', listId: byId(listNamed(sandbox(), 'Customers')) }, { credentials });
	const [, otherRun] = await Promise.all([stopped, other]);
	expect(otherRun.error).toBeUndefined();
	expect(apiCalls(sandbox())).toHaveLength(2);
	const [first, second] = apiCalls(sandbox());
	expect(second.path).toMatch(/^\/v1\/mylists\//);
	// The other call takes the stopped page's turn, one interval after the first call: not
	// two. Measured by the waits asked between the calls, which a busy machine cannot stretch.
	expect(plannedMs(askedBetween(waits(), first.startedAt, second.startedAt))).toBeLessThanOrEqual(INTERVAL_MS + CLOCKS_MS);
});

// The Retry-After case last: its 30 s hold stays on the key's lane, as the API's Retry-After binds every call of the key.
test.each([
	{
		moment: 'a paced Return All over 30 pages, as its 3rd call arrives',
		callsBeforeStop: 3,
		credentials: { requestInterval: INTERVAL_MS / 1000 },
		setUp: () => sandbox().control.setOptions({ intervalMs: INTERVAL_MS }),
	},
	{
		// The first backoff lasts 0.5 to 1 s.
		moment: 'the backoff after a 503',
		callsBeforeStop: 1,
		credentials: { maxTries: 4, maxRetryWait: 60 },
		setUp: () => sandbox().control.injectFaults({ kind: 503, times: 1 }),
		stopAt: () => waitAsked((wait) => wait.ms >= 500 && wait.ms <= 1000),
	},
	{
		// Pacing off, so that the hold is the wait the node is in (not a 10 s turn before it).
		moment: 'a 30 s Retry-After hold',
		callsBeforeStop: 1,
		credentials: { requestInterval: 0, maxTries: 4, maxRetryWait: 60 },
		setUp: () => sandbox().control.injectFaults({ kind: 429, retryAfter: 30, times: 1 }),
		stopAt: () => waitAsked((wait) => wait.ms > 25_000 && wait.ms <= 30_000),
	},
])('Stop during $moment: no call after it, the node ends at once', async ({ callsBeforeStop, credentials, setUp, stopAt }) => {
	setUp();
	const stopWhen = stopAt ? stopAt() : afterCalls(sandbox(), callsBeforeStop);
	const { run, endedAt, callsAfterStop, outlasting } = await runAndStop(returnAllOfBigList(), credentials, stopWhen);
	expect(callsAfterStop).toBe(0);
	expect(apiCalls(sandbox())).toHaveLength(callsBeforeStop);
	// At once: the node ended before any wait it was in, or was about to start, ran out.
	for (const wait of outlasting) expect(endedAt).toBeLessThan(wait.askedAt + wait.ms);
	expect(run.items).toEqual([]);
});
