import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { endpoints } from '../shared/endpoints';
import { readEnvelope } from '../shared/pagination';
import { callApi } from '../shared/transport';

interface ListSummary {
	id: number | string;
	name?: string;
	total_contacts?: number;
}

/**
 * Lists for the "From List" picker, one page per scroll. The API has no name search, so
 * the filter applies to the page at hand; large pages keep scrolling (and calls) rare.
 */
export async function searchLists(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = Number(paginationToken ?? 1);
	const answer = await callApi.call(this, {
		method: 'GET',
		path: endpoints.lists(),
		qs: { page, limit: 1000 },
		operation: 'search lists',
	});
	const { items, pagesCount } = readEnvelope(this, answer.body, 'lists', 'search lists');
	const needle = (filter ?? '').trim().toLowerCase();
	const results = (items as unknown as ListSummary[])
		.filter((list) => !needle || String(list.name ?? '').toLowerCase().includes(needle))
		.map((list) => ({
			name: `${list.name ?? `List ${list.id}`}${list.total_contacts !== undefined ? ` (${list.total_contacts} contacts)` : ''}`,
			value: String(list.id),
		}));
	return { results, paginationToken: page < pagesCount ? String(page + 1) : undefined };
}
