import { DirectoryLoader, RoutingNode, type ExecuteContext } from 'n8n-core';
import {
	NodeConnectionTypes,
	NodeHelpers,
	type INodeType,
	type INodeTypes,
	type ITriggerFunctions,
	type ITriggerResponse,
	type IDataObject,
	type INodeTypeDescription,
} from 'n8n-workflow';
// The explicit .ts: beside each node sits its codex `<Node>.node.json`, which tsx (used by
// the benchmarks) would otherwise load for `<Node>.node`.
import { Leadsopedia } from '../../nodes/Leadsopedia/Leadsopedia.node.ts';

/** Emits the items a test puts in its parameter `items`: the workflow's input. */
class ManualTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Manual Trigger',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Starts a test workflow',
		defaults: { name: 'Start' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[{}]' }],
	};

	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		const items = JSON.parse(this.getNodeParameter('items', '[{}]') as string) as IDataObject[];
		const emit = () => this.emit([this.helpers.returnJsonArray(items)]);
		return { manualTriggerFunction: async () => emit() };
	}
}

const registry: Record<string, INodeType> = {
	'test.manualTrigger': new ManualTrigger(),
	'n8n-nodes-leadsopedia.leadsopedia': new Leadsopedia(),
};

/**
 * The node as the n8n server hands it to an execution: the loader adds the Request Options
 * (Batching, Ignore SSL Issues, Proxy, Timeout) to a declarative node, and node-types.js
 * runs it through RoutingNode inside an execute context, the one that carries the Stop
 * signal. The bare type takes n8n-core's test-only path, where the signal is undefined.
 */
function asTheServerLoadsIt(nodeType: INodeType): INodeType {
	// The loader pushes into the properties array, which every instance of the class shares.
	nodeType.description = { ...nodeType.description, properties: [...nodeType.description.properties] };
	DirectoryLoader.applyDeclarativeNodeOptionParameters(nodeType);
	// As n8n's node-types.js: `this` is the ExecuteContext WorkflowExecute runs `execute` in.
	nodeType.execute = async function (this: ExecuteContext) {
		return (await new RoutingNode(this, nodeType).runNode()) ?? [];
	};
	return nodeType;
}

const asTheServerHasIt: Record<string, INodeType> = {
	'n8n-nodes-leadsopedia.leadsopedia': asTheServerLoadsIt(new Leadsopedia()),
};

export function registerNodeType(name: string, nodeType: INodeType): void {
	registry[name] = nodeType;
}

function typesWith(overrides: Record<string, INodeType>): INodeTypes {
	const byName = (name: string) => overrides[name] ?? registry[name];
	return {
		getByName: byName,
		getByNameAndVersion: (name, version) => NodeHelpers.getVersionedNodeType(byName(name), version),
		getKnownTypes: () => ({}),
	};
}

export const nodeTypes = typesWith({});
/** The node types as the n8n server loads them (see asTheServerLoadsIt). */
export const serverNodeTypes = typesWith(asTheServerHasIt);
