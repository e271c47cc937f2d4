import { SupplyDataContext } from 'n8n-core';
import { createRunExecutionData, NodeConnectionTypes, Workflow, type IDataObject, type IExecuteData, type INode } from 'n8n-workflow';
import { additionalData, leadsopediaCredentials, nodeWithCredential } from '../helpers/engine';
import { serverNodeTypes } from '../helpers/node-types';
import { api, BASE_URL, listRef, requestLines, useNock, v1 } from '../helpers/nock';

/**
 * The node as an AI agent's tool, called the way n8n-core 2.40 calls a tool node
 * (`makeHandleToolInvocation` in get-input-connection-data.js): each call runs the node in
 * a SupplyDataContext that carries the agent's execute data and the call's arguments as its
 * `ai_tool` input. A run of items is one call's (issue 19, point 2): a failed tool call must
 * not end the agent's later calls, which share its execute data.
 */

const tool: INode = nodeWithCredential('tool', 'Leadsopedia', 'n8n-nodes-leadsopedia.leadsopedia', {
	resource: 'contact',
	operation: 'get',
	listId: listRef('7'),
	identifyBy: 'email',
	email: 'ada@example.com',
});
const agent: INode = { id: 'agent', name: 'Agent', type: 'test.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };
const workflow = new Workflow({ id: 'agent-workflow', nodes: [agent, tool], connections: {}, active: false, nodeTypes: serverNodeTypes });
const agentExecuteData: IExecuteData = { node: agent, data: { main: [[{ json: { chatInput: 'find Ada' } }]] }, source: null };
const runExecutionData = createRunExecutionData();

async function callAsTool(runIndex: number, args: IDataObject): Promise<unknown> {
	const context = new SupplyDataContext(
		workflow,
		tool,
		additionalData(leadsopediaCredentials(BASE_URL)),
		'manual',
		runExecutionData,
		runIndex,
		[],
		{},
		NodeConnectionTypes.AiTool,
		agentExecuteData,
		[],
	);
	context.addInputData(NodeConnectionTypes.AiTool, [[{ json: args }]]);
	const nodeType = serverNodeTypes.getByNameAndVersion(tool.type, 1);
	return await nodeType.execute?.call(context as never);
}

describe('Tool calls of one agent execution', () => {
	useNock();

	it('a call that fails (404) does not fail the next call, which shares the agent’s execute data', async () => {
		api().get(v1('/contacts/7')).query({ email: 'ada@example.com' }).reply(404, { message: 'No contact ada@example.com' });
		api().get(v1('/contacts/7')).query({ email: 'ada@example.com' }).reply(200, { id: 5, email: 'ada@example.com' });

		await expect(callAsTool(0, { query: 'first try' })).rejects.toThrow(/^Not found/);
		const second = await callAsTool(1, { query: 'second try' });

		expect(second).toEqual([[{ json: { id: 5, email: 'ada@example.com', list_id: 7 }, pairedItem: { item: 0 } }]]);
		expect(requestLines()).toHaveLength(2);
	});
});
