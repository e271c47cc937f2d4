import { NodeOperationError, type IDataObject, type IPollFunctions } from 'n8n-workflow';
import { endpoints } from '../shared/endpoints';
import { fetchPages, MAX_PAGE_SIZE, readEnvelope } from '../shared/pagination';
import { callApi, type PastMaxTries } from '../shared/transport';
import type { ContactSource } from './pages';
import type { WatchedList } from './rotation';

const OPERATION = 'check for new contacts';

/** GET /contacts of one list, one page per call, through the package's transport; `answered` at each answer. */
export function contactSource(context: IPollFunctions, listId: string, pastMaxTries?: PastMaxTries, answered: () => void = () => undefined): ContactSource {
	const malformed = (message: string, description?: string) => new NodeOperationError(context.getNode(), message, { description });
	return {
		malformed,
		page: async (page, limit) => {
			const answer = await callApi.call(context, {
				method: 'GET',
				path: endpoints.contacts(),
				qs: { list_id: listId, page, limit },
				operation: OPERATION,
				pastMaxTries,
			});
			answered();
			const { items, pageLimit, total } = readEnvelope(context, answer.body, 'contacts', OPERATION);
			if (total === undefined || !Number.isInteger(total)) {
				throw malformed(
					`Leadsopedia's answer to ${OPERATION} has no total`,
					'The trigger compares totals between pages to make sure no contact slipped between them.',
				);
			}
			return { items, total, pageLimit, pagesCount: countOf((answer.body as IDataObject).pagesCount) };
		},
	};
}

/** Every list of the account with its `total_contacts` (one call per 1,000 lists). */
export async function allLists(context: IPollFunctions, pastMaxTries?: PastMaxTries): Promise<{ lists: WatchedList[]; calls: number }> {
	const lists = await fetchPages.call(context, {
		path: endpoints.lists(),
		operation: 'get the lists to watch',
		collection: 'lists',
		wanted: Infinity,
		pageSize: MAX_PAGE_SIZE,
		pastMaxTries,
	});
	return {
		lists: lists.map((list) => ({ id: String(list.id), total: countOf(list.total_contacts) })),
		calls: Math.max(1, Math.ceil(lists.length / MAX_PAGE_SIZE)),
	};
}

/** A count as the API wrote it (a number or a numeric string), or undefined. */
function countOf(value: unknown): number | undefined {
	const count = typeof value === 'string' && value.trim() ? Number(value) : value;
	return typeof count === 'number' && Number.isInteger(count) && count >= 0 ? count : undefined;
}
