import type {
	IDataObject,
	IExecuteFunctions,
	IExecuteSingleFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	IPollFunctions,
} from 'n8n-workflow';
import { checkedCredentials, CREDENTIAL_TYPE, type LeadsopediaCredentials } from './credentials';
import { apiError, apiMessageFrom, meaningOfStatus } from './errors';

/** Every context the package calls the API from: node items, the trigger, list search. */
export type ApiContext = IExecuteSingleFunctions | IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions;

export interface ApiCall {
	method: IHttpRequestMethods;
	/** A path from `endpoints`, relative to the credential's base URL. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	/** In the user's words, for error messages: "get many contacts". */
	operation: string;
	/** A DELETE may answer 200 with nothing in it; everything else must bring JSON. */
	allowEmptyBody?: boolean;
}

export interface ApiAnswer {
	status: number;
	headers: Record<string, unknown>;
	/** The parsed JSON body, or undefined for an allowed empty body. */
	body: unknown;
}

export async function credentialsOf(context: ApiContext): Promise<LeadsopediaCredentials> {
	const data = await context.getCredentials(CREDENTIAL_TYPE);
	return checkedCredentials(context.getNode(), data);
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch {
		return { ok: false };
	}
}

function describeBody(text: string): string {
	if (!text.trim()) return 'an empty body';
	if (/^\s*</.test(text)) return 'an HTML page instead of JSON';
	return 'a body that is not valid JSON';
}

/**
 * Sends one request to the API with the key header n8n adds from the credential. Every
 * error it raises is built from safe strings only: the HTTP client's own error holds the
 * request config, key header included.
 */
export async function sendToApi(
	this: ApiContext,
	credentials: LeadsopediaCredentials,
	options: IHttpRequestOptions,
	operation: string,
): Promise<IN8nHttpFullResponse> {
	try {
		return (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, {
			...options,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			// A redirect could lead the key header to another host: never follow one.
			disableFollowRedirect: true,
		})) as IN8nHttpFullResponse;
	} catch (error) {
		const code = (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;
		throw apiError(this.getNode(), {
			operation,
			message: `Could not reach Leadsopedia to ${operation}${code ? ` (${code})` : ''}`,
			description: 'The connection failed before an answer arrived. Check the Base URL and the network.',
			apiKey: credentials.apiKey,
		});
	}
}

export function bodyText(body: unknown): string {
	if (typeof body === 'string') return body;
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	return body === undefined || body === null ? '' : JSON.stringify(body);
}

/** The one way the package calls a JSON endpoint of the Leadsopedia API. */
export async function callApi(this: ApiContext, call: ApiCall): Promise<ApiAnswer> {
	const credentials = await credentialsOf(this);
	const fail = (status: number, message: string, description?: string) =>
		apiError(this.getNode(), { operation: call.operation, status, message, description, apiKey: credentials.apiKey });

	const headers: IDataObject = { Accept: 'application/json' };
	if (call.body) headers['Content-Type'] = 'application/json';
	const response = await sendToApi.call(
		this,
		credentials,
		{
			method: call.method,
			baseURL: credentials.baseUrl,
			url: call.path,
			qs: call.qs,
			body: call.body,
			headers,
			json: false,
			encoding: 'text',
		},
		call.operation,
	);

	const status = response.statusCode;
	const text = bodyText(response.body);
	const parsed = text.trim() ? parseJson(text) : undefined;

	if (status >= 300) {
		const apiMessage = parsed?.ok ? apiMessageFrom(parsed.value) : undefined;
		throw fail(
			status,
			`${meaningOfStatus(status)} (${status} on ${call.operation})`,
			apiMessage ?? (parsed?.ok ? undefined : `Leadsopedia answered with ${describeBody(text)}.`),
		);
	}
	if (parsed === undefined) {
		if (call.allowEmptyBody) return { status, headers: response.headers, body: undefined };
		throw fail(status, `Leadsopedia answered ${status} with an empty body to ${call.operation}`);
	}
	if (!parsed.ok) {
		throw fail(status, `Leadsopedia answered ${status} with ${describeBody(text)} to ${call.operation}`);
	}
	return { status, headers: response.headers, body: parsed.value };
}
