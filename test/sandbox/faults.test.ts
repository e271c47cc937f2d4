import { call, useSandbox } from './helpers';

const sandbox = useSandbox();
afterEach(() => sandbox.control.clearFaults());

const statuses = async (count: number, path = '/account') => {
	const result: number[] = [];
	for (let i = 0; i < count; i++) result.push((await call(sandbox, 'GET', path)).status);
	return result;
};

describe('injected faults', () => {
	it.each([500, 502, 503, 504, '503'] as const)('%s answers that status with a JSON error body', async (kind) => {
		sandbox.control.injectFaults({ kind });
		const faulted = await call(sandbox, 'GET', '/account');
		expect(faulted.status).toBe(Number(kind));
		expect(faulted.json).toEqual({ error: 'server_error', message: expect.any(String) });
		expect((await call(sandbox, 'GET', '/account')).status).toBe(200);
	});

	it('applies to the next N calls', async () => {
		sandbox.control.injectFaults({ kind: 502, times: 2 });
		expect(await statuses(3)).toEqual([502, 502, 200]);
	});

	it('429 comes with Retry-After only when asked', async () => {
		sandbox.control.injectFaults([{ kind: 429, retryAfter: 3 }, { kind: 429 }]);
		const first = await call(sandbox, 'GET', '/account');
		expect([first.status, first.headers.get('retry-after')]).toEqual([429, '3']);
		const second = await call(sandbox, 'GET', '/account');
		expect([second.status, second.headers.get('retry-after')]).toEqual([429, null]);
	});

	it('malformed-json, html and empty answer bodies a client must survive', async () => {
		sandbox.control.injectFaults([{ kind: 'malformed-json' }, { kind: 'html' }, { kind: 'empty' }, { kind: 'empty', status: 500 }]);
		const malformed = await call(sandbox, 'GET', '/account');
		expect([malformed.status, malformed.headers.get('content-type')]).toEqual([200, 'application/json; charset=utf-8']);
		expect(() => JSON.parse(malformed.text)).toThrow();
		const html = await call(sandbox, 'GET', '/account');
		expect([html.status, html.headers.get('content-type')]).toEqual([502, 'text/html; charset=utf-8']);
		expect(html.text).toMatch(/^<!DOCTYPE html>/);
		expect(await call(sandbox, 'GET', '/account')).toMatchObject({ status: 200, text: '' });
		expect(await call(sandbox, 'GET', '/account')).toMatchObject({ status: 500, text: '' });
	});

	it('reset destroys the connection without an answer', async () => {
		sandbox.control.injectFaults({ kind: 'reset' });
		await expect(call(sandbox, 'GET', '/account')).rejects.toThrow();
		expect(sandbox.control.requestLog().at(-1)).toMatchObject({ status: 0, fault: 'reset' });
		expect((await call(sandbox, 'GET', '/account')).status).toBe(200);
	});

	it('slow delays the real answer by slowMs', async () => {
		sandbox.control.injectFaults({ kind: 'slow', slowMs: 150 });
		const started = performance.now();
		const slow = await call(sandbox, 'GET', '/account');
		expect(slow.status).toBe(200);
		expect(performance.now() - started).toBeGreaterThanOrEqual(140);
	});

	it('can be limited to a path prefix', async () => {
		sandbox.control.injectFaults({ kind: 503, path: '/v1/contacts', times: 1 });
		expect(await statuses(1, '/mylists')).toEqual([200]);
		expect(await statuses(2, '/contacts?list_id=1')).toEqual([503, 200]);
	});

	it('can hit the file host instead of the API', async () => {
		const [download] = sandbox.control.downloads('demo');
		sandbox.control.injectFaults({ kind: 504, host: 'files' });
		expect((await call(sandbox, 'GET', '/account')).status).toBe(200);
		expect((await fetch(download.url)).status).toBe(504);
		expect((await fetch(download.url)).status).toBe(200);
	});

	it('hits a seeded fraction of calls: the same seed repeats the same pattern', async () => {
		const pattern = async (seed: number) => {
			sandbox.control.clearFaults();
			sandbox.control.injectFaults({ kind: 500, rate: 0.5, seed });
			return statuses(20);
		};
		const first = await pattern(7);
		expect(await pattern(7)).toEqual(first);
		expect(await pattern(8)).not.toEqual(first);
		const faulted = first.filter((status) => status === 500).length;
		expect(faulted).toBeGreaterThan(3);
		expect(faulted).toBeLessThan(17);
	});

	it('stand in front of the API: faulted calls use no quota', async () => {
		sandbox.control.resetCounters();
		sandbox.control.injectFaults({ kind: 503, times: 3 });
		await statuses(3);
		expect((await call(sandbox, 'GET', '/account/usage')).json.calls_this_month).toBe(1);
	});

	it('reject an unknown kind or a bad rate', () => {
		expect(() => sandbox.control.injectFaults({ kind: 418 as never })).toThrow(/kind/);
		expect(() => sandbox.control.injectFaults({ kind: 500, rate: 2 })).toThrow(/rate/);
		expect(() => sandbox.control.injectFaults({ kind: 500, times: 0 })).toThrow(/times/);
	});
});
