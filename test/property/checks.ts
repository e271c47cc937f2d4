import { NodeHelpers } from 'n8n-workflow';
import { LeadsopediaApi } from '../../credentials/LeadsopediaApi.credentials';
import { credentialProblem } from '../../nodes/Leadsopedia/shared/credentials';
import type { RequestLogEntry } from '../../sandbox';
import type { NodeRun } from '../helpers/engine';
import type { Case } from './generate';

/**
 * What a user relies on, checked on one run: each failed check is a line naming the
 * property, so a failure says which promise broke.
 */
export interface Observed {
	run: NodeRun;
	log: RequestLogEntry[];
	/** The key as the credential holds it. */
	apiKey: string;
	/** When Stop was pressed (the sandbox log's clock), if it was. */
	stoppedAt?: number;
	/** How many runs of the case the log holds (two in a twin case). */
	runs: number;
	/** Requests that brought the key to the proxy of a proxied case. */
	keysAtProxy: number;
	/** The Base URL as the credential holds it. */
	baseUrl: string;
}

const isBlank = (value: unknown) => value === null || (typeof value === 'string' && !value.trim());

/** Whether an error is one of the honest failures the case allows. */
const accepted = (c: Case, error: { message?: unknown; description?: unknown } | undefined) =>
	error !== undefined && c.acceptedErrors.some((pattern) => pattern.test(`${String(error.message)} ${String(error.description ?? '')}`));

function rightItems(c: Case, { run }: Observed): string[] {
	const failing = c.items.some((item) => item.fails);
	if (failing && !c.continueOnFail) return run.error ? [] : ['an item failed but the run did not'];
	if (accepted(c, run.error)) return [];
	if (run.error) return [`the run failed: ${run.error.message}${run.error.description ? ` — ${run.error.description}` : ''}`];
	return c.items.flatMap((item, index) => {
		const out = run.items.filter((output) => (output.pairedItem as { item: number } | undefined)?.item === index);
		if (item.fails) return out.length === 1 && typeof out[0].json.error === 'string' ? [] : [`item ${index}: expected one error item`];
		if (out.length === 1 && accepted(c, { message: out[0].json.error, description: out[0].json.description })) return [];
		return item.check(out).map((problem) => `item ${index}: ${problem}`);
	});
}

function nothingBlankSent(c: Case, { log }: Observed): string[] {
	if (c.spec.operation !== 'upsert') return [];
	return log
		.filter((entry) => entry.method === 'POST' && entry.body)
		.flatMap((entry) => {
			const body = JSON.parse(entry.body as string) as Record<string, unknown>;
			const blank = Object.keys(body).filter((field) => isBlank(body[field]));
			return blank.length ? [`sent blank ${blank.map((field) => `${field}: ${JSON.stringify(body[field])}`).join(', ')}`] : [];
		});
}

function noCallAfterFailureOrStop(c: Case, { run, log, stoppedAt, runs }: Observed): string[] {
	const api = log.filter((entry) => entry.host === 'api');
	if (stoppedAt !== undefined) {
		const late = log.filter((entry) => entry.startedAt > stoppedAt);
		return late.length ? [`${late.length} call(s) after the Stop: ${late.map((entry) => `${entry.method} ${entry.path}`).join(', ')}`] : [];
	}
	// Twin runs share the log, and one workflow's failure rightly stops none of the other's calls.
	if (c.continueOnFail || !run.error || runs > 1) return [];
	if (c.items.some((item) => item.fails === 'input') && api.length) return [`bad input, yet ${api.length} call(s) were made`];
	// In a paced lane calls go one at a time: none may start once a call has failed.
	const failed = api.find((entry) => entry.status >= 400 && entry.status !== 429);
	if (!c.paced || !failed) return [];
	const end = failed.startedAt + (failed.durationMs ?? 0);
	const later = api.filter((entry) => entry.startedAt > end);
	return later.length ? [`${later.length} call(s) after ${failed.method} ${failed.path} failed ${failed.status}`] : [];
}

function keyOnlyInHeader(_c: Case, { run, log, apiKey, keysAtProxy }: Observed): string[] {
	const problems: string[] = keysAtProxy ? [`the key went in clear to the proxy (${keysAtProxy} request(s))`] : [];
	// As saved, trimmed, and as the API got it once the HTTP layer dropped what it does not send.
	const forms = [...new Set([apiKey, apiKey.trim(), apiKey.replace(/[\s\u200b-\u200d\ufeff]/g, '')])].filter(Boolean);
	if (forms.some((form) => run.serialized.includes(form))) problems.push('the key is in the execution data');
	if (log.some((entry) => JSON.stringify(entry).includes('[api-key]'))) problems.push('the key is in a URL or a body');
	if (log.some((entry) => entry.host === 'files' && entry.keyPresent)) problems.push('the key went to the file host');
	return problems;
}

function callsWithinBound(c: Case, { log, stoppedAt, runs }: Observed): string[] {
	if (stoppedAt !== undefined) return [];
	// A trickling answer lasts 4 s: one read to its end was waited for past the Timeout of 1 s.
	const waited = c.trickling ? log.filter((entry) => entry.host === 'api' && entry.status >= 200 && entry.status < 300) : [];
	if (waited.length) return [`waited for ${waited.length} answer(s) trickling in over 4 s, past the Timeout of 1 s`];
	const calls = log.filter((entry) => entry.host === 'api' && entry.status !== 429).length;
	const bound = runs * c.items.reduce((sum, item) => sum + (item.fails === 'input' ? 0 : item.fails === 'api' ? 1 : item.maxCalls), 0);
	return calls > bound ? [`${calls} calls (429s not counted), bound ${bound}`] : [];
}

/** Whether the credential form shows its https notice for this Base URL, by n8n's own display rules. */
function formWarns(baseUrl: string): boolean {
	const notice = new LeadsopediaApi().properties.find((property) => property.type === 'notice');
	return notice !== undefined && NodeHelpers.displayParameter({ baseUrl }, notice, null, null);
}

function formAgreesWithNode(_c: Case, { run, baseUrl, apiKey }: Observed): string[] {
	const refused = credentialProblem({ baseUrl, apiKey })?.message.includes('https') === true;
	const warns = formWarns(baseUrl);
	if (warns === refused) return [];
	return [`for the Base URL ${baseUrl} the form ${warns ? 'warns' : 'does not warn'} but the node ${refused ? 'refuses it' : `takes it${run.error ? '' : ' (the run went through)'}`}`];
}

export const PROPERTIES = {
	'right items, each once': rightItems,
	'nothing sent that the user left empty': nothingBlankSent,
	'no call after a failure or Stop': noCallAfterFailureOrStop,
	'the key nowhere but its header': keyOnlyInHeader,
	'calls within the stated bound': callsWithinBound,
	'the credential form warns exactly when the node refuses the Base URL': formAgreesWithNode,
} as const;

export function checkCase(c: Case, observed: Observed): string[] {
	return Object.entries(PROPERTIES).flatMap(([name, check]) => {
		// A stopped run's output is cut short by design: only its calls and the key are checked.
		if (observed.stoppedAt !== undefined && name === 'right items, each once') return [];
		return check(c, observed).map((problem) => `[${name}] ${problem}`);
	});
}
