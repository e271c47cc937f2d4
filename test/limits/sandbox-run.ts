import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox';
import { runLeadsopedia, type NodeRun, type RunOptions } from '../helpers/engine';

/** One sandbox per test file, its counters, log and faults cleared before each test. */
export function useSandbox(options: SandboxOptions = {}): () => Sandbox {
	let sandbox: Sandbox | undefined;
	beforeAll(async () => {
		sandbox = await startSandbox({ intervalMs: 0, ...options });
	});
	afterAll(async () => sandbox?.stop());
	beforeEach(() => {
		const { control } = sandbox as Sandbox;
		control.clearFaults();
		control.resetCounters();
		control.clearLog();
		control.setOptions({ intervalMs: options.intervalMs ?? 0, monthlyQuota: options.monthlyQuota ?? 15_000 });
	});
	return () => sandbox as Sandbox;
}

export interface SandboxRunOptions extends Omit<RunOptions, 'baseUrl' | 'credentials'> {
	credentials?: IDataObject;
}

/** Runs the node against the sandbox with the demo account's key. */
export function runAgainst(sandbox: Sandbox, parameters: INodeParameters, options: SandboxRunOptions = {}): Promise<NodeRun> {
	return runLeadsopedia(parameters, {
		...options,
		baseUrl: sandbox.baseUrl,
		credentials: { apiKey: sandbox.apiKey, ...options.credentials },
	});
}

export const byId = (value: number | string) => ({ __rl: true, mode: 'id', value: String(value) });

/** The demo list of that name. */
export function listNamed(sandbox: Sandbox, name: string): number {
	const list = sandbox.control.lists('demo').find((candidate) => candidate.name === name);
	if (!list) throw new Error(`no demo list ${name}`);
	return Number(list.id);
}

/** Arrival times of the API calls, in order. */
export function apiStarts(sandbox: Sandbox): number[] {
	return sandbox.control
		.requestLog()
		.filter((entry) => entry.host === 'api')
		.map((entry) => entry.startedAt);
}

/** Gaps between the arrival times of consecutive API calls, in ms. */
export function startGaps(sandbox: Sandbox): number[] {
	const starts = apiStarts(sandbox);
	return starts.slice(1).map((start, index) => start - starts[index]);
}
