import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** One operation's whole definition: its routing and the fields it shows. */
export interface OperationModule {
	operation: INodePropertyOptions;
	fields: INodeProperties[];
}

export const showFor = (resource: string, operation: string) => ({
	resource: [resource],
	operation: [operation],
});

/** The Operation selector of a resource, followed by every operation's fields. */
export function resourceProperties(
	resource: string,
	operations: OperationModule[],
	defaultOperation: string,
): INodeProperties[] {
	const options = operations
		.map((module) => module.operation)
		.sort((a, b) => a.name.localeCompare(b.name));
	return [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource] } },
			options,
			default: defaultOperation,
		},
		...operations.flatMap((module) => module.fields),
	];
}
