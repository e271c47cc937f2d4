/**
 * One API key under load in queue mode: many executions of Get Many (over several pages)
 * and Create or Update started at once, spread by Redis over the workers, against the
 * sandbox with the API's 10 s interval scaled down to 1 s. Each worker paces its own calls
 * (pacing.ts is per process), so the workers' calls collide at the API, and the one refused
 * steps aside (share.ts). Nothing may be lost or written twice; with the settings README
 * recommends, every execution must succeed, and the 429s must stay under one per two calls
 * (waiting just the Retry-After gave more). The figures (calls, 429s, retries, wall time
 * against the floor, per worker) are printed; bench/queue/ models them.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { Sandbox, RequestLogEntry } from '../../sandbox';
import type { CheckGroup, Context } from '../checks/context';
import { sandboxCredential, type CredentialJson } from '../environment';
import { sleep } from '../processes';
import { fromBody, idFromBody, SANDBOX_CREDENTIAL } from '../workflows';
import { executionsByWorker } from './workers';
import { loadLogFile, scenarioNames, WORKER_COUNT } from './options';

/** The API's 10 s, scaled down for CI; the figures scale with it. */
const INTERVAL_MS = 1_000;
/** Executions of each workflow per scenario. */
const RUNS_EACH = 12;
const CONTACTS_PER_LIST = 25;
const PAGE_SIZE = 10;

/**
 * Credential settings tried: the ones one n8n process needs (the API's interval, the
 * default 4 tries), the same with the most tries the credential allows, and each worker
 * taking its share of the interval. The second must bring every execution through, and so
 * must the first on up to 2 workers (README's advice on Max Tries); the others must fail,
 * if at all, only by running out of tries on 429s.
 */
const SCENARIOS = [
	{ name: 'a', factor: 1, maxTries: 4, allSucceed: WORKER_COUNT <= 2 },
	{ name: 'b', factor: 1, maxTries: 10, allSucceed: true },
	{ name: 'c', factor: WORKER_COUNT, maxTries: 10, allSucceed: false },
].map((scenario) => ({
	...scenario,
	credential: { id: `leadsopediaLoad${scenario.name}`, name: `Leadsopedia load ${scenario.name}`, type: SANDBOX_CREDENTIAL.type },
	getAll: `load-${scenario.name}-getAll`,
	upsert: `load-${scenario.name}-upsert`,
	title: `Seconds Between Calls ${(scenario.factor * INTERVAL_MS) / 1000}, Max Tries ${scenario.maxTries}`,
}));
type Scenario = (typeof SCENARIOS)[number];

/** The sandbox key with the scenarios' spacing between calls. */
const loadCredentials = (sandbox: Sandbox): CredentialJson[] =>
	SCENARIOS.map(({ factor, maxTries, credential }) => {
		const json = sandboxCredential(sandbox, credential);
		return { ...json, data: { ...json.data, requestInterval: (factor * INTERVAL_MS) / 1000, maxTries } };
	});

interface Run {
	path: string;
	body: { listId: number; email?: string };
	/** The calls this run made: its list's pages, or the contact it wrote. */
	owns: (entry: RequestLogEntry) => boolean;
	expected?: unknown[];
}

interface Tally {
	executions: number;
	/** Executions that failed: each ended on a 429 it did not retry. */
	failed: number;
	calls: number;
	rejected: number;
	first: number;
	last: number;
}

const tally = (): Tally => ({ executions: 0, failed: 0, calls: 0, rejected: 0, first: Infinity, last: -Infinity });

function add(into: Tally, entries: RequestLogEntry[]): void {
	for (const entry of entries) {
		if (entry.status === 429) into.rejected++;
		else into.calls++;
		into.first = Math.min(into.first, entry.startedAt);
		into.last = Math.max(into.last, entry.startedAt + (entry.durationMs ?? 0));
	}
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function describe(name: string, t: Tally): string {
	const span = t.last - t.first;
	return `${name}: ${t.executions} executions (${t.failed} failed), ${t.calls} calls admitted, ${t.rejected} 429s, ${t.rejected - t.failed} retries, ${seconds(span)} from first call to last answer`;
}

/** The webhook body each execution got, by execution id. */
async function bodies({ api, workflowIds }: Context, paths: string[]): Promise<Map<string, Run['body']>> {
	const found = new Map<string, Run['body']>();
	for (const path of paths) {
		for (const execution of await api.executions(workflowIds.get(path) as string)) {
			const body = execution.data?.resultData.runData.Webhook?.[0]?.data?.main[0]?.[0]?.json.body as Run['body'] | undefined;
			if (body) found.set(String(execution.id), body);
		}
	}
	return found;
}

/** The error of each failed execution of the scenario. */
async function failures({ api, workflowIds }: Context, scenario: Scenario): Promise<string[]> {
	const executions = await Promise.all([scenario.getAll, scenario.upsert].map((path) => api.executions(workflowIds.get(path) as string)));
	return executions.flat().filter((execution) => execution.status === 'error').map((execution) => String(execution.data?.resultData.error?.message));
}

async function runScenario(context: Context, scenario: Scenario): Promise<void> {
	const { api, sandbox: { control }, workers = [] } = context;
	const runs: Run[] = [];
	for (let index = 0; index < RUNS_EACH; index++) {
		const list = control.addList(`Load ${scenario.name} pages ${index}`);
		const contacts = control.addContacts(list.id, Array.from({ length: CONTACTS_PER_LIST }, () => ({})));
		const expected = contacts.map((contact) => ({ ...contact, list_id: list.id }));
		runs.push({ path: scenario.getAll, body: { listId: list.id }, owns: (entry) => entry.query.list_id === String(list.id), expected });
	}
	const target = control.addList(`Load ${scenario.name} writes`);
	for (let index = 0; index < RUNS_EACH; index++) {
		const email = `load${index}.${target.id}@example.com`;
		runs.push({ path: scenario.upsert, body: { listId: target.id, email }, owns: (entry) => entry.body?.includes(`"${email}"`) === true });
	}
	control.setOptions({ intervalMs: INTERVAL_MS });
	await sleep(INTERVAL_MS); // nothing earlier counts against the first call
	control.clearLog();
	const started = Date.now();
	let answers: Array<{ status: number; items: unknown }>;
	try {
		answers = await Promise.all(
			runs.map(async (run) => {
				const response = await api.webhook(run.path, run.body, 600_000);
				const text = await response.text();
				return { status: response.status, items: response.status === 200 ? JSON.parse(text) : text.slice(0, 300) };
			}),
		);
	} finally {
		control.setOptions({ intervalMs: 0 });
	}
	const wallMs = Date.now() - started;
	const log = control.requestLog().filter((entry) => entry.host === 'api');

	const failed = runs.filter((_, index) => answers[index].status !== 200);
	// Figures: per worker, by which worker ran each execution and which calls it owns.
	const ranOn = executionsByWorker(workers);
	const perWorker = workers.map(tally);
	const whole = tally();
	whole.executions = runs.length;
	whole.failed = failed.length;
	add(whole, log);
	const workerOf = new Map<RequestLogEntry, number>();
	for (const [id, body] of await bodies(context, [scenario.getAll, scenario.upsert])) {
		const worker = perWorker[(ranOn.get(id) ?? 0) - 1];
		const run = runs.find((candidate) => candidate.body.listId === body.listId && candidate.body.email === body.email);
		if (!worker || !run) continue;
		worker.executions++;
		if (failed.includes(run)) worker.failed++;
		const owned = log.filter(run.owns);
		add(worker, owned);
		for (const entry of owned) workerOf.set(entry, ranOn.get(id) as number);
	}
	if (loadLogFile) writeLoadLog(loadLogFile, scenario, started, log, workerOf);
	const floorMs = whole.calls * INTERVAL_MS;
	console.log(`..    ${scenario.title} (API: 1 call every ${INTERVAL_MS / 1000} s; ${WORKER_COUNT} workers)`);
	console.log(`..      ${describe('all', whole)}; wall ${seconds(wallMs)} against a floor of ${seconds(floorMs)} (calls admitted × interval): ×${(wallMs / floorMs).toFixed(2)}`);
	perWorker.forEach((worker, index) => console.log(`..      ${describe(`worker ${index + 1}`, worker)}`));
	const errors = failed.length ? await failures(context, scenario) : [];
	console.log(`..      ${failed.length} executions failed${failed.length ? `: ${errors.join('; ')}` : ''}`);

	// What succeeded is whole and written once; what failed ran out of tries on 429s.
	if (scenario.allSucceed) assert.deepEqual(failed.map((run) => run.body), [], 'executions that failed');
	if (scenario.factor === 1) assert.ok(whole.rejected < whole.calls / 2, `${whole.rejected} 429s for ${whole.calls} calls: workers meet again and again`);
	for (const error of errors) assert.match(error, /rate limit/i);
	runs.forEach((run, index) => {
		if (run.expected && answers[index].status === 200) assert.deepEqual(answers[index].items, run.expected, `Get Many of list ${run.body.listId}`);
	});
	const writesDone = runs.filter((run, index) => run.body.email && answers[index].status === 200).map((run) => run.body.email);
	const written = control.contacts(target.id).map((contact) => contact.email);
	assert.deepEqual([...written].sort(), [...writesDone].sort(), 'contacts written');
	const admittedWrites = log.filter((entry) => entry.method === 'POST' && entry.status !== 429).length;
	assert.equal(admittedWrites, writesDone.length, 'Create or Update calls the API admitted');
	assert.ok(perWorker.every((worker) => worker.executions > 0), 'every worker ran some of the load');
	assert.equal(perWorker.reduce((sum, worker) => sum + worker.executions, 0), runs.length, 'executions attributed to a worker');
}

/** Every API call of the scenario, in ms from the load's start, for bench/queue/'s model (appended per scenario). */
function writeLoadLog(file: string, scenario: Scenario, started: number, log: RequestLogEntry[], workerOf: Map<RequestLogEntry, number>): void {
	const runs = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as unknown[]) : [];
	runs.push({
		scenario: scenario.title,
		workers: WORKER_COUNT,
		intervalMs: INTERVAL_MS,
		calls: log.map((entry) => ({
			at: Math.round(entry.startedAt - started),
			ms: Math.round(entry.durationMs ?? 0),
			status: entry.status,
			method: entry.method,
			worker: workerOf.get(entry) ?? 0,
		})),
	});
	fs.writeFileSync(file, `${JSON.stringify(runs, null, 1)}\n`);
}

export const loadChecks: CheckGroup = {
	credentials: loadCredentials,
	workflows: SCENARIOS.flatMap(({ credential, getAll, upsert }) => [
		{ path: getAll, credential, parameters: { resource: 'contact', operation: 'getAll', listId: idFromBody('listId'), returnAll: true, options: { pageSize: PAGE_SIZE } } },
		{ path: upsert, credential, parameters: { resource: 'contact', operation: 'upsert', listId: idFromBody('listId'), email: fromBody('email'), additionalFields: {} } },
	]),

	async run(context) {
		for (const scenario of SCENARIOS.filter(({ name }) => !scenarioNames || scenarioNames.includes(name))) {
			const outcome = `${scenario.allSucceed ? 'all succeed' : 'any failure is a 429 out of tries'}${scenario.factor === 1 ? ', fewer 429s than one per two calls' : ''}`;
			await context.runner.check(
				`queue load: ${RUNS_EACH * 2} executions at once on one key, ${scenario.title}: ${outcome}, nothing lost or written twice`,
				() => runScenario(context, scenario),
			);
		}
	},
};
