import { sleep } from 'n8n-workflow';
import { testCredential } from '../helpers/credential-tester';
import { runLeadsopedia } from '../helpers/engine';
import { startHttpHost } from '../helpers/loopback';
import { byId, listNamed, runAgainst, useSandbox } from './sandbox-run';

const INTERVAL_MS = 300;
// The sandbox refuses a call inside another's interval, as the API does.
const sandbox = useSandbox({ intervalMs: INTERVAL_MS });

async function waitUntil(done: () => boolean): Promise<void> {
	while (!done()) await sleep(10);
}

const apiCalls = () => sandbox().control.requestLog().filter((entry) => entry.host === 'api');
const credential = (requestInterval: number) => ({ apiKey: sandbox().apiKey, baseUrl: sandbox().baseUrl, requestInterval, maxTries: 1 });

describe("the credential's Test button takes a turn in the key's lane", () => {
	it('pressed while a paced workflow runs, it waits its turn: the key tests fine and the workflow gets no 429', async () => {
		const parameters = { resource: 'list', operation: 'get', listId: byId(listNamed(sandbox(), 'Customers')) };
		// One try each: a call that arrived inside another's interval would fail on its 429.
		const [run, tested] = await Promise.all([
			runAgainst(sandbox(), parameters, { credentials: { requestInterval: INTERVAL_MS / 1000, maxTries: 1 }, input: [{}, {}, {}] }),
			testCredential(credential(INTERVAL_MS / 1000)),
		]);

		expect(tested).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(3);
		expect(apiCalls().map((entry) => entry.status)).toEqual([200, 200, 200, 200]);
	});

	it('when the call before it does not answer within 15 s, it gives up, says so, and sends nothing', async () => {
		let arrived = false;
		// Another Base URL for the same key: the lane is the key's, wherever its calls go.
		const silent = await startHttpHost(() => {
			arrived = true;
		});
		const parameters = { resource: 'list', operation: 'get', listId: byId(listNamed(sandbox(), 'Customers')) };
		const hanging = runLeadsopedia(parameters, { baseUrl: `${silent.origin}/v1`, credentials: { apiKey: sandbox().apiKey, requestInterval: INTERVAL_MS / 1000, maxTries: 1, timeout: 60 } });
		try {
			await waitUntil(() => arrived);

			const tested = await testCredential(credential(INTERVAL_MS / 1000));

			expect(tested.status).toBe('Error');
			expect(tested.message).toMatch(/^The key was not tested: a workflow is using it, and its next turn in the key's lane did not come \(more than 15 s\)\./);
			expect(apiCalls()).toHaveLength(0);
		} finally {
			// The silent host's sockets closed, the workflow's call fails and leaves the lane.
			await silent.stop();
			await hanging;
		}
	});

	// Last in this file: it leaves the key's lane busy for 30 s.
	it('when the turn would come later than it waits, it gives up at once, says so, and sends nothing', async () => {
		const parameters = { resource: 'list', operation: 'get', listId: byId(listNamed(sandbox(), 'Customers')) };
		const run = await runAgainst(sandbox(), parameters, { credentials: { requestInterval: 30, maxTries: 1 } });
		expect(run.error).toBeUndefined();

		const tested = await testCredential(credential(30));

		expect(tested.status).toBe('Error');
		expect(tested.message).toMatch(/^The key was not tested: a workflow is using it, and its next turn in the key's lane comes in (2\d|30) s \(more than 15 s\)\./);
		expect(apiCalls()).toHaveLength(1);
	});
});
