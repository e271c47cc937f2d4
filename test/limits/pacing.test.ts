import { request } from 'node:http';
import { apiStarts, byId, listNamed, runAgainst, startGaps, useSandbox } from './sandbox-run';
import { runLeadsopedia } from '../helpers/engine';
import { startHttpHost, type Loopback } from '../helpers/loopback';
import { askedBetween, recordWaits, plannedMs } from '../helpers/waits';

const INTERVAL_MS = 300;
// The sandbox enforces the same interval on arrival times, as the API does.
const sandbox = useSandbox({ intervalMs: INTERVAL_MS });
const paced = { requestInterval: INTERVAL_MS / 1000 };
const waits = recordWaits();
// Arrival times on loopback jitter by a few ms.
const EARLY_TOLERANCE_MS = 5;

/**
 * Each call arrives at least one interval after the one before (a busy machine only delays
 * calls, so this holds under load), and between two calls the node asked for no more than
 * one interval of waiting: no wasted waiting. How late a busy machine ends those waits is
 * not the node's doing, so arrival gaps have no upper bound here.
 */
function expectPaced(gaps: number[]) {
	const starts = apiStarts(sandbox());
	gaps.forEach((gap, index) => {
		expect(gap).toBeGreaterThanOrEqual(INTERVAL_MS - EARLY_TOLERANCE_MS);
		expect(plannedMs(askedBetween(waits(), starts[index], starts[index + 1]))).toBeLessThanOrEqual(INTERVAL_MS + EARLY_TOLERANCE_MS);
	});
}

test('pages of one Return All start one interval apart, no later', async () => {
	const listId = listNamed(sandbox(), 'Prospects');
	const run = await runAgainst(
		sandbox(),
		{ resource: 'contact', operation: 'getAll', listId: byId(listId), returnAll: true, options: { pageSize: 7 } },
		{ credentials: paced },
	);
	expect(run.error).toBeUndefined();
	expect(run.items).toHaveLength(25);
	const gaps = startGaps(sandbox());
	expect(gaps).toHaveLength(3);
	expectPaced(gaps);
});

test('many input items and two executions at once share the key’s turns', async () => {
	const listId = listNamed(sandbox(), 'Customers');
	const parameters = { resource: 'list', operation: 'get', listId: byId(listId) };
	const input = [{}, {}, {}];
	const runs = await Promise.all([
		runAgainst(sandbox(), parameters, { credentials: paced, input }),
		runAgainst(sandbox(), parameters, { credentials: paced, input }),
	]);
	for (const run of runs) {
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(3);
	}
	const gaps = startGaps(sandbox());
	expect(gaps).toHaveLength(5);
	expectPaced(gaps);
});

test('Seconds Between Calls 0 turns pacing off', async () => {
	sandbox().control.setOptions({ intervalMs: 0 });
	const listId = listNamed(sandbox(), 'Prospects');
	const run = await runAgainst(sandbox(), {
		resource: 'contact',
		operation: 'getAll',
		listId: byId(listId),
		returnAll: true,
		options: { pageSize: 5 },
	});
	expect(run.items).toHaveLength(25);
	expect(startGaps(sandbox())).toHaveLength(4);
	expect(waits()).toEqual([]);
});

test('one key through differently written Base URLs of one API, or with a pasted space, shares one lane', async () => {
	const listId = listNamed(sandbox(), 'Customers');
	const parameters = { resource: 'list', operation: 'get', listId: byId(listId) };
	const { origin, pathname } = new URL(sandbox().baseUrl);
	const key = sandbox().apiKey;
	const spellings = [
		{ baseUrl: `${origin}${pathname}`, apiKey: key },
		{ baseUrl: `${origin.toUpperCase()}${pathname}`, apiKey: key },
		{ baseUrl: `${origin.replace('http:', 'HTTP:')}${pathname}/`, apiKey: ` ${key}\n` },
	];
	const runs = await Promise.all(
		spellings.map(({ baseUrl, apiKey }) => runLeadsopedia(parameters, { baseUrl, credentials: { apiKey, ...paced } })),
	);
	for (const run of runs) expect(run.error).toBeUndefined();
	const gaps = startGaps(sandbox());
	expect(gaps).toHaveLength(2);
	expectPaced(gaps);
});

/** A reverse proxy on another loopback port (a company's gateway): forwards every request to `target` as it came. */
async function forwardingTo(target: string): Promise<Loopback> {
	return await startHttpHost((incoming, outgoing) => {
		const forwarded = request(`${target}${incoming.url}`, { method: incoming.method, headers: incoming.headers }, (answer) => {
			outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
			answer.pipe(outgoing);
		});
		forwarded.on('error', () => outgoing.destroy());
		incoming.pipe(forwarded);
	});
}

test('one key under different hosts (localhost, 127.0.0.1, a proxy’s URL) shares one lane: the API’s limit is the key’s', async () => {
	const proxy = await forwardingTo(new URL(sandbox().baseUrl).origin);
	try {
		const listId = listNamed(sandbox(), 'Customers');
		const parameters = { resource: 'list', operation: 'get', listId: byId(listId) };
		const { port, pathname } = new URL(sandbox().baseUrl);
		const hosts = [`http://127.0.0.1:${port}${pathname}`, `http://localhost:${port}${pathname}`, `${proxy.origin}${pathname}`];
		// One try: a call that arrived inside another's interval would fail on its 429.
		const runs = await Promise.all(hosts.map((baseUrl) => runLeadsopedia(parameters, { baseUrl, credentials: { apiKey: sandbox().apiKey, ...paced, maxTries: 1 } })));
		for (const run of runs) expect(run.error).toBeUndefined();
		const calls = sandbox().control.requestLog().filter((entry) => entry.host === 'api');
		expect(calls.map((entry) => entry.status)).toEqual([200, 200, 200]);
		expectPaced(startGaps(sandbox()));
	} finally {
		await proxy.stop();
	}
});
