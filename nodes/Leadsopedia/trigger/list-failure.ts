import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/**
 * The failure of one list's read when it concerns that list only: no access (403), gone (404),
 * another refusal of the request (4xx), or an answer the trigger cannot trust. Watching every
 * list, the others are still read. A rejected key (401), a rate limit or spent quota (429), a
 * failing server or network concern every list: the error is thrown on, and the poll fails
 * (as it does for any error when one list is watched).
 */
export function failureOfTheList(error: unknown, everyList: boolean): { message: string; description?: string } {
	const code = error instanceof NodeApiError ? String(error.httpCode) : undefined;
	const ofTheList = error instanceof NodeOperationError || (code !== undefined && /^4\d\d$/.test(code) && code !== '401' && code !== '429');
	if (!ofTheList || !everyList) throw error;
	const { message, description } = error as NodeApiError | NodeOperationError;
	return { message, ...(description ? { description } : {}) };
}
