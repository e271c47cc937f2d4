import { NodeOperationError, type IDataObject, type IExecuteSingleFunctions } from 'n8n-workflow';
import { isLeadsopediaId } from './params';
import type { ApiAnswer } from './transport';

/** The id a Location names: `…/mylists/{id}` or `…/contacts/{list_id}?id={id}`. */
function idNamedBy(location: unknown): number | undefined {
	if (typeof location !== 'string' || !location) return undefined;
	let url: URL;
	try {
		// Only the path and query matter; a relative Location is read against any origin.
		url = new URL(location, 'http://location.invalid');
	} catch {
		return undefined;
	}
	const id = url.searchParams.get('id') ?? url.pathname.split('/').filter(Boolean).pop() ?? '';
	return isLeadsopediaId(id) ? Number(id) : undefined;
}

const isObject = (value: unknown): value is IDataObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether a 201's body names the new item's id: anything else leaves Location to tell. */
export function namesId(body: unknown): boolean {
	return isObject(body) && body.id !== undefined && body.id !== null && body.id !== '';
}

/**
 * A 201 Created whose body names no id (none, `{}`, a message): the API document promises
 * only a Location header. The item is the fields sent, what the body holds, and the id the
 * header names, without spending another call on it.
 */
export function createdFromLocation(
	context: Pick<IExecuteSingleFunctions, 'getNode'>,
	answer: ApiAnswer,
	sent: IDataObject,
	operation: string,
): IDataObject {
	const id = idNamedBy(answer.headers.location);
	if (id === undefined) {
		throw new NodeOperationError(context.getNode(), `Leadsopedia created the item but did not say which (201 on ${operation})`, {
			description: 'It answered 201 Created with no id in its body and no Location header naming the new id. The item was created: look it up in Leadsopedia rather than creating it again.',
		});
	}
	return { ...sent, ...(isObject(answer.body) ? answer.body : {}), id };
}
