import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/**
 * The failure of one list's read when it concerns that list only: no access (403), gone (404),
 * another refusal of the request (4xx), or an answer the trigger cannot trust. Watching every
 * list, the others are still read. A rejected key (401), a rate limit or spent quota (429), a
 * failing server or network concern every list: undefined, and the poll fails.
 */
export function listFailure(error: unknown): { message: string; description?: string } | undefined {
	const code = error instanceof NodeApiError ? String(error.httpCode) : undefined;
	const ofTheList = error instanceof NodeOperationError || (code !== undefined && /^4\d\d$/.test(code) && code !== '401' && code !== '429');
	if (!ofTheList) return undefined;
	const { message, description } = error as NodeApiError | NodeOperationError;
	return { message, ...(description ? { description } : {}) };
}
