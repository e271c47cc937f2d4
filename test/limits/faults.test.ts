import type { FaultSpec } from '../../sandbox';
import { byId, listNamed, runAgainst, useSandbox } from './sandbox-run';

const sandbox = useSandbox();
// Retries on, waits kept short: backoff never exceeds Max Wait Before Retry.
const retrying = { maxTries: 3, maxRetryWait: 0.05, timeout: 1 };

const apiCalls = () => sandbox().control.requestLog().filter((entry) => entry.host === 'api');
const getList = () => ({ resource: 'list', operation: 'get', listId: byId(listNamed(sandbox(), 'Customers')) });

function expectNoKeyIn(serialized: string) {
	expect(serialized).not.toContain(sandbox().apiKey);
}

describe('faults a repeat can cure are retried for a GET', () => {
	const cured: Array<[string, FaultSpec]> = [
		['500', { kind: 500 }],
		['502', { kind: 502 }],
		['503', { kind: 503 }],
		['504', { kind: 504 }],
		['a reset connection', { kind: 'reset' }],
		['a timeout', { kind: 'slow', slowMs: 1500 }],
		['an HTML error page (502)', { kind: 'html' }],
		['429 without Retry-After', { kind: 429 }],
	];
	test.each(cured)('%s, then success', async (_name, fault) => {
		sandbox().control.injectFaults(fault);
		const run = await runAgainst(sandbox(), getList(), { credentials: retrying });
		expect(run.error).toBeUndefined();
		expect(run.items).toEqual([expect.objectContaining({ json: expect.objectContaining({ name: 'Customers' }) })]);
		expect(apiCalls().map((entry) => entry.fault ?? 'answered')).toEqual([fault.kind === 'slow' ? 'slow' : String(fault.kind), 'answered']);
		expectNoKeyIn(run.serialized);
	});
});

test('429 with Retry-After waits that long, then retries the same request', async () => {
	sandbox().control.injectFaults({ kind: 429, retryAfter: 1 });
	const run = await runAgainst(sandbox(), getList(), { credentials: { ...retrying, maxRetryWait: 2 } });
	expect(run.error).toBeUndefined();
	const [refused, retried] = apiCalls();
	expect(refused.status).toBe(429);
	expect(retried.path).toBe(refused.path);
	expect(retried.startedAt - refused.startedAt).toBeGreaterThanOrEqual(995);
});

test('a spent monthly quota fails at once, says so and when it resets, and is not retried', async () => {
	sandbox().control.setOptions({ monthlyQuota: 1 });
	await runAgainst(sandbox(), getList(), { credentials: retrying });
	sandbox().control.clearLog();
	const run = await runAgainst(sandbox(), getList(), { credentials: retrying });
	expect(run.error?.message).toBe('The monthly quota of Leadsopedia API calls is spent');
	expect(run.error?.description).toMatch(/accepts calls again at \d{4}-\d{2}-01T00:00:00/);
	expect(apiCalls()).toHaveLength(1);
	expectNoKeyIn(run.serialized);
});

test('a Retry-After longer than the maximum wait is not waited for', async () => {
	sandbox().control.injectFaults({ kind: 429, retryAfter: 3600 });
	const run = await runAgainst(sandbox(), getList(), { credentials: retrying });
	expect(run.error?.message).toBe('The monthly quota of Leadsopedia API calls is spent');
	expect(apiCalls()).toHaveLength(1);
});

test('retries stop after Max Tries with a clear error', async () => {
	sandbox().control.injectFaults({ kind: 503, times: 5 });
	const run = await runAgainst(sandbox(), getList(), { credentials: retrying });
	expect(run.error?.message).toBe('The Leadsopedia server failed to answer; try again later (503 on get list)');
	expect(run.error?.httpCode).toBe('503');
	expect(apiCalls()).toHaveLength(3);
	expectNoKeyIn(run.serialized);
});

test('a POST that is not an upsert is not repeated after a server error', async () => {
	sandbox().control.injectFaults({ kind: 500 });
	const [contact] = sandbox().control.contacts(listNamed(sandbox(), 'Customers'));
	const run = await runAgainst(
		sandbox(),
		{ resource: 'contact', operation: 'update', contactId: String(contact.id), updateFields: { title: 'CTO' } },
		{ credentials: retrying },
	);
	expect(run.error?.message).toBe('The Leadsopedia server failed to answer; try again later (500 on update contact)');
	expect(apiCalls()).toHaveLength(1);
});

test('a reset connection on a POST that is not an upsert fails at once', async () => {
	sandbox().control.injectFaults({ kind: 'reset' });
	const run = await runAgainst(sandbox(), { resource: 'list', operation: 'update', listId: byId(listNamed(sandbox(), 'Customers')), name: 'Renamed' }, { credentials: retrying });
	expect(run.error?.message).toBe('Could not reach Leadsopedia to update list');
	expect(run.error?.description).toMatch(/^The connection failed before an answer arrived \(ECONNRESET\)/);
	expect(apiCalls()).toHaveLength(1);
	expectNoKeyIn(run.serialized);
});

test('the create-or-update POST is repeated after a lost answer, and creates one contact', async () => {
	const listId = listNamed(sandbox(), 'Empty list');
	sandbox().control.injectFaults({ kind: 502 });
	const run = await runAgainst(
		sandbox(),
		{ resource: 'contact', operation: 'upsert', listId: byId(listId), email: 'ada@example.com', additionalFields: { firstName: 'Ada' } },
		{ credentials: retrying },
	);
	expect(run.error).toBeUndefined();
	expect(run.items[0].json).toEqual(expect.objectContaining({ email: 'ada@example.com', first_name: 'Ada' }));
	expect(apiCalls()).toHaveLength(2);
	expect(sandbox().control.contacts(listId).map((contact) => contact.email)).toEqual(['ada@example.com']);
});

describe('bodies that are not JSON are clear errors, never an empty success', () => {
	const cases: Array<[string, FaultSpec, RegExp]> = [
		['malformed JSON on a 200', { kind: 'malformed-json' }, /^Leadsopedia answered 200 with a body that is not valid JSON to get list$/],
		['an empty 200', { kind: 'empty' }, /^Leadsopedia answered 200 with an empty body to get list$/],
		['an HTML page on a 200', { kind: 'html', status: 200 }, /^Leadsopedia answered 200 with an HTML page instead of JSON to get list$/],
	];
	test.each(cases)('%s', async (_name, fault, message) => {
		sandbox().control.injectFaults(fault);
		const run = await runAgainst(sandbox(), getList(), { credentials: { maxTries: 1 } });
		expect(run.error?.message).toMatch(message);
		expect(run.items).toEqual([]);
		expectNoKeyIn(run.serialized);
	});

	test('an HTML error page keeps its status and says what came', async () => {
		sandbox().control.injectFaults({ kind: 'html', status: 404 });
		const run = await runAgainst(sandbox(), getList(), { credentials: { maxTries: 1 } });
		expect(run.error?.httpCode).toBe('404');
		expect(run.error?.description).toBe('Leadsopedia answered with an HTML page instead of JSON.');
	});
});

describe('a failure in the middle of Return All', () => {
	const parameters = () => ({
		resource: 'contact',
		operation: 'getAll',
		listId: byId(listNamed(sandbox(), 'Prospects')),
		returnAll: true,
		options: { pageSize: 10 },
	});
	const failPageTwo = (times: number) =>
		sandbox().control.injectFaults({ kind: 500, times, path: '/v1/contacts' });

	test('recovers and returns every contact once', async () => {
		// The first page passes, the second fails once: queue a pass-through first.
		const run = await runAgainst(sandbox(), parameters(), { credentials: { ...retrying, maxTries: 2 }, input: [{}] });
		expect(run.items).toHaveLength(25);
		sandbox().control.clearLog();
		sandbox().control.injectFaults({ kind: 'slow', slowMs: 1, path: '/v1/contacts' });
		failPageTwo(1);
		const retried = await runAgainst(sandbox(), parameters(), { credentials: { ...retrying, maxTries: 2 } });
		expect(retried.error).toBeUndefined();
		expect(retried.items.map((item) => item.json.id)).toEqual(run.items.map((item) => item.json.id));
		expect(apiCalls().map((entry) => entry.query.page)).toEqual(['1', '2', '2', '3']);
	});

	test('fails as a whole, never with a silent partial list', async () => {
		sandbox().control.injectFaults({ kind: 'slow', slowMs: 1, path: '/v1/contacts' });
		failPageTwo(5);
		const run = await runAgainst(sandbox(), parameters(), { credentials: { ...retrying, maxTries: 2 } });
		expect(run.error?.message).toBe('The Leadsopedia server failed to answer; try again later (500 on get many contacts)');
		expect(run.items).toEqual([]);
	});

	test('with Continue On Fail: one error item for that input item, none of its partial pages', async () => {
		sandbox().control.injectFaults({ kind: 'slow', slowMs: 1, path: '/v1/contacts' });
		failPageTwo(5);
		const run = await runAgainst(sandbox(), parameters(), { credentials: { ...retrying, maxTries: 2 }, continueOnFail: true });
		expect(run.items).toEqual([
			{
				json: { error: 'The Leadsopedia server failed to answer; try again later (500 on get many contacts)', description: 'Injected fault 500' },
				pairedItem: { item: 0 },
			},
		]);
		expectNoKeyIn(run.serialized);
	});
});
