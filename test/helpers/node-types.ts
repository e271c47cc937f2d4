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

export function registerNodeType(name: string, nodeType: INodeType): void {
	registry[name] = nodeType;
}

export const nodeTypes: INodeTypes = {
	getByName: (name) => registry[name],
	getByNameAndVersion: (name, version) => NodeHelpers.getVersionedNodeType(registry[name], version),
	getKnownTypes: () => ({}),
};
