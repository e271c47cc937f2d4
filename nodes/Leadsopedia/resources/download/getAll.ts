import { pagingFields } from '../../shared/descriptions';
import { endpoints } from '../../shared/endpoints';
import { defineOperation } from '../../shared/operation';
import { showFor, type OperationModule } from '../../shared/resource';

export const downloadGetAll: OperationModule = {
	operation: defineOperation({
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many downloads',
		description: 'Retrieve a list of the account’s export files',
		method: 'GET',
		request: () => ({ path: endpoints.downloads() }),
		collection: 'downloads',
	}),
	fields: pagingFields(showFor('download', 'getAll'), 'downloads'),
};
