import type { IDataObject } from 'n8n-workflow';
import { listLocator } from '../../shared/descriptions';
import { endpoints } from '../../shared/endpoints';
import { defineOperation } from '../../shared/operation';
import { showFor, type OperationModule } from '../../shared/resource';
import { contactShape, simplifyField } from './output';
import { contactIdField, emailField, identifyByField } from './shared';

const show = showFor('contact', 'get');

export const contactGet: OperationModule = {
	operation: defineOperation({
		name: 'Get',
		value: 'get',
		action: 'Get contact',
		description: 'Get a contact of a list by ID or email',
		method: 'GET',
		request: (params) => {
			const path = endpoints.contactsInList(params.id('listId', 'List'));
			return params.value('identifyBy') === 'id'
				? { path, qs: { id: params.id('contactId', 'Contact ID') } }
				: { path, qs: { email: params.email('email') } };
		},
		output: (answer, params) => [{ json: contactShape(params)((answer.body ?? {}) as IDataObject) }],
	}),
	fields: [
		listLocator(show),
		identifyByField(show, 'Get'),
		contactIdField({ ...show, identifyBy: ['id'] }),
		emailField({ ...show, identifyBy: ['email'] }),
		simplifyField(show),
	],
};
