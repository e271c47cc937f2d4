/**
 * The end-to-end suite: the packed package inside a real n8n, against the sandbox.
 *
 *   npm run test:e2e [-- --n8n 1|2|newest]     # every n8n line by default
 *   npm run test:e2e -- --queue                # n8n 2.40 in queue mode: main, Redis, PostgreSQL, 2 workers
 *   npm run test:e2e -- --queue --workers 4 --load-only [--load-log FILE]   # only the load of one key (e2e/queue/options.ts)
 *
 * Ends with the line `N passed, M failed`; exits non-zero on any failure. Logs and
 * n8n's user folder are kept in a temporary folder when something fails.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { accountChecks } from './checks/account';
import { contactChecks } from './checks/contacts';
import type { CheckGroup, Context, Item } from './checks/context';
import { credentialChecks } from './checks/credential';
import { downloadChecks } from './checks/downloads';
import { errorChecks } from './checks/errors';
import { exampleChecks, manualRunExampleChecks } from './checks/examples';
import { httpRequestChecks } from './checks/http-request';
import { listChecks } from './checks/lists';
import { mcpChecks } from './checks/mcp';
import { packageChecks } from './checks/package';
import { paginationChecks } from './checks/pagination';
import { requestOptionChecks } from './checks/request-options';
import { stopChecks } from './checks/stop';
import { transportChecks } from './checks/transport';
import { triggerChecks } from './checks/trigger';
import { prepareEnvironment, type Environment } from './environment';
import { buildAndPack } from './package-tarball';
import { killChildrenOnExit } from './processes';
import { prepareQueueEnvironment } from './queue/environment';
import { queueChecks } from './queue/checks';
import { loadChecks } from './queue/load';
import { loadOnly, queueMode } from './queue/options';
import { exitWith, Runner } from './runner';
import { flavorsFromArgs, N8N_2, type N8nFlavor } from './versions';
import { readExamples, webhookWorkflow, type WorkflowJson } from './workflows';

/** Queue mode: every case again with the executions on workers, then the queue's own. */
const everyCase: CheckGroup[] = [
	queueMode ? manualRunExampleChecks : exampleChecks,
	packageChecks,
	credentialChecks,
	listChecks,
	contactChecks,
	downloadChecks,
	accountChecks,
	paginationChecks,
	errorChecks,
	mcpChecks,
	httpRequestChecks,
	requestOptionChecks,
	transportChecks,
	stopChecks,
	// Last but the queue's: it restarts n8n.
	triggerChecks,
];
const groups: CheckGroup[] = queueMode ? [...(loadOnly ? [] : everyCase), loadChecks, queueChecks] : everyCase;

/** The examples under their own ids, the groups' other workflows, and one webhook workflow per path the groups call. */
function workflows(): { all: WorkflowJson[]; ids: Map<string, string>; webhookIds: string[] } {
	const ids = new Map<string, string>();
	const all: WorkflowJson[] = [];
	for (const [name, workflow] of readExamples()) {
		ids.set(name, workflow.id);
		all.push(workflow);
	}
	all.push(...groups.flatMap((group) => group.extraWorkflows?.() ?? []));
	const webhookIds = groups
		.flatMap((group) => group.workflows ?? [])
		.map((spec, index) => {
			const workflow = webhookWorkflow(`e2eWorkflow${String(index).padStart(5, '0')}`, spec);
			ids.set(spec.path, workflow.id);
			all.push(workflow);
			return workflow.id;
		});
	return { all, ids, webhookIds };
}

function contextFor(env: Environment, runner: Runner, workflowIds: Map<string, string>): Context {
	return {
		...env,
		runner,
		workflowIds,
		async call(webhookPath, body = {}) {
			const response = await env.api.webhook(webhookPath, body);
			const text = await response.text();
			if (response.status !== 200) {
				const [execution] = await env.api.executions(workflowIds.get(webhookPath) ?? '').catch(() => []);
				throw new Error(`webhook ${webhookPath} answered ${response.status}: ${text.slice(0, 300)}; node error: ${execution?.data?.resultData.error?.message}`);
			}
			const parsed = JSON.parse(text) as Item | Item[];
			return Array.isArray(parsed) ? parsed : [parsed];
		},
	};
}

/** Every case in one n8n; its scratch folder is kept when a case failed. */
async function runIn(flavor: N8nFlavor, tarball: string, runner: Runner): Promise<void> {
	runner.section = `n8n ${flavor.n8n}${queueMode ? ' queue mode' : ''}`;
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'leadsopedia-e2e-'));
	const { all, ids, webhookIds } = workflows();
	const failedBefore = runner.failed;
	let env: Environment | undefined;
	try {
		const prepared = await runner.check('set-up: n8n cached, package installed from the tarball, sandbox running, credentials and workflows imported', async () => {
			env = await (queueMode ? prepareQueueEnvironment : prepareEnvironment)({
				flavor,
				workDir,
				tarball,
				extraCredentials: (sandbox) => groups.flatMap((group) => group.credentials?.(sandbox) ?? []),
				workflows: all,
				log: (message) => console.log(`..    ${message}`),
			});
		});
		if (!prepared || !env) return;
		const context = contextFor(env, runner, ids);
		for (const group of groups) await group.beforeStart?.(context);

		const { n8n, api } = env;
		const started = await runner.check('n8n starts with the package, owner and API key set up, test workflows published', async () => {
			await n8n.start();
			await api.signIn();
			for (const id of webhookIds) await api.activate(id);
		});
		if (started) for (const group of groups) await group.run?.(context);
	} finally {
		await env?.close();
	}
	if (runner.failed === failedBefore) fs.rmSync(workDir, { recursive: true, force: true });
	else console.log(`..    logs and n8n's user folder kept in ${workDir}`);
}

async function main(): Promise<number> {
	killChildrenOnExit();
	const runner = new Runner();
	const flavors = queueMode ? [N8N_2] : flavorsFromArgs(process.argv.slice(2));
	const packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'leadsopedia-e2e-pack-'));
	try {
		let tarball = '';
		if (await runner.check('the package builds and packs', async () => void (tarball = buildAndPack(packDir)))) {
			for (const flavor of flavors) await runIn(flavor, tarball, runner);
		}
	} finally {
		fs.rmSync(packDir, { recursive: true, force: true });
	}
	return runner.finish();
}

exitWith(main);
