import nock from 'nock';
import { runLeadsopedia, TEST_API_KEY } from '../helpers/engine';

// A mocked origin on loopback; nock answers in-process.
const API = 'http://127.0.0.1:65003';
const deleteList = { resource: 'list', operation: 'delete', listId: { __rl: true, mode: 'id', value: '7' } };
const retrying = { maxTries: 3, maxRetryWait: 0.05 };

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => {
	nock.enableNetConnect();
	// Node's http is shared by every test file of the jest worker: unpatch it for the next ones.
	nock.restore();
});

const api = () => nock(API, { reqheaders: { 'x-api-key': TEST_API_KEY } });

test('a DELETE whose first answer was lost in a 502 and then is not found counts as deleted', async () => {
	const scope = api().delete('/v1/mylists/7').reply(502, 'Bad gateway').delete('/v1/mylists/7').reply(404, { error: 'not_found' });
	const run = await runLeadsopedia(deleteList, { baseUrl: `${API}/v1`, credentials: retrying });
	expect(scope.isDone()).toBe(true);
	expect(run.error).toBeUndefined();
	expect(run.items.map((item) => item.json)).toEqual([{ deleted: true, id: 7 }]);
});

test('a DELETE not found at the first try is still an error', async () => {
	const scope = api().delete('/v1/mylists/7').reply(404, { error: 'not_found' });
	const run = await runLeadsopedia(deleteList, { baseUrl: `${API}/v1`, credentials: retrying });
	expect(scope.isDone()).toBe(true);
	expect(run.error?.httpCode).toBe('404');
});

test('a DELETE refused by a 429 and then not found is still an error: a 429 never acted', async () => {
	const scope = api()
		.delete('/v1/mylists/7')
		.reply(429, { error: 'rate_limited' }, { 'Retry-After': '0' })
		.delete('/v1/mylists/7')
		.reply(404, { error: 'not_found' });
	const run = await runLeadsopedia(deleteList, { baseUrl: `${API}/v1`, credentials: retrying });
	expect(scope.isDone()).toBe(true);
	expect(run.error?.httpCode).toBe('404');
});
