import { endpoints } from '../../shared/endpoints';
import { asItems, defineOperation } from '../../shared/operation';
import type { OperationModule } from '../../shared/resource';

export const accountGetUsage: OperationModule = {
	operation: defineOperation({
		name: 'Get Usage',
		value: 'getUsage',
		action: 'Get usage',
		description: 'Get the account’s API usage as Leadsopedia reports it',
		method: 'GET',
		request: () => ({ path: endpoints.accountUsage() }),
		// Not specified by the API document: an object as it is, an array as items, anything else as { data }.
		output: asItems,
	}),
	fields: [],
};
