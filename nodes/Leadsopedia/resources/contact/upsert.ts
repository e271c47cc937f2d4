import { listLocator } from '../../shared/descriptions';
import { endpoints } from '../../shared/endpoints';
import { defineOperation } from '../../shared/operation';
import { showFor, type OperationModule } from '../../shared/resource';
import { contactFieldsCollection, EMPTY_VALUE, emailField } from './shared';

const show = showFor('contact', 'upsert');

export const contactUpsert: OperationModule = {
	operation: defineOperation({
		name: 'Create or Update',
		value: 'upsert',
		action: 'Create or update contact',
		description: 'Create a new contact, or update the current one if it already exists (upsert)',
		method: 'POST',
		upsert: true,
		omitBlankFields: true,
		request: (params) => ({
			path: endpoints.contacts(),
			body: { list_id: Number(params.id('listId', 'List')), email: params.email('email') },
		}),
	}),
	fields: [
		listLocator(show),
		emailField(show, 'A contact with this email in the list is updated; otherwise a new one is added'),
		contactFieldsCollection('additionalFields', 'Additional Fields', show, EMPTY_VALUE.notSent),
	],
};
