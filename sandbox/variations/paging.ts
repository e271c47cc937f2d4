import type { Variation } from './variation';

/** How many items a page holds when `asked` were asked for. */
export function servedLimit(paging: Variation['paging'], asked: number): number {
	if (paging.size === 'fixed') return paging.cap;
	if (paging.size === 'capped') return Math.min(asked, paging.cap);
	return asked;
}

/**
 * The pagination envelope as this API fills it: `limit` served, echoed or null; `pagesCount`
 * stated or null; the size as `total` or `count`.
 */
export function reshapeEnvelope(paging: Variation['paging'], body: Record<string, unknown>, asked: number): Record<string, unknown> {
	const { total, ...rest } = body;
	return {
		...rest,
		[paging.countField]: total,
		limit: paging.limitField === 'served' ? body.limit : paging.limitField === 'asked' ? asked : null,
		pagesCount: paging.pagesCount === 'stated' ? body.pagesCount : null,
	};
}
