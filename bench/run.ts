/**
 * npm run bench            every case at full size; writes bench/results.json
 * npm run bench -- --smoke a small, fast subset (CI): checks the call-count goals, writes nothing
 *
 * Against the sandbox on loopback, seeded data. Pacing is off except in the paced case.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_ITEMS_PER_INPUT } from '../nodes/Leadsopedia/shared/page-checks';
import { countCalls, type CallCountRow } from './cases/api-calls';
import { batchedRead } from './cases/batched-read';
import { CHANGES, changingListCalls } from './cases/changing-list';
import { httpRequestNodeCalls, type HttpRequestRow } from './cases/http-request-node';
import { pacedAllowance, pacedReturnAll } from './cases/paced';
import { monthlyCalls } from './cases/schedule';
import { itemLimits } from './cases/item-limit';
import { stopDuringReturnAll } from './cases/stop';
import { throughput, type ThroughputRow } from './cases/throughput';
import { triggerCalls, triggerState } from './cases/trigger';
import { BACKLOG_SHAPES, backlogCost, interleavedState, NEW_BATCHES, triggerCost, TRIGGER_SHAPES, type BacklogRow } from './cases/trigger-costs';
import { activationCalls, watchAllMonth, type ActivationRow } from './cases/watch-all';
import { formatSpread, round } from './stats';
import { table } from './table';

const smoke = process.argv.includes('--smoke');
const withHttpRequestNode = !smoke && !process.argv.includes('--no-n8n');

const sizes = smoke
	? {
			contacts: [0, 101, 1000],
			pageSizes: [100],
			pacedInterval: 0.2,
			// The latency case needs the real interval for its 1% goal: full runs only.
			pacedRuns: [{ pages: 5, latencyMs: 0 }],
			stopInterval: 2,
			throughput: 10_000,
			runs: 1,
			batches: [0, 1, 100],
			states: [1000],
			bigList: { contacts: 25_000, batch: 10_000 },
			watchAll: { lists: [10], polls: 48, starts: [[100, 'every list']] as [number, ActivationRow['mode']][] },
			changes: CHANGES.filter((change) => change.title === '10 deleted from page 1, after page 1'),
			triggerCosts: { orders: ['asc'] as const, shapes: TRIGGER_SHAPES.slice(0, 3) },
			backlogBudgets: [] as BacklogRow['budget'][],
		}
	: {
			contacts: [0, 1, 99, 100, 101, 1000, 10_000, 100_000],
			pageSizes: [100, 1000],
			pacedInterval: 10,
			pacedRuns: [
				{ pages: 5, latencyMs: 0 },
				{ pages: 100, latencyMs: 50 },
			],
			stopInterval: 10,
			throughput: 100_000,
			runs: 9,
			batches: [0, 1, 100, 1000],
			states: [1000, 1_000_000],
			bigList: { contacts: 1_000_000, batch: MAX_ITEMS_PER_INPUT },
			watchAll: {
				lists: [1, 10, 50, 100],
				polls: 720,
				starts: [
					[1, 'one list'],
					[1, 'every list'],
					[1000, 'every list'],
				] as [number, ActivationRow['mode']][],
			},
			changes: CHANGES,
			triggerCosts: { orders: ['asc', 'desc'] as const, shapes: TRIGGER_SHAPES },
			backlogBudgets: [24, 2] as BacklogRow['budget'][],
		};

const failures: string[] = [];
function goal(ok: boolean, text: string): string {
	if (!ok) failures.push(text);
	return ok ? 'met' : 'MISSED';
}

async function main(): Promise<void> {
	const started = Date.now();

	console.log('\n1. API calls for Contact → Get Many, Return All (floor: ceil(N / page size), at least 1)');
	const calls: CallCountRow[] = [];
	for (const pageSize of sizes.pageSizes) for (const contacts of sizes.contacts) calls.push(await countCalls(contacts, pageSize));
	const httpRequest: HttpRequestRow[] = withHttpRequestNode ? await httpRequestNodeCalls(sizes.contacts, sizes.pageSizes) : [];
	const httpCalls = (row: CallCountRow) =>
		httpRequest.find((other) => other.contacts === row.contacts && other.pageSize === row.pageSize)?.calls ?? '–';
	console.log(
		table(
			['N', 'page size', 'node calls', 'floor', 'wasted', 'HTTP Request node calls (next URL / page number)'],
			calls.map((row) => [row.contacts, row.pageSize, row.calls, row.floor, row.wasted, httpCalls(row)]),
		),
	);
	const wasted = calls.reduce((sum, row) => sum + row.wasted, 0);
	console.log(`goal 0 wasted calls: ${wasted} wasted -> ${goal(wasted === 0 && calls.every((row) => row.items === row.contacts), 'wasted calls')}`);

	console.log(`\n2. Paced Return All, ${sizes.pacedInterval} s between calls (floor: (pages - 1) intervals; goal: within 1 s of it, and with 50 ms added to each round trip within 1% + 1 s)`);
	const paced = [];
	for (const { pages, latencyMs } of sizes.pacedRuns) paced.push(await pacedReturnAll(sizes.pacedInterval, pages, latencyMs));
	console.log(
		table(
			['pages', 'added round trip ms', 'wall s', 'floor s', 'over floor s', 'allowed s', 'extra wait per call ms (median / max)', '429s'],
			paced.map((row) => [row.pages, row.latencyMs, round(row.wallSeconds), row.floorSeconds, round(row.wallSeconds - row.floorSeconds), round(pacedAllowance(row)), `${round(row.extraWaitMs.median)} / ${round(row.extraWaitMs.max)}`, row.refused]),
		),
	);
	const pacedOk = paced.every((row) => row.wallSeconds - row.floorSeconds <= pacedAllowance(row) && row.refused === 0);
	console.log(`goal: ${goal(pacedOk, 'paced time')}`);

	console.log(`\n3. Throughput: ${sizes.throughput} contacts, page size 1000, node in n8n-core vs bare loops over fetch and node:http (${sizes.runs} runs each after one warm-up run, median (min–max))`);
	const speed = await throughput(sizes.throughput, 1000, sizes.runs);
	const side = (name: string, measured: ThroughputRow['node']) => [
		name,
		formatSpread(measured.wallMs, '', 0),
		formatSpread(measured.cpuMs, '', 0),
		formatSpread(measured.peakRssMb, '', 0),
		formatSpread(measured.baselineRssMb, '', 0),
	];
	console.log(table(['', 'wall ms', 'CPU ms', 'peak RSS MB', 'RSS at start MB'], [side('node', speed.node), side('fetch loop', speed.bare), side('node:http loop', speed.http)]));
	const speedOk = speed.wallRatio <= 1.2 && speed.cpuRatio <= 1.2;
	// One run on a shared machine decides nothing: the smoke run reports the ratio without a verdict.
	const verdict = smoke ? 'not judged in smoke' : goal(speedOk, 'throughput');
	console.log(`node / fetch loop: wall ${round(speed.wallRatio)}x, CPU ${round(speed.cpuRatio)}x (goal <= 1.2x: ${verdict})`);
	console.log(`node / node:http loop: wall ${round(speed.httpWallRatio)}x, CPU ${round(speed.httpCpuRatio)}x`);

	console.log('\n4. Trigger: calls per poll (0 = idle) on a list of 1234, and state size');
	const triggerRows = [...(await triggerCalls('asc', sizes.batches)), ...(smoke ? [] : await triggerCalls('desc', sizes.batches))];
	console.log(table(['order', 'new k', 'calls', 'bound ceil(k/1000)+1 (oldest first +2)', 'emitted'], triggerRows.map((row) => [row.order, row.added, row.calls, row.added ? row.bound : 1, row.emitted])));
	const states = [];
	for (const contacts of sizes.states) states.push(await triggerState(contacts));
	console.log(table(['list size', 'state bytes', 'activation calls'], states.map((row) => [row.contacts, row.stateBytes, row.activationCalls])));
	const idleOk = triggerRows.filter((row) => row.added === 0).every((row) => row.calls === 1);
	const boundOk = triggerRows.filter((row) => row.added > 0).every((row) => row.calls <= row.bound);
	console.log(`goal idle poll = 1 call: ${goal(idleOk, 'idle poll')}; k new within bound: ${goal(boundOk, 'trigger bound')}; state < 2 KB: ${goal(states.every((row) => row.stateBytes < 2048), 'state size')}`);

	console.log(`\n4b. Trigger, Watch All Lists: idle calls of ${sizes.watchAll.polls} hourly polls (720: a month), activation and Fetch Test Event within the default budget`);
	const watchAll = [];
	for (const lists of sizes.watchAll.lists) watchAll.push(await watchAllMonth(lists, sizes.watchAll.polls));
	console.log(table(['lists', 'polls', 'calls', 'most calls in a poll', 'state bytes'], watchAll.map((row) => [row.lists, row.polls, row.callsPerMonth, row.maxPollCalls, row.stateBytes])));
	// A poll reads /mylists; each list with contacts is checked once a day.
	const modelOk = watchAll.every((row) => row.callsPerMonth <= row.polls + row.lists * Math.ceil(row.polls / 24));
	const starts = [];
	for (const [lists, mode] of sizes.watchAll.starts) starts.push(await activationCalls(lists, mode));
	console.log(table(['lists', 'watching', 'activation calls', 'polls to record the rest', 'Fetch Test Event calls'], starts.map((row) => [row.lists, row.mode, row.activationCalls, row.pollsToRecordAll, row.testEventCalls])));
	const startsOk = starts.every((row) => row.activationCalls <= 24 && row.testEventCalls <= 6);
	console.log(`goal idle calls <= polls + a daily check per list: ${goal(modelOk, 'watch all idle')}; activation <= 24 calls, Fetch Test Event <= 6: ${goal(startsOk, 'watch all budgets')}`);

	console.log('\n4c. Trigger on the list shapes of issue 20 (nock, n8n-core\'s poll path, 24 calls a poll): idle polls, then (lists of distinct seconds) a poll after 2 and after 1,500 new contacts, activation, Fetch Test Event; state after a one-second import of 10,000 ids on every other id');
	const triggerCosts = [];
	for (const order of sizes.triggerCosts.orders) for (const shape of sizes.triggerCosts.shapes) triggerCosts.push(await triggerCost(order, shape));
	console.log(
		table(
			['order', 'contacts', 'dates', 'calls per idle poll', `calls for ${NEW_BATCHES.join(', then ')} new`, 'activation calls', 'Fetch Test Event calls'],
			triggerCosts.map((row) => [row.order, row.contacts, row.oneSecond ? 'one second' : 'a second apart', row.idleCalls.join(', '), row.newCalls?.join(', ') ?? '-', row.activationCalls, row.testEventCalls]),
		),
	);
	const interleaved = [];
	for (const order of sizes.triggerCosts.orders) interleaved.push(await interleavedState(order, 10_000));
	console.log(table(['order', 'imported ids', 'state bytes'], interleaved.map((row) => [row.order, row.ids, row.stateBytes])));
	const backlogs = [];
	for (const budget of sizes.backlogBudgets) for (const order of sizes.triggerCosts.orders) for (const shape of BACKLOG_SHAPES) backlogs.push(await backlogCost(order, shape, budget));
	if (backlogs.length > 0) {
		console.log('A backlog added after activation, at the default budget and at 2 calls a poll (n8n 2.40\'s scheduler for poll triggers at its defaults):');
		console.log(
			table(
				['budget', 'order', 'backlog', 'dates', 'polls until all out', 'calls', 'most calls in a poll'],
				backlogs.map((row) => [row.budget, row.order, row.contacts, row.oneSecond ? `one second${row.reshuffled ? ', in a new order on every request' : ''}` : 'a second apart', row.polls, row.calls, row.mostCallsInAPoll]),
			),
		);
	}
	const spreadIdleOk = triggerCosts.filter((row) => !row.oneSecond).every((row) => row.idleCalls.every((calls) => calls === 1));
	// Oldest first with the cursor alone on its page, the page read to prove the poll idle is the walk's first (idle-oldest-first.ts).
	const fewNewOk = triggerCosts.every((row) => row.newCalls === undefined || row.newCalls[0] === 1);
	// One-second lists are issue 20 points 1-3, still open: their figures are reported, not judged.
	console.log(
		`goal idle poll = 1 call on lists of distinct seconds: ${goal(spreadIdleOk, 'trigger idle shapes')}; ${NEW_BATCHES[0]} new contacts then 1 call: ${goal(fewNewOk, 'trigger few new')}; state < 4 KB: ${goal(interleaved.every((row) => row.stateBytes < 4096), 'interleaved state')}`,
	);

	console.log('\n5. Trigger calls a month when idle (31 days), against the 15,000 quota');
	const schedule = monthlyCalls();
	console.log(table(['schedule', 'polls a month', 'calls a month', 'quota'], schedule.map((row) => [row.schedule, row.pollsPerMonth, row.callsPerMonth, row.quota])));
	console.log(`goal default under 1,000 calls a month: ${goal(schedule[0].callsPerMonth < 1000, 'schedule')}`);

	const { contacts: bigContacts, batch } = sizes.bigList;
	console.log(`\n6. A list of ${bigContacts} contacts read completely in batches of ${batch} (Limit + Options → Offset, one execution per batch), page size 1000`);
	const big = await batchedRead(bigContacts, batch, 1000);
	console.log(
		table(
			['contacts', 'batches', 'calls', 'floor', 'wall s', 'CPU s', 'peak RSS MB'],
			[[big.items, big.batches, big.calls, Math.ceil(bigContacts / 1000), round(big.wallMs / 1000, 1), round(big.cpuMs / 1000, 1), round(big.peakRssMb, 0)]],
		),
	);
	// One call over the floor: the batch after the last full one finds nothing, which ends the loop.
	console.log(`goal every contact, once, in order, at most floor + 1 calls: ${goal(big.calls <= Math.ceil(bigContacts / 1000) + 1, 'batched read')}`);

	console.log(`\n7. Most items one node run hands on for one input item: each installed n8n line's RoutingNode on its Node, against the node's limit of ${MAX_ITEMS_PER_INPUT}`);
	const limits = await itemLimits();
	console.log(limits.length ? table(['n8n', 'n8n-core', 'Node', 'largest that works'], limits.map((row) => [row.n8n, row.n8nCore, row.node, row.largest])) : '(no n8n installed yet: npm run e2e:install)');
	const marginOk = limits.every((row) => MAX_ITEMS_PER_INPUT <= row.largest * 0.9);
	console.log(`goal the node's limit at least 10% under each: ${goal(marginOk, 'item limit margin')}`);

	console.log(`\n8. Stop during a paced Return All of 30 pages, ${sizes.stopInterval} s between calls (node loaded as the n8n server loads it)`);
	const stops = await stopDuringReturnAll(sizes.stopInterval);
	console.log(table(['Stop lands', 'calls before', 'calls after Stop', 'ms from Stop to node end'], stops.map((row) => [row.moment, row.callsBeforeStop, row.callsAfterStop, round(row.msStopToEnd)])));
	const stopOk = stops.every((row) => row.callsAfterStop === 0 && row.msStopToEnd < 1000);
	console.log(`goal 0 calls after Stop, node ends < 1 s after it: ${goal(stopOk, 'stop')}`);

	console.log('\n9. Return All of a list that changes while it is read: 1,000 contacts in 10 pages of 100, calls 0.1 s apart, changed right after the pages named');
	const changing = await changingListCalls(sizes.changes);
	console.log(
		table(
			['order', 'change', 'calls', 'over 10', 'pages at the end', 'missing', 'twice', 'outcome'],
			changing.map((row) => [row.order, row.change, row.calls, row.outcome === 'complete' ? row.extraCalls : '–', row.pagesAtEnd, row.missing, row.twice, `${row.outcome}${row.unseen ? ' (known limit: the totals cannot show it)' : ''}`]),
		),
	);
	const changingOk = changing.every((row) => row.unseen || (row.missing === 0 && row.twice === 0 && (row.outcome === 'complete' || row.outcome.startsWith('The list changed while it was read'))));
	console.log(`goal every contact there throughout once, or an error saying the list changed: ${goal(changingOk, 'changing list')}`);

	const seconds = round((Date.now() - started) / 1000, 1);
	if (!smoke) {
		const results = { date: new Date().toISOString(), node: process.version, seconds, calls, httpRequest, paced, throughput: speed, trigger: triggerRows, states, watchAll, watchAllStarts: starts, triggerCosts, interleaved, backlogs, schedule, batchedRead: big, itemLimits: limits, stops, changing };
		writeFileSync(join(__dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
		console.log(`\nwrote bench/results.json`);
	}
	console.log(`\nbench ${smoke ? 'smoke ' : ''}done in ${seconds} s; ${failures.length ? `goals missed: ${failures.join(', ')}` : 'call and state goals met'}`);
	if (smoke && failures.length) process.exitCode = 1;
}

main().catch((error: Error) => {
	console.error(error);
	process.exitCode = 1;
});
