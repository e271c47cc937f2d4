import type { NodeRun, RunOptions } from '../helpers/engine';
import { runLeadsopedia } from '../helpers/engine';
import { byId, listNamed, useSandbox } from './sandbox-run';

/**
 * Queue mode in one test process: a second copy of n8n-core and the node, loaded in its own
 * module registry, has its own pacing lanes, as a second worker does. Both share one key at
 * the sandbox, which admits one call per interval and answers 429 with Retry-After otherwise.
 */
type Run = (parameters: Parameters<typeof runLeadsopedia>[0], options: RunOptions) => Promise<NodeRun>;
let otherWorker: Run = runLeadsopedia;
jest.isolateModules(() => {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	otherWorker = (require('../helpers/engine') as { runLeadsopedia: Run }).runLeadsopedia;
});

const INTERVAL_MS = 300;
const sandbox = useSandbox({ intervalMs: INTERVAL_MS });
const apiCalls = () => sandbox().control.requestLog().filter((entry) => entry.host === 'api');

test('two workers on one key: the one refused steps aside while the other finishes, and nothing fails at the default Max Tries', async () => {
	// Each worker reads its own list, so the log tells their calls apart.
	const getList = (name: string) => ({ resource: 'list', operation: 'get', listId: byId(listNamed(sandbox(), name)) });
	// Six calls each, at the API's interval, with the default 4 tries.
	const options = { baseUrl: sandbox().baseUrl, credentials: { apiKey: sandbox().apiKey, requestInterval: INTERVAL_MS / 1000, maxTries: 4 }, input: Array.from({ length: 6 }, () => ({})) };

	const runs = await Promise.all([runLeadsopedia(getList('Customers'), options), otherWorker(getList('Prospects'), options)]);

	for (const run of runs) {
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(6);
	}
	const calls = apiCalls();
	expect(calls.filter((call) => call.status === 200)).toHaveLength(12);
	// The first calls of the two meet: one is refused. It then holds its calls for 14
	// intervals ±25 %, longer than the other's six calls take, instead of coming back after
	// the Retry-After (here 1 s, as the sandbox rounds it up to whole seconds) into the
	// other's next calls, refused again (on main: its retry 1 s after the 429, and a 429 for
	// each second the other worker is busy).
	expect(calls.filter((call) => call.status === 429).length).toBeLessThanOrEqual(2);
	const refusal = calls.find((call) => call.status === 429);
	const retry = calls.find((call) => call.startedAt > (refusal?.startedAt ?? Infinity) && call.path === refusal?.path);
	expect((retry?.startedAt ?? 0) - (refusal?.startedAt ?? 0)).toBeGreaterThanOrEqual(14 * 0.75 * INTERVAL_MS);
});
