/**
 * A real MCP client (the SDK any MCP-capable agent uses) on a published MCP Server
 * Trigger, over Streamable HTTP. Loopback only.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { waitFor } from './processes';

export interface ToolAnswer {
	/** The text the model reads. */
	text: string;
	/** Whether MCP marked the answer as a tool error. */
	isError: boolean;
}

/** n8n serves an MCP Server Trigger's production endpoint under /mcp/<path>. */
export const mcpUrl = (n8nBaseUrl: string, path: string) => `${n8nBaseUrl}/mcp/${path}`;

/** One JSON-RPC message POSTed as an MCP client sends it, with a Bearer token when given. */
export function mcpPost(url: string, message: Record<string, unknown>, token?: string, headers: Record<string, string> = {}): Promise<Response> {
	return fetch(url, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			accept: 'application/json, text/event-stream',
			...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
			...headers,
		},
		body: JSON.stringify(message),
	});
}

export class McpSession {
	private constructor(
		private readonly client: Client,
		private readonly transport: StreamableHTTPClientTransport,
	) {}

	/** The session id n8n gave this client. */
	get sessionId(): string | undefined {
		return this.transport.sessionId;
	}

	/**
	 * Connects once the endpoint is registered: publishing answers before n8n has added the
	 * trigger's webhooks, and until then the endpoint answers 404. `token` is sent as
	 * `Authorization: Bearer <token>`, as the example's trigger requires.
	 */
	static async open(url: string, token: string | undefined): Promise<McpSession> {
		await waitFor(`the MCP endpoint ${url} to be registered`, 30_000, async () => {
			const response = await mcpPost(url, { jsonrpc: '2.0', id: 0, method: 'ping' }, token);
			await response.body?.cancel();
			return response.status === 404 ? undefined : true;
		});
		const client = new Client({ name: 'leadsopedia-e2e', version: '1.0.0' });
		const headers: Record<string, string> = token === undefined ? {} : { authorization: `Bearer ${token}` };
		const transport = new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } });
		await client.connect(transport);
		return new McpSession(client, transport);
	}

	async tools() {
		return (await this.client.listTools()).tools;
	}

	async call(name: string, args: Record<string, unknown>): Promise<ToolAnswer> {
		const result = await this.client.callTool({ name, arguments: args });
		const content = (result.content ?? []) as Array<{ type: string; text?: string }>;
		return { text: content.map((part) => part.text ?? '').join('\n'), isError: result.isError === true };
	}

	async close(): Promise<void> {
		await this.client.close();
	}
}
