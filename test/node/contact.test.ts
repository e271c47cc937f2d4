import { expectCall, listRef, useNock, type CallCase } from '../helpers/nock';

const jane = {
	id: 123,
	email: 'jane+leads@acme.com',
	first_name: 'Jane',
	last_name: 'Doe',
	title: 'CTO',
	company: 'Acme',
	phone: '+1 555 0100',
	city: 'Austin',
	state: 'TX',
	region: 'South',
	country: 'US',
	date_added: '2024-05-01T09:30:00Z',
};
const { id: _id, date_added: _added, ...janeFields } = jane;
const list7 = listRef('7');
/** What Simplify keeps of a contact. */
const simple = (contact: typeof jane) => ({ id: contact.id, email: contact.email, first_name: contact.first_name, last_name: contact.last_name, title: contact.title, company: contact.company, list_id: 7 });

const cases: CallCase[] = [
	{
		title: 'Get Many in a list: one item per contact, with its list_id as the trigger gives it',
		parameters: { resource: 'contact', operation: 'getAll', listId: list7 },
		method: 'GET',
		path: '/contacts',
		query: { list_id: 7, page: 1, limit: 50 },
		reply: { contacts: [jane, { ...jane, id: 124, email: 'joe@acme.com' }], total: 2, page: 1, limit: 50, pagesCount: 1 },
		output: [
			{ ...jane, list_id: 7 },
			{ ...jane, id: 124, email: 'joe@acme.com', list_id: 7 },
		],
	},
	{
		title: 'Get Many, simplified',
		parameters: { resource: 'contact', operation: 'getAll', listId: list7, simplify: true },
		method: 'GET',
		path: '/contacts',
		query: { list_id: 7, page: 1, limit: 50 },
		reply: { contacts: [jane, { ...jane, id: 124, email: 'joe@acme.com' }], total: 2, page: 1, limit: 50, pagesCount: 1 },
		output: [simple(jane), simple({ ...jane, id: 124, email: 'joe@acme.com' })],
	},
	{
		title: 'Get by ID, simplified',
		parameters: { resource: 'contact', operation: 'get', listId: list7, identifyBy: 'id', contactId: '123', simplify: true },
		method: 'GET',
		path: '/contacts/7',
		query: { id: 123 },
		reply: jane,
		output: [simple(jane)],
	},
	{
		title: 'Get by ID',
		parameters: { resource: 'contact', operation: 'get', listId: list7, identifyBy: 'id', contactId: '123' },
		method: 'GET',
		path: '/contacts/7',
		query: { id: 123 },
		reply: jane,
		output: [{ ...jane, list_id: 7 }],
	},
	{
		title: 'Get by email: a "+" in the address arrives as "+", not as a space',
		parameters: { resource: 'contact', operation: 'get', listId: list7, identifyBy: 'email', email: ' jane+leads@acme.com ' },
		method: 'GET',
		path: '/contacts/7',
		query: { email: 'jane+leads@acme.com' },
		reply: jane,
		output: [{ ...jane, list_id: 7 }],
	},
	{
		title: 'Create or Update: list id and email, each chosen field under its API name (201 created)',
		parameters: {
			resource: 'contact',
			operation: 'upsert',
			listId: list7,
			email: 'jane+leads@acme.com',
			additionalFields: { firstName: 'Jane', lastName: 'Doe', title: 'CTO', company: 'Acme', phone: '+1 555 0100', city: 'Austin', state: 'TX', region: 'South', country: 'US' },
		},
		method: 'POST',
		path: '/contacts',
		body: { list_id: 7, ...janeFields },
		status: 201,
		reply: jane,
		output: [jane],
	},
	{
		title: 'Create or Update with only the email (200 updated)',
		parameters: { resource: 'contact', operation: 'upsert', listId: list7, email: 'jane+leads@acme.com' },
		method: 'POST',
		path: '/contacts',
		body: { list_id: 7, email: 'jane+leads@acme.com' },
		reply: jane,
		output: [jane],
	},
	{
		title: 'Update by ID: only the chosen fields',
		parameters: { resource: 'contact', operation: 'update', contactId: '123', updateFields: { title: 'CEO', phone: '+1 555 0199' } },
		method: 'POST',
		path: '/contacts/123',
		body: { title: 'CEO', phone: '+1 555 0199' },
		reply: { ...jane, title: 'CEO', phone: '+1 555 0199' },
		output: [{ ...jane, title: 'CEO', phone: '+1 555 0199' }],
	},
	{
		title: 'Delete by ID',
		parameters: { resource: 'contact', operation: 'delete', identifyBy: 'id', listId: list7, contactId: '123' },
		method: 'DELETE',
		path: '/contacts/7',
		query: { id: 123 },
		reply: '',
		output: [{ deleted: true, listId: 7, id: 123 }],
	},
	{
		title: 'Delete by email in one list',
		parameters: { resource: 'contact', operation: 'delete', identifyBy: 'email', email: 'jane+leads@acme.com', listId: list7 },
		method: 'DELETE',
		path: '/contacts',
		query: { email: 'jane+leads@acme.com', list_id: 7 },
		reply: { success: true },
		output: [{ deleted: true, listId: 7, email: 'jane+leads@acme.com' }],
	},
	{
		title: 'Delete by email from every list',
		parameters: { resource: 'contact', operation: 'delete', identifyBy: 'email', email: 'jane+leads@acme.com', fromEveryList: true },
		method: 'DELETE',
		path: '/contacts',
		query: { email: 'jane+leads@acme.com' },
		reply: '',
		output: [{ deleted: true, email: 'jane+leads@acme.com' }],
	},
];

describe('Contact', () => {
	useNock();
	it.each(cases)('$title', expectCall);
});
