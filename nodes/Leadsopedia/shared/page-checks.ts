import { NodeOperationError, type IExecuteSingleFunctions } from 'n8n-workflow';
import type { UnreadableChange } from './list-read';

type Context = Pick<IExecuteSingleFunctions, 'getNode'>;

/**
 * The most items one Get Many hands to n8n for one input item. n8n's declarative runner
 * appends them with a single `push(...items)`, which overflows the stack above 123,563
 * items in n8n 1.123.81 (Node 20) and 125,564 in n8n 2.40.7 (Node 24), as measured by
 * case 7 of `npm run bench`; this keeps a margin of about a fifth.
 */
export const MAX_ITEMS_PER_INPUT = 100_000;

const formatted = (count: number) => count.toLocaleString('en-US');

function tooMany(context: Context, message: string): NodeOperationError {
	return new NodeOperationError(context.getNode(), message, {
		description:
			`n8n cannot take more than about ${formatted(MAX_ITEMS_PER_INPUT)} items from one run of a node for one input item. ` +
			`To get everything, read it in batches: turn off Return All, set Limit to ${formatted(MAX_ITEMS_PER_INPUT)} or less, ` +
			'and set Options → Offset to 0, then the Limit, then twice the Limit, … (for example from a Loop Over Items node), ' +
			'or export the list through Leadsopedia and read it with Download → Download File.',
	});
}

/**
 * Refuses, after the first page, a read whose envelope says it would return more than n8n
 * can take, so that it fails after one call instead of after all of them.
 */
export function refuseTooMany(context: Context, read: { total: number | undefined; offset: number; wanted: number }): void {
	if (read.total === undefined) return;
	const returned = Math.min(read.wanted, Math.max(0, read.total - read.offset));
	if (returned <= MAX_ITEMS_PER_INPUT) return;
	throw tooMany(context, `This would return ${formatted(returned)} items, more than the ${formatted(MAX_ITEMS_PER_INPUT)} one Get Many can return`);
}

/** The same limit for an API that states no counts: found out while reading. */
export function tooManyItems(context: Context): NodeOperationError {
	return tooMany(context, `This returns more than the ${formatted(MAX_ITEMS_PER_INPUT)} items one Get Many can return`);
}

/** A page that ends early while the API's own counts say more follow: the rest would be missing. */
export function shortPage(
	context: Context,
	page: { operation: string; number: number; got: number; size: number; pagesCount: number | undefined; total: number | undefined },
): NodeOperationError {
	const counts = [
		page.pagesCount !== undefined ? `${page.pagesCount} pages` : undefined,
		page.total !== undefined ? `${formatted(page.total)} items` : undefined,
	].filter(Boolean);
	return new NodeOperationError(context.getNode(), `Leadsopedia's answer to ${page.operation} ended early: page ${page.number} had ${page.got} of ${page.size} items`, {
		description: `The same answer says the list has ${counts.join(' and ')}, so later items would be missing. Nothing was returned so that no partial list passes as complete; the list may have changed while it was read: run it again.`,
	});
}

/** An API that keeps answering full pages (or pages that never line up) past any plausible list. */
export function tooManyPages(context: Context, operation: string, calls: number): NodeOperationError {
	return new NodeOperationError(context.getNode(), `Leadsopedia's answers to ${operation} did not end after ${formatted(calls)} pages`, {
		description: 'Nothing was returned so that no partial list passes as complete.',
	});
}

/**
 * Why a read cannot vouch for its list: it shrank or grew past the extra calls allowed, it
 * has no ids to tell repeats, or its pages came in different orders.
 */
export type ChangeSeen = 'shrank' | 'grew' | UnreadableChange;

/** A list that kept changing under a read more than a few extra calls could make up for. */
export function listChanged(context: Context, read: { operation: string; extraCalls: number; seen: ChangeSeen }): NodeOperationError {
	const why = {
		shrank: `Its total fell between pages more often than ${read.extraCalls} extra calls could make up for by reading the seams again.`,
		grew: `It grew by more pages while it was read than ${read.extraCalls} extra calls allow.`,
		'no ids': 'Its total fell between two pages, and its items carry no id to read the seam again without repeating them.',
		reordered:
			'Items read on an earlier page came again on a later one although the list did not grow by as many: the API served its pages in different orders (contacts added in the same second may have no fixed order), so as many others may have been skipped.',
	}[read.seen];
	// Reading again does not cure an order that changes on every request; fewer seams do.
	const remedy =
		read.seen === 'reordered'
			? 'a bigger Options → Page Size (up to 1000) leaves fewer seams between pages for the order to change at.'
			: 'run it again when the list changes less, or read it in batches with Limit and Options → Offset.';
	return new NodeOperationError(context.getNode(), `The list changed while it was read (${read.operation})`, {
		description: `${why} Nothing was returned so that no list with items missing passes as complete: ${remedy}`,
	});
}
