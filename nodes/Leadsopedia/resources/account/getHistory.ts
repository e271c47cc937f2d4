import { pagingFields } from '../../shared/descriptions';
import { endpoints } from '../../shared/endpoints';
import { defineOperation } from '../../shared/operation';
import { showFor, type OperationModule } from '../../shared/resource';

export const accountGetHistory: OperationModule = {
	operation: defineOperation({
		name: 'Get Search History',
		value: 'getHistory',
		action: 'Get search history',
		description: 'Get past lead searches with their type and lead count',
		method: 'GET',
		request: () => ({ path: endpoints.accountHistory() }),
		collection: 'history',
	}),
	fields: pagingFields(showFor('account', 'getHistory'), 'history entries'),
};
