import { endpoints } from '../../shared/endpoints';
import { defineOperation } from '../../shared/operation';
import { showFor, type OperationModule } from '../../shared/resource';

export const listCreate: OperationModule = {
	operation: defineOperation({
		name: 'Create',
		value: 'create',
		action: 'Create list',
		description: 'Create a lead list, or get the existing list of that name',
		method: 'POST',
		upsert: true,
		request: (params) => ({ path: endpoints.lists(), body: { name: params.text('name', 'Name') } }),
	}),
	fields: [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. Trade show leads',
			description: 'If a list of this name exists, Leadsopedia returns it instead of creating a second one',
			displayOptions: { show: showFor('list', 'create') },
		},
	],
};
