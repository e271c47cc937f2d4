import type { INodeProperties } from 'n8n-workflow';

type Show = Record<string, string[]>;

/** Contact fields a user can set, as n8n names them and as the API spells them. */
const contactFields: Array<{ displayName: string; name: string; apiName: string }> = [
	{ displayName: 'City', name: 'city', apiName: 'city' },
	{ displayName: 'Company', name: 'company', apiName: 'company' },
	{ displayName: 'Country', name: 'country', apiName: 'country' },
	{ displayName: 'First Name', name: 'firstName', apiName: 'first_name' },
	{ displayName: 'Last Name', name: 'lastName', apiName: 'last_name' },
	{ displayName: 'Phone', name: 'phone', apiName: 'phone' },
	{ displayName: 'Region', name: 'region', apiName: 'region' },
	{ displayName: 'State', name: 'state', apiName: 'state' },
	{ displayName: 'Title', name: 'title', apiName: 'title' },
];

/** "Additional Fields" / "Update Fields": each chosen field goes into the body under its API name. */
export function contactFieldsCollection(name: string, displayName: string, show: Show): INodeProperties {
	return {
		displayName,
		name,
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: contactFields.map((field) => ({
			displayName: field.displayName,
			name: field.name,
			type: 'string',
			default: '',
			routing: { send: { type: 'body', property: field.apiName } },
		})),
	};
}

export function identifyByField(show: Show, verb: string): INodeProperties {
	return {
		displayName: 'Identify Contact By',
		name: 'identifyBy',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Email', value: 'email', description: `${verb} the contact with this email address` },
			{ name: 'ID', value: 'id', description: `${verb} the contact with this Leadsopedia ID` },
		],
		default: 'email',
		displayOptions: { show },
	};
}

export function contactIdField(show: Show): INodeProperties {
	return {
		displayName: 'Contact ID',
		name: 'contactId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 1234',
		displayOptions: { show },
	};
}

export function emailField(show: Show, description?: string): INodeProperties {
	return {
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		description,
		displayOptions: { show },
	};
}
