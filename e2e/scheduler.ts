/**
 * The trigger under n8n 2.x's scheduler for poll triggers (`N8N_SCHEDULER_POLL_TRIGGERS_ENABLED`):
 * there a poll runs as a scheduler task, and one that outlasts `N8N_SCHEDULER_POLL_TIMEOUT` is
 * dropped, its items and its cursor, the next starting from the same cursor. On an API that
 * answers slowly, the first poll, planned at the credential's interval, is dropped; the next
 * ones plan at the time calls took (trigger/call-times.ts) and every contact comes out once.
 * After n8n restarts, the trigger plans with the time it saved with its state: none is dropped.
 *
 *   npm run test:e2e:scheduler
 *
 * Ends with the line `N passed, M failed`. Takes about 14 minutes with n8n cached: n8n polls every minute.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { outputs } from './checks/trigger';
import { pacedSandboxCredential, prepareEnvironment, type Environment } from './environment';
import { killChildrenOnExit, sleep, waitFor } from './processes';
import { exitWith, Runner } from './runner';
import { N8N_2 } from './versions';
import { TRIGGER_TYPE, type WorkflowJson } from './workflows';

/** n8n drops a poll after 20 s (it reports a budget of 15 s: 20 less its margin of 5). */
const POLL_TIMEOUT_S = 20;
/** Each answer of GET /contacts 3 s late, calls 1 s apart: 12 calls planned at the interval, about 4 s each. */
const SLOW_MS = 3_000;
const INTERVAL_S = 1;
/** Six pages of contacts after activation: 7 calls, over 20 s, planned at the interval. */
const BACKLOG = 6_000;
const CREDENTIAL = { id: 'leadsopediaSched1', name: 'Leadsopedia sandbox, paced' };
const WORKFLOW_ID = 'leadsopediaSchedWf1';
const TRIGGER_NAME = 'New contact, every minute';

const workflow = (listId: number): WorkflowJson => ({
	id: WORKFLOW_ID,
	name: 'Leadsopedia Trigger under the scheduler',
	active: false,
	nodes: [
		{
			id: 'c7a1e2d3-4b5c-4d6e-8f70-81920a1b2c3d',
			name: TRIGGER_NAME,
			type: TRIGGER_TYPE,
			typeVersion: 1,
			position: [0, 0],
			// Every minute costs more than the monthly quota idle: allowed here, the sandbox counts no month.
			parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, event: 'newContact', watchAllLists: false, listId: { __rl: true, mode: 'id', value: String(listId) }, allowOverQuota: true },
			credentials: { leadsopediaApi: CREDENTIAL },
		},
	],
	connections: {},
	settings: { executionOrder: 'v1' },
});

async function main(): Promise<number> {
	killChildrenOnExit();
	const runner = new Runner();
	runner.section = `n8n ${N8N_2.n8n}, scheduler for poll triggers, poll timeout ${POLL_TIMEOUT_S} s`;
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'leadsopedia-e2e-scheduler-'));
	const listId = 1;
	let env: Environment | undefined;
	try {
		const prepared = await runner.check('set-up: n8n with the scheduler for poll triggers, the package, a trigger polling every minute', async () => {
			env = await prepareEnvironment({
				flavor: N8N_2,
				workDir,
				n8nEnv: { N8N_SCHEDULER_ENABLED: 'true', N8N_SCHEDULER_POLL_TRIGGERS_ENABLED: 'true', N8N_SCHEDULER_POLL_TIMEOUT: String(POLL_TIMEOUT_S) },
				extraCredentials: (sandbox) => [pacedSandboxCredential(sandbox, CREDENTIAL, INTERVAL_S)],
				workflows: [workflow(listId)],
				log: (message) => console.log(`..    ${message}`),
			});
			await env.n8n.start();
			await env.api.signIn();
		});
		if (!prepared || !env) return runner.finish();
		const { api, sandbox, n8n } = env;
		const emails = async () => outputs(await api.executions(WORKFLOW_ID), TRIGGER_NAME, 'email');

		await runner.check('activation records where the list stands; nothing comes out', async () => {
			await api.activate(WORKFLOW_ID);
			await sleep(3_000);
			assert.deepEqual(await emails(), []);
		});
		const backlog = (batch: string) =>
			sandbox.control
				.addContacts(
					listId,
					Array.from({ length: BACKLOG }, (_, index) => ({ email: `lead${index}@${batch}.example`, first_name: `Lead${index}`, last_name: 'Scheduler' })),
				)
				.map((contact) => contact.email);
		/** Waits until every one of `expected` came out, then checks each came out once: the polls dropped for their time since n8n started. */
		const outOnce = async (expected: string[], since: number) => {
			await waitFor(`${expected.length} contacts out`, 8 * 60_000, async () => ((await emails()).length >= expected.length ? true : undefined), 5_000);
			await sleep(5_000);
			const out = await emails();
			assert.equal(new Set(out).size, out.length, 'a contact came out twice');
			assert.deepEqual(
				expected.filter((email) => !out.includes(email)),
				[],
			);
			const log = fs.readFileSync(n8n.serverLog, 'utf8');
			const dropped = log.split('\n').filter((line) => line.includes('Poll exceeded its timeout and was abandoned')).length;
			const calls = sandbox.control.requestLog().filter((entry) => entry.path === '/v1/contacts' && entry.startedAt >= since);
			console.log(`..    polls dropped for their time: ${dropped}; GET /contacts calls: ${calls.length}; executions: ${(await api.executions(WORKFLOW_ID)).length}`);
			return dropped;
		};
		const added = backlog('scheduler');
		sandbox.control.injectFaults({ kind: 'slow', slowMs: SLOW_MS, path: '/v1/contacts', rate: 1 });

		await runner.check(`an API answering ${SLOW_MS / 1000} s late: every one of ${BACKLOG} contacts comes out once, after a poll dropped for its time`, async () => {
			const dropped = await outOnce(added, Date.now());
			// The first, which could not know the time calls take; a second only if the machine slowed down between them.
			assert.ok(dropped >= 1 && dropped <= 2, `${dropped} polls dropped`);
		});
		await runner.check(`after n8n restarts, ${BACKLOG} more: no poll dropped (the time calls take was saved with the trigger's state), each out once`, async () => {
			await n8n.stop();
			await n8n.start();
			// Its activation poll finds nothing new: one call, nothing timed in the new process.
			await sleep(10_000);
			const since = Date.now();
			assert.equal(await outOnce([...added, ...backlog('restarted')], since), 0, 'polls dropped after the restart');
		});
		await runner.check('trigger unpublished', () => api.deactivate(WORKFLOW_ID));
	} finally {
		await env?.close();
	}
	if (runner.failed === 0) fs.rmSync(workDir, { recursive: true, force: true });
	else console.log(`..    logs and n8n's user folder kept in ${workDir}`);
	return runner.finish();
}

exitWith(main);
