import { createNodeAsTool } from 'n8n-core/dist/execution-engine/node-execution-context/utils/create-node-as-tool';
import type { INode, INodeType } from 'n8n-workflow';
import { MCP_TOKEN_CREDENTIAL, MCP_TRIGGER_TYPE, readExamples } from '../../e2e/workflows';

const example = readExamples().get('ai-tools-mcp');
const nodes = (example?.nodes ?? []) as unknown as INode[];
const listIdTools = nodes.filter((node) => JSON.stringify(node.parameters).includes("$fromAI('listId'"));

/**
 * Each tool of examples/ai-tools-mcp.json as n8n builds it (n8n-core's createNodeAsTool: the
 * schema from the node's `$fromAI` calls, checked before the node runs), invoked with the
 * arguments an agent sends over MCP.
 */
function toolOf(node: INode) {
	const received: Array<Record<string, unknown>> = [];
	const { response } = createNodeAsTool({
		node,
		nodeType: { description: { name: node.type } } as unknown as INodeType,
		handleToolInvocation: async (args: Record<string, unknown>) => {
			received.push(args);
			return 'ok';
		},
	} as unknown as Parameters<typeof createNodeAsTool>[0]);
	return { tool: response, received };
}

describe('examples/ai-tools-mcp.json', () => {
	it('asks MCP clients for a Bearer token from a credential to fill in', () => {
		const trigger = nodes.find((node) => node.type === MCP_TRIGGER_TYPE);
		expect(trigger?.parameters.authentication).toBe('bearerAuth');
		expect(trigger?.credentials).toEqual({ httpBearerAuth: { id: MCP_TOKEN_CREDENTIAL.id, name: MCP_TOKEN_CREDENTIAL.name } });
	});

	it('has three tools that take a list id', () => {
		expect(listIdTools.map((node) => node.name).sort()).toEqual(['create_or_update_contact', 'get_contact_by_email', 'search_contacts']);
	});

	it.each(listIdTools.map((node) => [node.name, node] as const))('%s takes the list id as a string of digits, as answers give it', async (_, node) => {
		const { tool, received } = toolOf(node);
		await expect(tool.invoke({ listId: '12', email: 'jane@acme.com' })).resolves.toBe('ok');
		expect(received[0].listId).toBe('12');
		// n8n types a tool argument with one type: a number is refused before the node runs.
		await expect(tool.invoke({ listId: 12, email: 'jane@acme.com' })).rejects.toThrow(/Expected string, received number/);
		expect(received).toHaveLength(1);
	});
});
