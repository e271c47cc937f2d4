import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prepareEnvironment, type Environment } from '../../e2e/environment';
import { N8N_2 } from '../../e2e/versions';
import { SANDBOX_CREDENTIAL, webhookThen, type WorkflowJson, type WorkflowNode } from '../../e2e/workflows';

/**
 * Case 1, the other side: the same Return All built with n8n's HTTP Request node and the
 * Leadsopedia credential, paginated the two ways n8n's pagination cookbook shows for an API
 * like this one (its answers carry `next`, and pages are numbered), in a real n8n.
 */
export interface HttpRequestRow {
	contacts: number;
	pageSize: number;
	/** Calls of the "next URL" configuration, then of the "page number" one. */
	calls: string;
}

const paginations = {
	nextUrl: {
		paginationMode: 'responseContainsNextURL',
		nextURL: '={{ $response.body.next }}',
		paginationCompleteWhen: 'other',
		completeExpression: '={{ !$response.body.next }}',
	},
	pageNumber: {
		paginationMode: 'updateAParameterInEachRequest',
		parameters: { parameters: [{ type: 'qs', name: 'page', value: '={{ $pageCount + 1 }}' }] },
		paginationCompleteWhen: 'other',
		completeExpression: '={{ !$response.body.next }}',
	},
};

function httpRequestWorkflow(name: keyof typeof paginations): WorkflowJson {
	const httpRequest: WorkflowNode = {
		name: 'HTTP Request',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: {
			url: '={{ $json.body.url }}',
			authentication: 'predefinedCredentialType',
			nodeCredentialType: 'leadsopediaApi',
			sendQuery: true,
			queryParameters: {
				parameters: [
					{ name: 'list_id', value: '={{ $json.body.listId }}' },
					{ name: 'limit', value: '={{ $json.body.limit }}' },
				],
			},
			options: { pagination: { pagination: paginations[name] } },
		},
		credentials: { leadsopediaApi: SANDBOX_CREDENTIAL },
	};
	const id = `benchHttp${name[0].toUpperCase()}${name.slice(1)}`.slice(0, 16).padEnd(16, '0');
	// Only the call count matters: the webhook answers the first item, not every page.
	return webhookThen(id, `bench HTTP Request ${name}`, `bench-http-${name}`, httpRequest, { responseData: 'firstEntryJson' });
}

/** A freshly published webhook can answer 404 for a moment: wait (bounded) until each answers. */
async function untilWebhooksAnswer(env: Environment, names: string[]): Promise<void> {
	const list = env.sandbox.control.addList('bench warm-up');
	for (const name of names) {
		for (let attempt = 1; ; attempt++) {
			const response = await env.api.webhook(`bench-http-${name}`, { url: `${env.sandbox.baseUrl}/contacts`, listId: list.id, limit: 100 });
			await response.text();
			if (response.status === 200) break;
			if (attempt >= 30) throw new Error(`webhook bench-http-${name} still answers ${response.status}`);
			await new Promise((resolve) => setTimeout(resolve, 1000));
		}
	}
}

export async function httpRequestNodeCalls(contactCounts: number[], pageSizes: number[]): Promise<HttpRequestRow[]> {
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'leadsopedia-bench-'));
	const names = Object.keys(paginations) as Array<keyof typeof paginations>;
	const workflows = names.map(httpRequestWorkflow);
	const env = await prepareEnvironment({ flavor: N8N_2, workDir, workflows, log: (message) => console.log(`   ${message}`) });
	try {
		await env.n8n.start();
		await env.api.signIn();
		for (const workflow of workflows) await env.api.activate(workflow.id);
		await untilWebhooksAnswer(env, names);
		const rows: HttpRequestRow[] = [];
		for (const contacts of contactCounts) {
			const list = env.sandbox.control.addList(`bench ${contacts}`);
			env.sandbox.control.addContacts(list.id, Array.from({ length: contacts }, () => ({})));
			for (const pageSize of pageSizes) {
				const counts: Array<number | string> = [];
				for (const name of names) {
					env.sandbox.control.clearLog();
					const response = await env.api.webhook(`bench-http-${name}`, { url: `${env.sandbox.baseUrl}/contacts`, listId: list.id, limit: pageSize });
					await response.text();
					const calls = env.sandbox.control.requestLog().filter((entry) => entry.path === '/v1/contacts');
					const failed = response.status !== 200 || calls.some((entry) => entry.status !== 200);
					counts.push(failed ? `${calls.length} (failed)` : calls.length);
				}
				rows.push({ contacts, pageSize, calls: counts.join(' / ') });
			}
		}
		return rows;
	} finally {
		await env.close();
		fs.rmSync(workDir, { recursive: true, force: true });
	}
}
