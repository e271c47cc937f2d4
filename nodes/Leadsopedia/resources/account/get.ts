import { endpoints } from '../../shared/endpoints';
import { defineOperation } from '../../shared/operation';
import type { OperationModule } from '../../shared/resource';

export const accountGet: OperationModule = {
	operation: defineOperation({
		name: 'Get',
		value: 'get',
		action: 'Get account',
		description: 'Get the account’s name, company, contact details and status',
		method: 'GET',
		request: () => ({ path: endpoints.account() }),
	}),
	fields: [],
};
