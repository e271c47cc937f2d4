import { API_ORIGIN, BASE_URL, api, run, useNock, v1 } from '../helpers/nock';

const INTERVAL_MS = 300;
const getAccount = { resource: 'account', operation: 'get' };
const account = { id: 1, name: 'Demo Ltd', status: 'active' };

describe('the pacing lane of one key', () => {
	useNock();

	it('is shared by Base URLs that differ in the case of scheme and host, in a written default port and in a trailing dot', async () => {
		const arrivals: number[] = [];
		const { host } = new URL(BASE_URL);
		for (const origin of [API_ORIGIN, API_ORIGIN.replace(host, `${host}.`)]) {
			api(origin)
				.get(v1('/account'))
				.times(origin === API_ORIGIN ? 3 : 1)
				.reply(() => {
					arrivals.push(Date.now());
					return [200, account];
				});
		}
		const spellings = [
			BASE_URL,
			BASE_URL.replace('https://', 'HTTPS://').replace(host, host.toUpperCase()),
			BASE_URL.replace(host, `${host}:443`),
			BASE_URL.replace(host, `${host}.`),
		];

		const runs = await Promise.all(spellings.map((baseUrl) => run(getAccount, { baseUrl, credentials: { requestInterval: INTERVAL_MS / 1000 } })));

		for (const result of runs) expect(result.error).toBeUndefined();
		const gaps = arrivals.slice(1).map((time, index) => time - arrivals[index]);
		expect(gaps).toHaveLength(3);
		for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(INTERVAL_MS - 5);
	});
});
