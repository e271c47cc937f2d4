import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import type { CollectionKey } from '../shared/endpoints';
import { readEnvelope } from '../shared/pagination';
import { callApi } from '../shared/transport';

export interface SearchedCollection {
	path: string;
	collection: CollectionKey;
	operation: string;
	/**
	 * What the picker shows and the workflow saves (cachedResultName): only what does not
	 * go stale, so no counts.
	 */
	nameOf: (item: IDataObject) => string;
}

/**
 * A "From List" picker's search over a collection, one page per scroll. The API has no
 * name search, so the filter applies to the page at hand; large pages keep scrolling (and
 * calls) rare.
 */
export function collectionSearch(searched: SearchedCollection) {
	return async function (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
		const page = Number(paginationToken ?? 1);
		const answer = await callApi.call(this, {
			method: 'GET',
			path: searched.path,
			qs: { page, limit: 1000 },
			operation: searched.operation,
		});
		const { items, pagesCount } = readEnvelope(this, answer.body, searched.collection, searched.operation);
		const needle = (filter ?? '').trim().toLowerCase();
		const results = items
			.map((item) => ({ name: searched.nameOf(item), value: String(item.id) }))
			.filter((result) => !needle || result.name.toLowerCase().includes(needle));
		return { results, paginationToken: page < pagesCount ? String(page + 1) : undefined };
	};
}
