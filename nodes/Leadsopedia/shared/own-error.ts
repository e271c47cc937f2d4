import type { INodeExecutionData, NodeApiError, NodeOperationError } from 'n8n-workflow';

/**
 * An item's result that raises the node's own error when n8n collects it.
 *
 * RoutingNode (n8n-core, 1.123 and 2.40 alike) turns every rejected request of a
 * declarative node into an API error ("From Leadsopedia – Error code: none"), even a bad
 * input item for which no call was made. What it does not wrap is what happens after the
 * requests settle, when it spreads each item's result into the output: an error raised
 * there reaches the user as it is, with its item index. Every other way of reading this
 * result raises the same error, so it can never pass for an empty one; only the promise
 * machinery's `then` lookup sees nothing.
 */
export function raisedWhenCollected(error: NodeApiError | NodeOperationError): INodeExecutionData[] {
	return new Proxy([] as INodeExecutionData[], {
		get(_target, property) {
			if (property === 'then') return undefined;
			throw error;
		},
	});
}
