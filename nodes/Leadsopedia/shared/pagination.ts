import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { CollectionKey } from './endpoints';
import { MAX_ITEMS_PER_INPUT, refuseTooMany, shortPage, tooManyItems, tooManyPages } from './page-checks';
import { callApi, type ApiCall, type ApiContext } from './transport';

/** The only page size the public document names; the API answers up to 1000 (CONTRACT.md). */
export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

export interface PageRequest extends Omit<ApiCall, 'method'> {
	collection: CollectionKey;
	/** Stop once this many items are in hand; Infinity walks every page. */
	wanted: number;
	pageSize: number;
	/** Items to skip before the first one returned (Options → Offset); 0 by default. */
	offset?: number;
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

/** A bound for an API whose answers never end or never line up with what was asked. */
const MAX_CALLS = 100_000;

/**
 * Reads `wanted` items from `offset` on, page by page (`page`/`limit`), never by a `next`
 * link (it could carry the key elsewhere). The page size the API states is the one it used:
 * when it caps what was asked, the walk goes on at its size. Returns every item asked for
 * that the collection has, or throws: a page that comes short while the counts say more
 * follow is an error, not the end of the list.
 */
export async function fetchPages(this: ApiContext, request: PageRequest): Promise<IDataObject[]> {
	const { collection, wanted, pageSize, offset = 0, ...call } = request;
	let size = Math.min(pageSize, offset + wanted);
	/** Index in the whole collection of the next item wanted. */
	let position = offset;
	const collected: IDataObject[] = [];
	for (let calls = 1; calls <= MAX_CALLS; calls++) {
		const page = Math.floor(position / size) + 1;
		const answer = await callApi.call(this, { ...call, method: 'GET', qs: { ...call.qs, page, limit: size } });
		const envelope = readEnvelope(this, answer.body, collection, call.operation);
		const { items, pagesCount, pagesKnown, total } = envelope;
		const served = envelope.pageLimit ?? size;
		if (calls === 1) refuseTooMany(this, { total: total ?? (pagesKnown ? pagesCount * served : undefined), offset, wanted });

		// Where this page starts in the whole collection, at the size the API used.
		const first = (page - 1) * served;
		if (position >= first && position < first + items.length) {
			const taken = items.slice(position - first, position - first + wanted - collected.length);
			collected.push(...taken);
			position += taken.length;
		}
		if (collected.length > MAX_ITEMS_PER_INPUT) throw tooManyItems(this);
		if (collected.length >= wanted) return collected;

		const moreFollow = (pagesKnown && page < pagesCount) || (total !== undefined && first + items.length < total);
		if (items.length < served) {
			if (moreFollow) {
				throw shortPage(this, { operation: call.operation, number: page, got: items.length, size: served, pagesCount: pagesKnown ? pagesCount : undefined, total });
			}
			return collected;
		}
		if ((pagesKnown || total !== undefined) && !moreFollow) return collected;
		size = served;
	}
	throw tooManyPages(this, call.operation, MAX_CALLS);
}
