import { listLocator } from '../../shared/descriptions';
import { endpoints } from '../../shared/endpoints';
import { defineOperation } from '../../shared/operation';
import { showFor, type OperationModule } from '../../shared/resource';

export const listGet: OperationModule = {
	operation: defineOperation({
		name: 'Get',
		value: 'get',
		action: 'Get list',
		description: 'Get a lead list with its number of contacts',
		method: 'GET',
		request: (params) => ({ path: endpoints.list(params.id('listId', 'List')) }),
	}),
	fields: [listLocator(showFor('list', 'get'))],
};
