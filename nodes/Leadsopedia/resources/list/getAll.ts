import { pagingFields } from '../../shared/descriptions';
import { endpoints } from '../../shared/endpoints';
import { defineOperation } from '../../shared/operation';
import { showFor, type OperationModule } from '../../shared/resource';

export const listGetAll: OperationModule = {
	operation: defineOperation({
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many lists',
		description: 'Retrieve a list of the account’s lead lists',
		method: 'GET',
		request: () => ({ path: endpoints.lists() }),
		collection: 'lists',
	}),
	fields: pagingFields(showFor('list', 'getAll'), 'lists'),
};
