import type { IDataObject, INodeProperties } from 'n8n-workflow';
import type { ItemParams } from '../../shared/params';

/** What Simplify keeps of a contact's 13 fields: who the contact is and where. */
export const SIMPLIFIED_CONTACT_FIELDS = ['id', 'email', 'first_name', 'last_name', 'title', 'company', 'list_id'];

/**
 * Contacts as Get and Get Many return them: with the `list_id` they were read from, like
 * the trigger's, and only the Simplify fields when asked. Read once per input item.
 */
export function contactShape(params: ItemParams): (contact: IDataObject) => IDataObject {
	const listId = Number(params.id('listId', 'List'));
	const simplify = params.boolean('simplify');
	return (contact) => {
		const full: IDataObject = { ...contact, list_id: listId };
		if (!simplify) return full;
		return Object.fromEntries(SIMPLIFIED_CONTACT_FIELDS.filter((field) => field in full).map((field) => [field, full[field]]));
	};
}

export function simplifyField(show: Record<string, string[]>): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: false,
		description: `Whether to return only ${SIMPLIFIED_CONTACT_FIELDS.join(', ')} of each contact instead of all its fields`,
		displayOptions: { show },
	};
}
