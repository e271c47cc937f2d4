import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { CollectionKey } from './endpoints';
import { callApi, type ApiCall, type ApiContext } from './transport';

/** The only page size the public document names; the API answers up to 1000 (CONTRACT.md). */
export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

export interface PageRequest extends Omit<ApiCall, 'method'> {
	collection: CollectionKey;
	/** Stop once this many items are in hand; Infinity walks every page. */
	wanted: number;
	pageSize: number;
}

export interface Page {
	items: IDataObject[];
	/** 0 when the envelope tells neither pagesCount nor total (or count) and limit. */
	pagesCount: number;
	pagesKnown: boolean;
	/** The page size the API says it used (it may cap what was asked); undefined when it does not say. */
	pageLimit: number | undefined;
	/** The envelope's `total` (or `count`); undefined when it does not say. */
	total: number | undefined;
}

/** A count the envelope states: a finite number >= 0. null, '', absent or junk is missing. */
function statedCount(value: unknown): number | undefined {
	if (value === null || value === undefined || value === '') return undefined;
	const number = Number(value);
	return Number.isFinite(number) && number >= 0 ? number : undefined;
}

/** A bound for an API that would answer full pages forever: 100 million items at 1000. */
const MAX_PAGES = 100_000;

/**
 * Reads a pagination envelope; `pagesCount` falls back to `total` (or `count`) over the
 * envelope's own `limit`. A null count is a missing count.
 */
export function readEnvelope(
	context: Pick<IExecuteSingleFunctions, 'getNode'>,
	body: unknown,
	collection: CollectionKey,
	operation: string,
): Page {
	const envelope = (body ?? {}) as IDataObject;
	const items = envelope[collection];
	if (!Array.isArray(items)) {
		throw new NodeOperationError(
			context.getNode(),
			`Leadsopedia's answer to ${operation} has no "${collection}" list`,
			{ description: 'The API answered with an unexpected shape; nothing was returned so that no partial result passes as complete.' },
		);
	}
	const stated = statedCount(envelope.limit);
	const pageLimit = stated !== undefined && stated > 0 ? stated : undefined;
	const total = statedCount(envelope.total) ?? statedCount(envelope.count);
	let pagesCount = statedCount(envelope.pagesCount);
	if (pagesCount === undefined && total !== undefined && pageLimit !== undefined) pagesCount = Math.ceil(total / pageLimit);
	return { items: items as IDataObject[], pagesCount: pagesCount ?? 0, pagesKnown: pagesCount !== undefined, pageLimit, total };
}

/**
 * Walks `page` = 1, 2, … up to the envelope's `pagesCount`: never past the last page, never
 * a page twice, never a `next` link (it could carry the key elsewhere). With a limit, asks
 * for no more than needed and stops as soon as it has them.
 */
export async function fetchPages(this: ApiContext, request: PageRequest): Promise<IDataObject[]> {
	const { collection, wanted, pageSize, ...call } = request;
	const limit = Math.min(wanted, pageSize);
	const collected: IDataObject[] = [];
	for (let page = 1; ; page++) {
		const answer = await callApi.call(this, { ...call, method: 'GET', qs: { ...call.qs, page, limit } });
		const { items, pagesCount, pagesKnown } = readEnvelope(this, answer.body, collection, call.operation);
		collected.push(...items);
		// A short page is the last one even when pagesCount is stale; without any count, only
		// a short page tells the end.
		const lastPage = pagesKnown ? page >= pagesCount : page >= MAX_PAGES;
		if (collected.length >= wanted || lastPage || items.length < limit) break;
	}
	return collected.length > wanted ? collected.slice(0, wanted) : collected;
}
