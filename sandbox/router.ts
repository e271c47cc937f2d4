import type { Account, Database } from './data';
import { badRequest, notFound, type Reply } from './http';
import type { Limits } from './limits';
import type { Settings } from './types';
import type { Variations } from './variations';
import { parsePaging } from './validate';

/** What a route handler gets for one authenticated, admitted call. */
export interface RouteContext {
	account: Account;
	db: Database;
	settings: Settings;
	limits: Limits;
	/** 'http://127.0.0.1:<port>/v1', for Location headers and page links. */
	baseUrl: string;
	/** The variations mode, when on: page sizes, envelopes and the order of contacts. */
	variations?: Variations;
	/** The path below the base URL, such as '/mylists/3'. */
	path: string;
	params: Record<string, string>;
	query: URLSearchParams;
	/** The JSON object body, checked to hold only `allowed` fields. */
	body: (allowed: readonly string[]) => Record<string, unknown>;
}

export interface Route {
	method: 'GET' | 'POST' | 'DELETE';
	/** Segments, with `:name` for a path parameter: '/mylists/:list_id'. */
	path: string;
	/** The query parameters it takes; any other is a 400. */
	query?: readonly string[];
	handler: (ctx: RouteContext) => Reply;
}

/** The route for a method and path, with its parameters; anything else is a 404, like an unknown API path. */
export function matchRoute(routes: readonly Route[], method: string, path: string): { route: Route; params: Record<string, string> } {
	const segments = path.split('/');
	for (const route of routes) {
		const pattern = route.path.split('/');
		if (route.method !== method || pattern.length !== segments.length) continue;
		const params: Record<string, string> = {};
		const matches = pattern.every((part, i) => {
			if (part.startsWith(':')) params[part.slice(1)] = decode(segments[i]);
			return part.startsWith(':') ? segments[i] !== '' : part === segments[i];
		});
		if (matches) return { route, params };
	}
	throw notFound(`No endpoint ${method} ${path}`);
}

function decode(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		throw badRequest(`Malformed path segment "${segment}"`);
	}
}

/** The pagination envelope of CONTRACT.md; `next`/`previous` are absolute links keeping the other query parameters. */
export function paginate<T>(ctx: RouteContext, key: string, total: number, items: (offset: number, count: number) => T[]): Reply {
	const { page, limit: asked } = parsePaging(ctx.query);
	const limit = ctx.variations?.servedLimit(asked) ?? asked;
	const pagesCount = Math.ceil(total / limit);
	const link = (to: number) => {
		const query = new URLSearchParams(ctx.query);
		query.set('page', String(to));
		query.set('limit', String(limit));
		return `${ctx.baseUrl}${ctx.path}?${query}`;
	};
	const body = {
		[key]: items((page - 1) * limit, limit),
		total,
		page,
		limit,
		pagesCount,
		next: page < pagesCount ? link(page + 1) : null,
		previous: page > 1 && pagesCount > 0 ? link(Math.min(page - 1, pagesCount)) : null,
	};
	return { status: 200, body: ctx.variations?.envelope(body, asked) ?? body };
}

/** `paginate` over items already in memory. */
export const paginateItems = <T>(ctx: RouteContext, key: string, items: readonly T[]): Reply =>
	paginate(ctx, key, items.length, (offset, count) => items.slice(offset, offset + count));
