/**
 * What the harness asks of a running n8n over HTTP: the owner account and an API key
 * (set up once per user folder), the public API for publishing workflows and reading
 * executions, the internal REST endpoint the editor uses to test a credential, and
 * webhook calls. Loopback only.
 */

export const OWNER = { email: 'owner@example.com', firstName: 'Demo', lastName: 'Owner', password: 'Leadsopedia-demo-1' };

/** n8n ties a session to the browser that opened it; the harness is one steady "browser". */
const BROWSER_ID = 'leadsopedia-e2e';

export interface Execution {
	id: string;
	workflowId: string;
	status: string;
	mode: string;
	data?: { resultData: { runData: Record<string, Array<{ data?: { main: Array<Array<{ json: Record<string, unknown> }> | null> } }>>; error?: { message: string; description?: string } } };
}

export class N8nApi {
	private cookie = '';
	private apiKey = '';

	constructor(private readonly baseUrl: string) {}

	private async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}, timeoutMs = 60_000): Promise<Response> {
		return fetch(`${this.baseUrl}${path}`, {
			method,
			headers: { 'content-type': 'application/json', 'browser-id': BROWSER_ID, ...headers },
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(timeoutMs),
		});
	}

	private async json<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
		const response = await this.request(method, path, body, headers);
		const text = await response.text();
		if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`);
		return (text ? JSON.parse(text) : {}) as T;
	}

	/** Creates the owner on a fresh instance (or logs in on one set up before) and an API key. */
	async signIn(): Promise<void> {
		let response = await this.request('POST', '/rest/owner/setup', OWNER);
		if (!response.ok) response = await this.request('POST', '/rest/login', { emailOrLdapLoginId: OWNER.email, password: OWNER.password });
		if (!response.ok) throw new Error(`cannot sign in to n8n: ${response.status} ${await response.text()}`);
		this.cookie = (response.headers.getSetCookie().find((c) => c.startsWith('n8n-auth=')) ?? '').split(';')[0];
		if (!this.cookie) throw new Error('n8n sent no session cookie');
		const { data: scopes } = await this.rest<{ data: string[] }>('GET', '/rest/api-keys/scopes');
		const { data } = await this.rest<{ data: { rawApiKey: string } }>('POST', '/rest/api-keys', { label: `e2e ${Date.now()}`, scopes, expiresAt: null });
		this.apiKey = data.rawApiKey;
	}

	/** The editor's internal API, with the owner's session. */
	rest<T>(method: string, path: string, body?: unknown): Promise<T> {
		return this.json<T>(method, path, body, { cookie: this.cookie });
	}

	/** The public API, with the API key. */
	api<T>(method: string, path: string, body?: unknown): Promise<T> {
		return this.json<T>(method, `/api/v1${path}`, body, { 'x-n8n-api-key': this.apiKey });
	}

	async activate(workflowId: string): Promise<void> {
		await this.api('POST', `/workflows/${workflowId}/activate`);
	}

	async deactivate(workflowId: string): Promise<void> {
		await this.api('POST', `/workflows/${workflowId}/deactivate`);
	}

	/** The workflow's executions with their data, newest first. */
	async executions(workflowId: string): Promise<Execution[]> {
		const { data } = await this.api<{ data: Execution[] }>('GET', `/executions?workflowId=${workflowId}&includeData=true&limit=250`);
		return data;
	}

	/** One execution with its data. */
	async execution(id: string): Promise<Execution> {
		return await this.api<Execution>('GET', `/executions/${id}?includeData=true`);
	}

	/** The editor's "Execute workflow" from `trigger`; answers the execution's id. */
	async runManually(workflowId: string, trigger: string): Promise<string> {
		const { data } = await this.rest<{ data: { executionId: string } }>('POST', `/rest/workflows/${workflowId}/run`, { triggerToStartFrom: { name: trigger } });
		return data.executionId;
	}

	/** Tests a stored credential the way the editor's "Test" button does; `data` overrides stored fields. */
	async testCredential(credential: { id: string; name: string; type: string }, data: Record<string, unknown>): Promise<{ status: string; message: string }> {
		const { data: result } = await this.rest<{ data: { status: string; message: string } }>('POST', '/rest/credentials/test', { credentials: { ...credential, data } });
		return result;
	}

	/** Calls a published workflow's webhook. */
	webhook(path: string, body: unknown, timeoutMs?: number): Promise<Response> {
		return this.request('POST', `/webhook/${path}`, body, {}, timeoutMs);
	}

	/** GET on the server, no authentication: static files such as icons. */
	get(path: string): Promise<Response> {
		return this.request('GET', path);
	}
}
