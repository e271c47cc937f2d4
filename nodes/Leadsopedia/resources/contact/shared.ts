import type { INodeProperties } from 'n8n-workflow';

type Show = Record<string, string[]>;

interface ContactField {
	displayName: string;
	name: string;
	apiName: string;
	description: string;
	placeholder: string;
}

/** Contact fields a user can set, as n8n names them and as the API spells them. */
const contactFields: ContactField[] = [
	{ displayName: 'City', name: 'city', apiName: 'city', description: 'The city the contact works in', placeholder: 'e.g. Chicago' },
	{ displayName: 'Company', name: 'company', apiName: 'company', description: 'The company the contact works for', placeholder: 'e.g. Acme Inc.' },
	{ displayName: 'Country', name: 'country', apiName: 'country', description: 'Sent as typed: keep one form, ideally the two-letter ISO code', placeholder: 'e.g. US' },
	{ displayName: 'First Name', name: 'firstName', apiName: 'first_name', description: 'The contact’s first name', placeholder: 'e.g. Nathan' },
	{ displayName: 'Last Name', name: 'lastName', apiName: 'last_name', description: 'The contact’s last name', placeholder: 'e.g. Smith' },
	{ displayName: 'Phone', name: 'phone', apiName: 'phone', description: 'A phone number, ideally with its country code', placeholder: 'e.g. +1 312 555 0100' },
	{ displayName: 'Region', name: 'region', apiName: 'region', description: 'A wider area, not the state: e.g. a sales territory', placeholder: 'e.g. Midwest' },
	{ displayName: 'State', name: 'state', apiName: 'state', description: 'The state or province within the country', placeholder: 'e.g. Illinois' },
	{ displayName: 'Title', name: 'title', apiName: 'title', description: 'The contact’s job title', placeholder: 'e.g. Head of Sales' },
];

/**
 * The API document types every contact field but country (an int) as a string, and the API
 * refuses a number there: a mapped number (a phone from a spreadsheet column) goes as its text.
 */
const NUMBER_AS_TEXT = '={{ typeof $value === "number" ? String($value) : $value }}';

/** What an empty value does, said on every field of a collection. */
export const EMPTY_VALUE = {
	/** Create or Update leaves it out (operation `omitBlankFields`): a mapped empty column must not erase stored data. */
	notSent: 'Left empty (or null from an expression), it is not sent and the stored value stays; to clear it, use Contact → Update.',
	clears: 'An empty value clears the stored one.',
};

/** A field's description followed by a sentence of its collection's. */
const withSentence = (description: string, sentence: string) => `${description}. ${sentence}`;

/**
 * "Additional Fields" / "Update Fields": each chosen field goes into the body under its API
 * name; `emptyValue` says what an empty one does.
 */
export function contactFieldsCollection(name: string, displayName: string, show: Show, emptyValue: string): INodeProperties {
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
			description: withSentence(field.description, emptyValue),
			placeholder: field.placeholder,
			routing: { send: { type: 'body', property: field.apiName, ...(field.apiName === 'country' ? {} : { value: NUMBER_AS_TEXT }) } },
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
		description: 'The contact’s Leadsopedia ID, as Contact → Get Many returns it',
		displayOptions: { show },
	};
}

export function emailField(show: Show, description = 'The contact’s email address'): INodeProperties {
	return {
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'e.g. nathan@example.com',
		required: true,
		default: '',
		description,
		displayOptions: { show },
	};
}
