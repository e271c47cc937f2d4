import { pagingFields } from '../../shared/descriptions';
import { endpoints } from '../../shared/endpoints';
import { defineOperation } from '../../shared/operation';
import { showFor, type OperationModule } from '../../shared/resource';

export const accountGetActivity: OperationModule = {
	operation: defineOperation({
		name: 'Get Activity',
		value: 'getActivity',
		action: 'Get activity',
		description: 'Get the account’s activity log',
		method: 'GET',
		request: () => ({ path: endpoints.accountActivity() }),
		collection: 'activities',
	}),
	fields: pagingFields(showFor('account', 'getActivity'), 'activities'),
};
