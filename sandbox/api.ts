import type { IncomingMessage } from 'node:http';
import type { Account } from './data';
import { ApiError, notFound, type Reply } from './http';
import { matchRoute } from './router';
import { routes } from './routes';
import type { SandboxState } from './state';
import { allowQuery, parseBody } from './validate';

/**
 * One API call, in the order a real API would check it: the key (401), the limits (429),
 * the endpoint (404), the input (400), access (403/404), then the work.
 */
export function answerApi(state: SandboxState, req: IncomingMessage, url: URL, rawBody: string, account: Account | undefined): Reply {
	if (!account) {
		const message = req.headers['x-api-key'] === undefined ? 'Missing X-Api-Key header' : 'Invalid API key';
		throw new ApiError(401, 'unauthorized', message);
	}
	state.limits.admit(account.key);
	if (!url.pathname.startsWith('/v1/')) throw notFound(`No endpoint ${url.pathname}: every path starts with /v1`);
	const path = url.pathname.slice('/v1'.length);
	const { route, params } = matchRoute(routes, req.method ?? '', path);
	allowQuery(url.searchParams, route.query ?? []);
	return route.handler({
		account,
		db: state.db,
		settings: state.settings,
		limits: state.limits,
		baseUrl: state.baseUrl,
		variations: state.variations,
		path,
		params,
		query: url.searchParams,
		body: (allowed) => parseBody(rawBody, req.headers['content-type'], allowed),
	});
}
