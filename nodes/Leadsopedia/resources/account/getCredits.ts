import { endpoints } from '../../shared/endpoints';
import { defineOperation } from '../../shared/operation';
import type { OperationModule } from '../../shared/resource';

export const accountGetCredits: OperationModule = {
	operation: defineOperation({
		name: 'Get Credits',
		value: 'getCredits',
		action: 'Get credits',
		description: 'Get total, used and remaining credits',
		method: 'GET',
		request: () => ({ path: endpoints.accountCredits() }),
	}),
	fields: [],
};
