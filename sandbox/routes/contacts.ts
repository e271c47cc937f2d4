import { badRequest, notFound } from '../http';
import { paginate, type Route, type RouteContext } from '../router';
import { CONTACT_FIELDS, type ContactFields } from '../types';
import { PAGING, parseContactFields, parseEmail, parseId } from '../validate';
import { owned, ownList } from './access';

/**
 * CONTRACT.md "Contacts", with its choices: get/delete one contact by `/contacts/{list_id}?id=|email=`.
 * The document's other forms answer 404, so a client that sends them fails its tests.
 */

const contactLocation = (ctx: RouteContext, listId: number, id: number) => `${ctx.baseUrl}/contacts/${listId}?id=${id}`;

export const contactRoutes: Route[] = [
	{
		method: 'GET',
		path: '/contacts',
		query: ['list_id', 'email', 'id', ...PAGING],
		handler: (ctx) => {
			if (ctx.query.has('email') || ctx.query.has('id')) {
				throw notFound('GET /contacts?list_id=..&email=|id=.. is not an endpoint: use GET /contacts/{list_id}?email=|id=..');
			}
			if (!ctx.query.has('list_id')) throw badRequest('list_id is required');
			const list = ownList(ctx, parseId(ctx.query.get('list_id'), 'list_id'));
			return paginate(ctx, 'contacts', list.contacts.size, (offset, count) =>
				ctx.variations ? ctx.variations.contactPage(list.contacts.all(), offset, count) : list.contacts.page(offset, count, ctx.settings.order),
			);
		},
	},
	{
		method: 'GET',
		path: '/contacts/:list_id',
		query: ['email', 'id'],
		handler: (ctx) => {
			const list = ownList(ctx, parseId(ctx.params.list_id, 'list_id'));
			const email = ctx.query.get('email');
			const id = ctx.query.get('id');
			if ((email === null) === (id === null)) throw badRequest('Give exactly one of the query parameters email and id');
			const contact = email !== null ? list.contacts.findByEmail(parseEmail(email)) : list.contacts.findById(parseId(id, 'id'));
			if (!contact) throw notFound(`No contact with ${email !== null ? `email ${email}` : `id ${id}`} in list ${list.id}`);
			return { status: 200, body: contact };
		},
	},
	{
		// Add, or update by email: an email already in that list is updated (200), else created (201 + Location).
		method: 'POST',
		path: '/contacts',
		handler: (ctx) => {
			const body = ctx.body(['list_id', ...CONTACT_FIELDS]);
			if (body.list_id === undefined) throw badRequest('list_id is required');
			if (body.email === undefined) throw badRequest('email is required');
			const list = ownList(ctx, parseId(body.list_id, 'list_id'));
			const fields = parseContactFields(body) as Partial<ContactFields> & { email: string };
			const existing = list.contacts.findByEmail(fields.email);
			if (existing) {
				ctx.db.recordActivity(ctx.account.name, 'contact_updated', `Updated ${fields.email} in list ${list.id}`);
				return { status: 200, body: ctx.db.updateContact(list, existing, fields) };
			}
			const contact = ctx.db.addContact(list, fields);
			ctx.db.recordActivity(ctx.account.name, 'contact_added', `Added ${fields.email} to list ${list.id}`);
			return { status: 201, body: contact, headers: { Location: contactLocation(ctx, list.id, contact.id) } };
		},
	},
	{
		method: 'POST',
		path: '/contacts/:contact_id',
		handler: (ctx) => {
			const id = parseId(ctx.params.contact_id, 'contact_id');
			const body = ctx.body(['id', ...CONTACT_FIELDS]);
			if (body.id !== undefined && parseId(body.id, 'id') !== id) throw badRequest(`id in the body (${body.id}) is not the contact id of the path (${id})`);
			const fields = parseContactFields(body);
			if (Object.keys(fields).length === 0) throw badRequest('The body has no contact field to update');
			const { list, contact } = owned(ctx, ctx.db.findContact(id), 'contact', id);
			const clash = fields.email === undefined ? undefined : list.contacts.findByEmail(fields.email);
			if (clash && clash.id !== id) throw badRequest(`Another contact of list ${list.id} has email ${fields.email}`);
			ctx.db.recordActivity(ctx.account.name, 'contact_updated', `Updated contact ${id}`);
			return { status: 200, body: ctx.db.updateContact(list, contact, fields) };
		},
	},
	{
		method: 'DELETE',
		path: '/contacts/:list_id',
		query: ['id'],
		handler: (ctx) => {
			if (!ctx.query.has('id')) {
				throw notFound('DELETE /contacts/{contact_id} is not an endpoint: use DELETE /contacts/{list_id}?id={contact_id}');
			}
			const list = ownList(ctx, parseId(ctx.params.list_id, 'list_id'));
			const id = parseId(ctx.query.get('id'), 'id');
			if (!list.contacts.remove(id)) throw notFound(`No contact with id ${id} in list ${list.id}`);
			ctx.db.recordActivity(ctx.account.name, 'contact_deleted', `Deleted contact ${id} from list ${list.id}`);
			return { status: 200, body: { id, deleted: true } };
		},
	},
	{
		// Removes the email from every list of the account, or from one with `list_id`.
		method: 'DELETE',
		path: '/contacts',
		query: ['email', 'list_id'],
		handler: (ctx) => {
			if (!ctx.query.has('email')) throw badRequest('email is required');
			const email = parseEmail(ctx.query.get('email'));
			const listId = ctx.query.get('list_id');
			const lists = listId === null ? ctx.db.listsOf(ctx.account.name) : [ownList(ctx, parseId(listId, 'list_id'))];
			let deleted = 0;
			for (const list of lists) {
				const contact = list.contacts.findByEmail(email);
				if (contact && list.contacts.remove(contact.id)) deleted++;
			}
			if (deleted === 0) throw notFound(`No contact with email ${email}`);
			ctx.db.recordActivity(ctx.account.name, 'contact_deleted', `Deleted ${email} from ${deleted} list(s)`);
			return { status: 200, body: { email, deleted } };
		},
	},
];
