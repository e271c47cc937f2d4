import type { AccountName } from '../types';
import { forbidden, notFound } from '../http';
import type { RouteContext } from '../router';

/** 404 for an id nobody has, 403 for one that another account owns (CONTRACT.md: "key has no access"). */
export function owned<T extends { account: AccountName }>(ctx: RouteContext, item: T | undefined, what: string, id: number): T {
	if (!item) throw notFound(`No ${what} with id ${id}`);
	if (item.account !== ctx.account.name) throw forbidden(`This API key has no access to ${what} ${id}`);
	return item;
}

export const ownList = (ctx: RouteContext, id: number) => owned(ctx, ctx.db.lists.get(id), 'list', id);
