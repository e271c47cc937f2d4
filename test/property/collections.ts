import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { servedLimit } from '../../sandbox/variations/paging';
import type { Variation } from '../../sandbox';

/** What a Get Many asks for, drawn per case: Return All, or a Limit; maybe an Offset and a Page Size. */
export interface Paging {
	returnAll: boolean;
	limit: number;
	offset: number;
	pageSize: number;
}

export function drawPaging(random: () => number): Paging {
	return {
		returnAll: random() < 0.5,
		limit: 1 + Math.floor(random() * 30),
		offset: random() < 0.3 ? Math.floor(random() * 6) : 0,
		pageSize: random() < 0.8 ? 1 + Math.floor(random() * 25) : 100,
	};
}

export function pagingParameters(paging: Paging): INodeParameters {
	return {
		returnAll: paging.returnAll,
		...(paging.returnAll ? {} : { limit: paging.limit }),
		options: { pageSize: paging.pageSize, ...(paging.offset ? { offset: paging.offset } : {}) },
	};
}

/** How many of `size` items the read returns. */
export const wantedOf = (paging: Paging, size: number) =>
	Math.max(0, Math.min(size, paging.returnAll ? size : paging.offset + paging.limit) - paging.offset);

/**
 * The calls a read of `size` items may take: one per page at the smallest page the API
 * serves for what the node asks, plus one (a last short or empty page, or the first page
 * that shows a cap).
 */
export function pageCallBound(paging: Paging, size: number, variation: Variation): number {
	const end = Math.min(size, paging.returnAll ? size : paging.offset + paging.limit);
	const asked = paging.returnAll ? paging.pageSize : Math.min(paging.pageSize, paging.offset + paging.limit);
	const page = Math.max(1, Math.min(asked, servedLimit(variation.paging, asked)));
	return Math.ceil(Math.max(end, 1) / page) + 1;
}

export const idOf = (json: { id?: unknown }) => String(json.id);

/** Problems of a read's output against the items it should hold, in order when `ordered`. */
export function checkCollection(out: INodeExecutionData[], expected: readonly { id?: unknown }[], paging: Paging, ordered: boolean): string[] {
	const got = out.map((item) => idOf(item.json));
	const problems: string[] = [];
	if (new Set(got).size !== got.length) problems.push(`duplicate ids in the output: ${got.join(',')}`);
	const all = expected.map(idOf);
	const wanted = ordered ? all.slice(paging.offset, paging.offset + wantedOf(paging, all.length)) : undefined;
	if (wanted && got.join(',') !== wanted.join(',')) problems.push(`expected ids ${wanted.join(',')}, got ${got.join(',')}`);
	if (!wanted) {
		const unknown = got.filter((id) => !all.includes(id));
		if (unknown.length) problems.push(`ids not in the collection: ${unknown.join(',')}`);
		if (got.length !== wantedOf(paging, all.length)) problems.push(`expected ${wantedOf(paging, all.length)} items, got ${got.length}`);
	}
	return problems;
}
