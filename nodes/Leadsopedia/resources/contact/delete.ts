import { listLocator } from '../../shared/descriptions';
import { endpoints } from '../../shared/endpoints';
import { asDeleted, defineOperation } from '../../shared/operation';
import type { ItemParams } from '../../shared/params';
import { showFor, type OperationModule } from '../../shared/resource';
import { contactIdField, emailField, identifyByField } from './shared';

const show = showFor('contact', 'delete');

const fromEveryList = (params: ItemParams) => params.value('identifyBy') === 'email' && params.boolean('fromEveryList');

/** What is deleted, as the request names it and as the output reports it. */
function target(params: ItemParams) {
	if (params.value('identifyBy') === 'id') {
		return { listId: params.id('listId', 'List'), id: params.id('contactId', 'Contact ID') };
	}
	const email = params.email('email');
	return fromEveryList(params) ? { email } : { listId: params.id('listId', 'List'), email };
}

export const contactDelete: OperationModule = {
	operation: defineOperation({
		name: 'Delete',
		value: 'delete',
		action: 'Delete contact',
		description: 'Remove a contact from a list, by ID or email',
		method: 'DELETE',
		request: (params) => {
			const { listId, id, email } = target(params);
			return id
				? { path: endpoints.contactsInList(listId as string), qs: { id } }
				: { path: endpoints.contacts(), qs: listId ? { email, list_id: listId } : { email } };
		},
		// Ids as numbers, as the API writes them everywhere else.
		output: asDeleted((params) => {
			const { listId, id, email } = target(params);
			return { ...(listId ? { listId: Number(listId) } : {}), ...(id ? { id: Number(id) } : { email }) };
		}),
	}),
	fields: [
		identifyByField(show, 'Delete'),
		contactIdField({ ...show, identifyBy: ['id'] }),
		emailField({ ...show, identifyBy: ['email'] }),
		{
			displayName: 'From Every List',
			name: 'fromEveryList',
			type: 'boolean',
			default: false,
			description: 'Whether to remove this email from every list of the account instead of one list',
			displayOptions: { show: { ...show, identifyBy: ['email'] } },
		},
		{ ...listLocator(show), displayOptions: { show, hide: { fromEveryList: [true] } } },
	],
};
