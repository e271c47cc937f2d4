import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { CollectionKey } from './endpoints';
import { ListRead } from './list-read';
import { listChanged, MAX_ITEMS_PER_INPUT, type ChangeSeen, refuseTooMany, shortPage, tooManyItems, tooManyPages } from './page-checks';
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

/** Extra calls a read may spend on a list that changes under it: 2, or one per 4 pages. */
const extraCallBudget = (pages: number) => Math.max(2, Math.ceil(pages / 4));

/**
 * The page size the API serves, as its pages show it: it may serve more than asked, or cap
 * what was asked while its envelope states no `limit` or echoes the one asked. A full page
 * that is not the last tells the real size; the first such page settles it.
 */
class ServedSize {
	/** Whether a full page that is not the last has shown the size. */
	settled = false;

	constructor(public value: number) {}

	/** The size `page` was served at; later pages are asked for at that size. */
	of(page: number, envelope: Page): number {
		const held = envelope.items.length;
		const moreFollowAt = (size: number) =>
			envelope.total !== undefined ? (page - 1) * size + held < envelope.total : envelope.pagesKnown && page < envelope.pagesCount;
		let served = envelope.pageLimit ?? this.value;
		if (held > served) served = held;
		// A short page that ends the list at the asked size is the last page, not a cap.
		else if (held < served && held > 0 && !this.settled && moreFollowAt(served) && moreFollowAt(held)) served = held;
		if (held === served && moreFollowAt(served)) this.settled = true;
		this.value = served;
		return served;
	}
}

/**
 * Reads `wanted` items from `offset` on, page by page (`page`/`limit`), never by a `next`
 * link (it could carry the key elsewhere), at the size the API's pages show it serves.
 * Returns every item asked for that the collection has, each once, or throws: a page that
 * comes short while its own counts say more follow is an error, not the end of the list,
 * and so is a list that shrinks between pages more often than the seams can be read again.
 */
export async function fetchPages(this: ApiContext, request: PageRequest): Promise<IDataObject[]> {
	const { collection, wanted, pageSize, offset = 0, ...call } = request;
	const size = new ServedSize(Math.min(pageSize, offset + wanted));
	const read = new ListRead(offset, wanted);
	/** The calls the first answer's count implies, when it states one. */
	let planned: number | undefined;
	/** Whether page 1 was asked to tell the size after a later page came empty. */
	let probed = false;
	let askFirstPage = false;
	for (let calls = 1; calls <= MAX_CALLS; calls++) {
		const page = askFirstPage ? 1 : Math.floor(read.position / size.value) + 1;
		askFirstPage = false;
		const answer = await callApi.call(this, { ...call, method: 'GET', qs: { ...call.qs, page, limit: size.value } });
		const envelope = readEnvelope(this, answer.body, collection, call.operation);
		const { items, pagesCount, pagesKnown, total } = envelope;
		const served = size.of(page, envelope);
		if (calls === 1) {
			refuseTooMany(this, { total: total ?? (pagesKnown ? pagesCount * served : undefined), offset, wanted });
			// Pages from the offset's on, and one more when the offset's page had to be asked again at the size served.
			const pages = Math.ceil((Math.min(total ?? 0, offset + wanted) - offset) / served);
			if (total !== undefined) planned = Math.max(1, pages) + (page === Math.floor(offset / served) + 1 ? 0 : 1);
		}

		const first = (page - 1) * served;
		const changed = (seen: ChangeSeen, extraCalls: number) => listChanged(this, { operation: call.operation, extraCalls, seen });
		const unreadable = read.add({ first, items, total });
		if (unreadable) throw changed(unreadable, 0);
		const rereads = extraCallBudget(calls - read.rereads);
		if (read.rereads > rereads) throw changed('shrank', rereads);
		// A list that grows at its end as fast as it is read would be chased for ever.
		if (planned !== undefined && calls - read.rereads > planned + extraCallBudget(planned)) throw changed('grew', extraCallBudget(planned));
		if (read.items.length > MAX_ITEMS_PER_INPUT) throw tooManyItems(this);
		if (read.complete) return read.items;
		if (total !== undefined && read.position >= total) return read.items;

		const moreFollow = total !== undefined ? first + items.length < total : pagesKnown ? page < pagesCount : items.length >= served;
		// An empty page past the first where the counts promise items, before any page showed
		// the size: the API may serve bigger pages than asked without saying so (its page 2 of
		// 18 lies past a list of 7). Page 1, read once, shows the size.
		if (items.length === 0 && page > 1 && moreFollow && !size.settled && !probed) {
			probed = askFirstPage = true;
			continue;
		}
		if (items.length < served && moreFollow) {
			throw shortPage(this, { operation: call.operation, number: page, got: items.length, size: served, pagesCount: pagesKnown ? pagesCount : undefined, total });
		}
		if (!moreFollow && read.position >= first) return read.items;
	}
	throw tooManyPages(this, call.operation, MAX_CALLS);
}
