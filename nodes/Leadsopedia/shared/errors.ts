import { NodeApiError, NodeOperationError, type INode, type JsonObject } from 'n8n-workflow';

/** What a failed call means to a user, by HTTP status (CONTRACT.md lists these codes). */
const statusMeaning: Record<number, string> = {
	400: 'Leadsopedia refused the request as invalid',
	401: 'Leadsopedia rejected the API key: check the API Key in the Leadsopedia credential',
	403: 'The API key has no access to this resource (for example a list of another account)',
	404: 'Not found: no such item in Leadsopedia',
	429: 'Leadsopedia rate limit reached',
};

export function meaningOfStatus(status: number): string {
	if (statusMeaning[status]) return statusMeaning[status];
	if (status >= 500) return 'The Leadsopedia server failed to answer; try again later';
	if (status >= 300 && status < 400) {
		return 'Leadsopedia answered with a redirect, not followed so that the API key goes nowhere else: check the Base URL';
	}
	return `Leadsopedia answered with an unexpected status ${status}`;
}

/** Replaces every occurrence of the secret, so no message can carry the key. */
export function redact(text: string, secret: string): string {
	return secret ? text.split(secret).join('***') : text;
}

/** The API's own words from an error body, when it has any worth showing. */
export function apiMessageFrom(body: unknown): string | undefined {
	if (body && typeof body === 'object') {
		const { message, error } = body as { message?: unknown; error?: unknown };
		const text = [message, error].find((value) => typeof value === 'string' && value.trim());
		return text as string | undefined;
	}
	return undefined;
}

export interface ApiFailure {
	operation: string;
	status?: number;
	message: string;
	description?: string;
	apiKey: string;
	itemIndex?: number;
}

/**
 * A NodeApiError built only from safe strings: never from the HTTP client's error, whose
 * request config holds the key header.
 */
export function apiError(node: INode, failure: ApiFailure): NodeApiError {
	const message = redact(failure.message, failure.apiKey);
	const description = failure.description ? redact(failure.description, failure.apiKey) : undefined;
	const response: JsonObject = { message, httpCode: failure.status ? String(failure.status) : 'none' };
	const error = new NodeApiError(node, response, {
		message,
		description,
		httpCode: failure.status ? String(failure.status) : undefined,
		itemIndex: failure.itemIndex,
	});
	return error;
}

/** An error as n8n wants it shown: ours pass through, anything else is wrapped. */
export function asNodeError(node: INode, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error instanceof Error ? error : String(error));
}
