import { endpoints } from '../../shared/endpoints';
import { defineOperation } from '../../shared/operation';
import { showFor, type OperationModule } from '../../shared/resource';
import { contactFieldsCollection, EMPTY_VALUE, contactIdField } from './shared';

const show = showFor('contact', 'update');

export const contactUpdate: OperationModule = {
	operation: defineOperation({
		name: 'Update',
		value: 'update',
		action: 'Update contact',
		description: 'Change fields of a contact by ID',
		method: 'POST',
		request: (params) => {
			params.fields('updateFields', 'Update Fields', true);
			// The chosen fields themselves are sent by their routing.
			return { path: endpoints.contact(params.id('contactId', 'Contact ID')) };
		},
	}),
	fields: [contactIdField(show), contactFieldsCollection('updateFields', 'Update Fields', show, EMPTY_VALUE.clears)],
};
