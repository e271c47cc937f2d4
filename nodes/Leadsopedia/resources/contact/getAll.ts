import { listLocator, pagingFields } from '../../shared/descriptions';
import { endpoints } from '../../shared/endpoints';
import { defineOperation } from '../../shared/operation';
import { showFor, type OperationModule } from '../../shared/resource';
import { contactShape, simplifyField } from './output';

const show = showFor('contact', 'getAll');

export const contactGetAll: OperationModule = {
	operation: defineOperation({
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many contacts',
		description: 'Retrieve a list of the contacts in a lead list',
		method: 'GET',
		request: (params) => ({ path: endpoints.contacts(), qs: { list_id: params.id('listId', 'List') } }),
		collection: 'contacts',
		element: contactShape,
	}),
	fields: [listLocator(show), simplifyField(show), ...pagingFields(show, 'contacts')],
};
