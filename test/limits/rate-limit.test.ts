import { api, requestLines, run, useNock, v1 } from '../helpers/nock';

/**
 * A 429 is a short rate limit or a spent monthly quota. CONTRACT.md: the spent quota comes
 * with a Retry-After reaching next month and a body saying so. The node goes by what the
 * API states, never by one word of the body: a stated wait within Max Wait is waited for
 * and retried; one beyond it, or (without a Retry-After) an answer that speaks of the
 * month's quota, fails at once.
 */
const getAccount = { resource: 'account', operation: 'get' };
const account = { id: 1, name: 'Demo Ltd', status: 'active' };
const retrying = { maxTries: 3, maxRetryWait: 2 };
const QUOTA_SPENT = 'The monthly quota of Leadsopedia API calls is spent';

describe('a 429 is read by what the API states', () => {
	useNock();

	it('a per-key "quota" of one call every 10 seconds with Retry-After: 1 is waited for and retried', async () => {
		api()
			.get(v1('/account'))
			.reply(429, { error: 'rate_limited', message: 'per-key quota: one call every 10 seconds' }, { 'Retry-After': '1' })
			.get(v1('/account'))
			.reply(200, account);

		const result = await run(getAccount, { credentials: retrying });

		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json)).toEqual([account]);
		expect(requestLines()).toEqual(['GET /v1/account', 'GET /v1/account']);
	});

	it('a "quota exceeded" 429 without Retry-After and without a word of the month backs off and retries', async () => {
		api()
			.get(v1('/account'))
			.reply(429, { error: 'quota_exceeded', message: 'Quota exceeded: too many requests' })
			.get(v1('/account'))
			.reply(200, account);

		const result = await run(getAccount, { credentials: { ...retrying, maxRetryWait: 0.05 } });

		expect(result.error).toBeUndefined();
		expect(requestLines()).toHaveLength(2);
	});

	it('an answer that the month\'s quota is spent, without Retry-After, fails at once', async () => {
		api().get(v1('/account')).reply(429, { error: 'quota_exceeded', message: 'Monthly quota of 15000 calls is spent' });

		const result = await run(getAccount, { credentials: retrying });

		expect(result.error?.message).toBe(QUOTA_SPENT);
		expect(result.error?.description).toBe('Leadsopedia allows 15,000 calls a month per API key. It accepts calls again at the start of next month.');
		expect(requestLines()).toHaveLength(1);
	});

	it('the month\'s quota answer with a Retry-After within Max Wait (the month ends in a second) is waited for', async () => {
		api()
			.get(v1('/account'))
			.reply(429, { error: 'quota_exceeded', message: 'Monthly quota of 15000 calls is spent' }, { 'Retry-After': '1' })
			.get(v1('/account'))
			.reply(200, account);

		const result = await run(getAccount, { credentials: retrying });

		expect(result.error).toBeUndefined();
		expect(requestLines()).toHaveLength(2);
	});
});
