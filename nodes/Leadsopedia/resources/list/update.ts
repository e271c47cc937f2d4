import { listLocator } from '../../shared/descriptions';
import { endpoints } from '../../shared/endpoints';
import { defineOperation } from '../../shared/operation';
import { showFor, type OperationModule } from '../../shared/resource';

const show = showFor('list', 'update');

export const listUpdate: OperationModule = {
	operation: defineOperation({
		name: 'Update',
		value: 'update',
		action: 'Update list',
		description: 'Rename a lead list',
		method: 'POST',
		request: (params) => {
			const listId = params.id('listId', 'List');
			// The API wants the id in the body as well as in the path.
			return { path: endpoints.list(listId), body: { id: Number(listId), name: params.text('name', 'New Name') } };
		},
	}),
	fields: [
		listLocator(show),
		{
			displayName: 'New Name',
			name: 'name',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. Trade show leads 2025',
			description: 'The list’s new name',
			displayOptions: { show },
		},
	],
};
