import { performance } from 'node:perf_hooks';
import { startSandbox } from '../../sandbox';
import { hash, rng } from '../../sandbox/random';
import { runLeadsopedia } from '../helpers/engine';
import { startProxy } from '../helpers/loopback';
import { checkCase } from './checks';
import type { Feature } from './features';
import { drawCase, TWIN_INTERVAL_MS, type Case } from './generate';
import { interceptMetadata } from './metadata';
import { makeWorld } from './world';

export interface CaseResult {
	seed: number;
	/** One line per broken property; empty when the case holds. */
	problems: string[];
	/** What the case was, to read next to its problems. */
	summary: string;
	/** Short labels of what it exercised (operation, Stop, changes, failing items, …), for the coverage count. */
	labels: string[];
}

function labelsOf(c: Case): string[] {
	return [
		`${c.parameters.resource}:${c.parameters.operation}`,
		...(c.stopAfter ? ['Stop'] : []),
		...(c.churn ? ['list changes while read'] : []),
		...(c.items.some((item) => item.fails) ? [c.continueOnFail ? 'failing item, Continue On Fail' : 'failing item'] : []),
		...(c.paced ? ['paced key'] : []),
		...(c.twin ? ['two host spellings'] : []),
		...(c.proxied ? ['through a proxy'] : []),
		...(c.trickling ? ['trickling answers'] : []),
		...(c.variation.rateLimited.busyRate > 0 ? ['busy 429s'] : []),
	];
}

/** The pasted key without the key itself: '<key>', or where invisible characters sit ('<key> with \\u200d at 8'). */
function keyForm(pasted: string): string {
	const odd = [...pasted].flatMap((char, index) => (/[\x21-\x7e]/.test(char) ? [] : [`\\u${char.charCodeAt(0).toString(16).padStart(4, '0')} at ${index}`]));
	return odd.length ? `<key> with ${odd.join(', ')}` : '<key>';
}

function summarise(c: Case): string {
	const items = c.items.map((item) => `${JSON.stringify(item.json)}${item.fails ? ` (fails: ${item.fails})` : ''}`).join('; ');
	const flags = [
		c.continueOnFail && 'Continue On Fail',
		c.paced && 'paced key',
		c.twin && 'twice at once, host 127.0.0.1 and localhost',
		c.proxied && 'through a proxy',
		`Base URL ${c.baseUrlSpelling('http://127.0.0.1:<port>/v1')}`,
		c.stopAfter && `Stop after ${c.stopAfter} call(s)`,
		c.churn && `list changes after page 1 (-${c.churn.deletes.length} +${c.churn.adds})`,
	].filter(Boolean);
	return `${c.parameters.resource} → ${c.parameters.operation} ${JSON.stringify(c.parameters)}; items: ${items}; ${flags.join(', ')}; credential ${JSON.stringify({ ...c.credentials, apiKey: keyForm(String(c.credentials.apiKey)) })}; variation ${JSON.stringify(c.variation)}`;
}

/**
 * One random case, all drawn from its seed: a fresh sandbox with random data, a random
 * operation on random items in a random variation of the API, run through n8n-core; then
 * every property checked.
 */
export async function runCase(seed: number, features: ReadonlySet<Feature>, focus?: Feature): Promise<CaseResult> {
	// The sandbox dates what it adds by its clock, and contacts of one second tie. Whether the
	// contacts added during a read tie with the world's (and so where they are listed) must not
	// hang on the wall clock turning a second mid-case, as it did on a busy machine: set-up and
	// those additions are dated in one second gone by; the run itself goes by the real clock.
	let heldAt: number | undefined = (Math.floor(Date.now() / 1000) - 1) * 1000;
	const setUpSecond = heldAt;
	const sandbox = await startSandbox({ intervalMs: 0, seed, now: () => heldAt ?? Date.now() });
	let stopIntercepting = () => undefined as void;
	try {
		const world = await makeWorld(sandbox, rng(hash(seed, 0x70726f70)));
		const c = await drawCase(seed, world, features, focus);
		heldAt = undefined;
		const { control } = sandbox;
		control.setVariations(seed, c.overrides);
		control.clearLog();

		let answered = 0;
		let stoppedAt: number | undefined;
		let pressStop: () => void = () => undefined;
		const stop = c.stopAfter === undefined ? undefined : new Promise<void>((resolve) => (pressStop = resolve));
		control.onAnswered((entry) => {
			if (entry.host !== 'api') return;
			answered++;
			if (c.churn && answered === 1 && entry.status === 200) {
				for (const id of c.churn.deletes) control.deleteContact(world.listId, id);
				heldAt = setUpSecond;
				try {
					control.addContacts(world.listId, Array.from({ length: c.churn.adds }, () => ({ email: world.freshEmail() })));
				} finally {
					heldAt = undefined;
				}
			}
			if (answered === c.stopAfter) {
				stoppedAt = performance.timeOrigin + performance.now();
				pressStop();
			}
		});
		// A twin case: the same reads at once from two workflows, the key's Base URL spelled two ways, paced at the API's own interval.
		const baseUrls = c.twin ? [sandbox.baseUrl, sandbox.baseUrl.replace('127.0.0.1', 'localhost')] : [c.baseUrlSpelling(sandbox.baseUrl)];
		if (c.twin) {
			control.setOptions({ intervalMs: TWIN_INTERVAL_MS });
			// The world's set-up reads used the key outside the node's lane: forget them, or the
			// node's first call may land within the interval of the last one and get a 429.
			control.resetCounters();
		}
		if (c.variation.files === 'redirect' && c.variation.fileRedirectTo === 'link-local') stopIntercepting = interceptMetadata();
		const proxy = c.proxied ? await startProxy(c.proxied) : undefined;
		const parameters = proxy ? { ...c.parameters, requestOptions: { ...(c.parameters.requestOptions as object), proxy: proxy.origin } } : c.parameters;
		const runs = await Promise.all(
			baseUrls.map(
				async (baseUrl) =>
					await runLeadsopedia(parameters, {
						baseUrl,
						credentials: c.credentials,
						input: c.items.map((item) => item.json),
						continueOnFail: c.continueOnFail,
						asServer: true,
						stop,
					}),
			),
		);
		await proxy?.stop();
		const log = control.requestLog();
		const problems = runs.flatMap((run, index) =>
			checkCase(c, { run, log, apiKey: String(c.credentials.apiKey), stoppedAt, runs: runs.length, keysAtProxy: proxy?.keysInClear() ?? 0, baseUrl: baseUrls[index] }).map((problem) => (c.twin ? `${baseUrls[index]}: ${problem}` : problem)),
		);
		return { seed, problems, summary: summarise(c), labels: labelsOf(c) };
	} finally {
		stopIntercepting();
		await sandbox.stop();
	}
}
