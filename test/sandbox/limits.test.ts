import { startSandbox, type Sandbox } from '../../sandbox';
import { call } from './helpers';

/** The clock is injected, so no test sleeps. */
let now = 0;
let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ now: () => now, monthlyQuota: 3 });
});
afterAll(() => sandbox.stop());
beforeEach(() => {
	now = Date.UTC(2025, 2, 31, 23, 0, 0);
	sandbox.control.resetCounters();
	sandbox.control.setOptions({ intervalMs: 10_000, monthlyQuota: 3 });
});

describe('interval between calls of one key (default 10 s)', () => {
	it('answers 429 with Retry-After in whole seconds, rounded up; a refused call does not restart the wait', async () => {
		expect((await call(sandbox, 'GET', '/account')).status).toBe(200);
		now += 2_500;
		const refused = await call(sandbox, 'GET', '/account');
		expect(refused.status).toBe(429);
		expect(refused.headers.get('retry-after')).toBe('8');
		expect(refused.json).toEqual({ error: 'rate_limited', message: expect.any(String) });
		now += 7_499;
		expect((await call(sandbox, 'GET', '/account')).headers.get('retry-after')).toBe('1');
		now += 1;
		expect((await call(sandbox, 'GET', '/account')).status).toBe(200);
	});

	it('is per key', async () => {
		expect((await call(sandbox, 'GET', '/account')).status).toBe(200);
		expect((await call(sandbox, 'GET', '/account', { key: sandbox.otherApiKey })).status).toBe(200);
	});

	it('counts 404 and 400 answers as calls, but not 401 or 429', async () => {
		expect((await call(sandbox, 'GET', '/nowhere')).status).toBe(404);
		now += 10_000;
		expect((await call(sandbox, 'GET', '/mylists?limit=0')).status).toBe(400);
		expect((await call(sandbox, 'GET', '/account', { key: null })).status).toBe(401);
		expect((await call(sandbox, 'GET', '/account')).status).toBe(429);
		now += 10_000;
		expect((await call(sandbox, 'GET', '/account/usage')).json.calls_this_month).toBe(3);
	});

	it('is off with intervalMs 0, and follows setOptions', async () => {
		sandbox.control.setOptions({ intervalMs: 0 });
		expect((await call(sandbox, 'GET', '/account')).status).toBe(200);
		expect((await call(sandbox, 'GET', '/account')).status).toBe(200);
		sandbox.control.setOptions({ intervalMs: 500 });
		expect((await call(sandbox, 'GET', '/account')).status).toBe(429);
	});
});

describe('monthly quota', () => {
	it('answers 429 quota_exceeded with Retry-After to the start of next month (UTC), then resets with the month', async () => {
		for (let i = 0; i < 3; i++) {
			expect((await call(sandbox, 'GET', '/account')).status).toBe(200);
			now += 10_000;
		}
		const refused = await call(sandbox, 'GET', '/account');
		expect(refused.status).toBe(429);
		expect(refused.json).toEqual({
			error: 'quota_exceeded',
			message: 'Monthly quota of 3 calls is spent; resets at 2025-04-01T00:00:00.000Z',
		});
		expect(Number(refused.headers.get('retry-after'))).toBe(Math.ceil((Date.UTC(2025, 3, 1) - now) / 1000));

		now = Date.UTC(2025, 3, 1);
		const usage = await call(sandbox, 'GET', '/account/usage');
		expect(usage.json).toEqual({ calls_this_month: 1, monthly_quota: 3, calls_remaining: 2, interval_ms: 10_000, resets_at: '2025-05-01T00:00:00.000Z' });
	});

	it('answers the quota before the interval, and resetCounters gives it back', async () => {
		sandbox.control.setOptions({ monthlyQuota: 1 });
		await call(sandbox, 'GET', '/account');
		expect((await call(sandbox, 'GET', '/account')).json.error).toBe('quota_exceeded');
		sandbox.control.resetCounters();
		expect((await call(sandbox, 'GET', '/account')).status).toBe(200);
	});

	it('defaults to 15,000 calls a month and 10 s between calls', async () => {
		const defaults = await startSandbox({ now: () => now });
		try {
			expect((await call(defaults, 'GET', '/account/usage')).json).toMatchObject({ monthly_quota: 15000, interval_ms: 10000, calls_remaining: 14999 });
		} finally {
			await defaults.stop();
		}
	});
});
