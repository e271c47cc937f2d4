import { listLocator } from '../../shared/descriptions';
import { endpoints } from '../../shared/endpoints';
import { asDeleted, defineOperation } from '../../shared/operation';
import { showFor, type OperationModule } from '../../shared/resource';

export const listDelete: OperationModule = {
	operation: defineOperation({
		name: 'Delete',
		value: 'delete',
		action: 'Delete list',
		description: 'Delete a lead list and its contacts',
		method: 'DELETE',
		request: (params) => ({ path: endpoints.list(params.id('listId', 'List')) }),
		output: asDeleted((params) => ({ id: Number(params.id('listId', 'List')) })),
	}),
	fields: [listLocator(showFor('list', 'delete'))],
};
