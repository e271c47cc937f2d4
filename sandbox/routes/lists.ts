import { badRequest } from '../http';
import { paginateItems, type Route, type RouteContext } from '../router';
import { PAGING, parseId } from '../validate';
import { ownList } from './access';

/** CONTRACT.md "Lists": /mylists. */

function parseName(raw: unknown): string {
	if (typeof raw !== 'string' || raw.trim() === '' || raw.length > 255) {
		throw badRequest('name must be a non-empty string of at most 255 characters');
	}
	return raw;
}

const listLocation = (ctx: RouteContext, id: number) => `${ctx.baseUrl}/mylists/${id}`;

export const listRoutes: Route[] = [
	{
		method: 'GET',
		path: '/mylists',
		query: PAGING,
		handler: (ctx) => paginateItems(ctx, 'lists', ctx.db.listsOf(ctx.account.name).map((list) => ctx.db.listView(list))),
	},
	{
		method: 'GET',
		path: '/mylists/:list_id',
		handler: (ctx) => ({ status: 200, body: ctx.db.listView(ownList(ctx, parseId(ctx.params.list_id, 'list_id'))) }),
	},
	{
		// "adds lists or updates if they already exist": the same name answers 200 with the existing list.
		method: 'POST',
		path: '/mylists',
		handler: (ctx) => {
			const name = parseName(ctx.body(['name']).name);
			const existing = ctx.db.listsOf(ctx.account.name).find((list) => list.name === name);
			if (existing) return { status: 200, body: ctx.db.listView(existing) };
			const list = ctx.db.createList(ctx.account.name, name);
			ctx.db.recordActivity(ctx.account.name, 'list_created', `Created list "${name}"`);
			return { status: 201, body: ctx.db.listView(list), headers: { Location: listLocation(ctx, list.id) } };
		},
	},
	{
		// The document: "ID is required and needs to be passed into the request body".
		method: 'POST',
		path: '/mylists/:list_id',
		handler: (ctx) => {
			const id = parseId(ctx.params.list_id, 'list_id');
			const body = ctx.body(['id', 'name']);
			if (body.id === undefined) throw badRequest('id is required in the body');
			if (parseId(body.id, 'id') !== id) throw badRequest(`id in the body (${body.id}) is not the list id of the path (${id})`);
			const name = parseName(body.name);
			const list = ownList(ctx, id);
			if (ctx.db.listsOf(ctx.account.name).some((other) => other.name === name && other.id !== id)) {
				throw badRequest(`Another list is already named "${name}"`);
			}
			list.name = name;
			ctx.db.recordActivity(ctx.account.name, 'list_updated', `Renamed list ${id} to "${name}"`);
			return { status: 200, body: ctx.db.listView(list) };
		},
	},
	{
		method: 'DELETE',
		path: '/mylists/:list_id',
		handler: (ctx) => {
			const list = ownList(ctx, parseId(ctx.params.list_id, 'list_id'));
			ctx.db.lists.delete(list.id);
			ctx.db.recordActivity(ctx.account.name, 'list_deleted', `Deleted list "${list.name}"`);
			return { status: 200, body: { id: list.id, deleted: true } };
		},
	},
];
