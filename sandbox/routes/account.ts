import { paginateItems, type Route } from '../router';
import { PAGING } from '../validate';

/** CONTRACT.md "Account". Credits are spent by searches: `credits_used` is the sum of the history's lead counts. */

export const accountRoutes: Route[] = [
	{ method: 'GET', path: '/account', handler: (ctx) => ({ status: 200, body: ctx.account.profile }) },
	{
		method: 'GET',
		path: '/account/credits',
		handler: (ctx) => {
			const used = ctx.account.history.reduce((sum, item) => sum + item.lead_count, 0);
			const total = ctx.account.credits;
			return { status: 200, body: { credits_total: total, credits_used: used, credits_left: total - used } };
		},
	},
	{
		// Not specified by the document: true counts of this key's calls, including this one.
		method: 'GET',
		path: '/account/usage',
		handler: (ctx) => ({ status: 200, body: ctx.limits.usage(ctx.account.key) }),
	},
	{
		method: 'GET',
		path: '/account/activity',
		query: PAGING,
		handler: (ctx) => paginateItems(ctx, 'activities', ctx.account.activities),
	},
	{
		method: 'GET',
		path: '/account/history',
		query: PAGING,
		handler: (ctx) => paginateItems(ctx, 'history', ctx.account.history),
	},
];
