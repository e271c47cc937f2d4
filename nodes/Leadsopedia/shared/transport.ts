import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type IExecuteSingleFunctions,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type IN8nHttpFullResponse,
	type IPollFunctions,
} from 'n8n-workflow';
import { checkedCredentials, cleartextProxyProblem, CREDENTIAL_TYPE, type LeadsopediaCredentials } from './credentials';
import { Deadline, isTimeoutCode, release } from './deadline';
import { apiError, apiMessageFrom, meaningOfStatus } from './errors';
import { admitted, inTurn, keyFingerprint, refused } from './pacing';
import { backoffMs, isTransientStatus, quotaResetSentence, readRateLimit } from './retry';
import { Stop } from './stop';

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
	/** A POST the API defines as an upsert, so sending it twice changes nothing more. */
	upsert?: boolean;
	/** The node's Request Options (proxy, SSL, timeout); none for the trigger and list search. */
	connection?: Connection;
	/** See SendPolicy. */
	pastMaxTries?: PastMaxTries;
}

/** What n8n's Request Options put on a declarative node's request (RoutingNode parses the proxy). */
export type Connection = Pick<IHttpRequestOptions, 'proxy' | 'skipSslCertificateValidation' | 'timeout'>;

/** The Request Options of a request RoutingNode built: only the ones the user set. */
export function connectionOf(options: Omit<Connection, 'skipSslCertificateValidation'> & { skipSslCertificateValidation?: unknown }): Connection {
	const { proxy, skipSslCertificateValidation, timeout } = options;
	return {
		...(proxy ? { proxy } : {}),
		...(skipSslCertificateValidation === true ? { skipSslCertificateValidation: true } : {}),
		...(timeout ? { timeout } : {}),
	};
}

/**
 * The request options every call carries: the node's proxy and SSL choice, and the shorter
 * of the credential's and the node's Timeout (RoutingNode fills in 300 s when the node sets none).
 */
export function connectionOptions(credentials: LeadsopediaCredentials, connection: Connection = {}): Connection {
	return { ...connection, timeout: Math.min(credentials.timeoutMs, connection.timeout ?? Infinity) };
}

export interface ApiAnswer {
	status: number;
	headers: Record<string, unknown>;
	/** The parsed JSON body, or undefined for an allowed empty body. */
	body: unknown;
}

/** The last answer, and whether an earlier try may have acted though its answer was lost. */
export interface Sent {
	response: IN8nHttpFullResponse;
	earlierTryMayHaveActed: boolean;
	/** The last try's deadline: a body asked for as a stream is read within it. */
	deadline: Deadline;
}

export interface SendPolicy {
	operation: string;
	/** Whether a lost or failed attempt may be sent again. */
	repeatable: boolean;
	connection?: Connection;
	/** The total time each try may take; the Timeout unless given (a file may need longer). */
	deadlineMs?: number;
	/** Rate-limit waits allowed past Max Tries: only a caller no one waits on (a trigger's poll) has some. */
	pastMaxTries?: PastMaxTries;
}

/** Time for rate-limit waits past Max Tries, shared by the calls of one caller. */
export interface PastMaxTries {
	/** Takes `waitMs` from what is left, or answers false (and takes nothing) when it does not fit. */
	spend(waitMs: number): boolean;
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

export function bodyText(body: unknown): string {
	if (typeof body === 'string') return body;
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	return body === undefined || body === null ? '' : JSON.stringify(body);
}

type Attempt = { response: IN8nHttpFullResponse; deadline: Deadline } | { networkCode: string; limitMs: number };

/**
 * One attempt. The key goes in its header as the credential was read (shared/api-key.ts),
 * so the header carries exactly the key that redaction looks for; n8n's
 * httpRequestWithAuthentication would send the credential's own expression instead. The
 * HTTP client's own error is dropped here: its request config holds the key.
 */
async function attempt(this: ApiContext, credentials: LeadsopediaCredentials, options: IHttpRequestOptions, policy: SendPolicy): Promise<Attempt> {
	const connection = connectionOptions(credentials, policy.connection);
	// The request's own `timeout` limits silence only; this bounds the whole exchange. n8n's
	// httpRequestWithAuthentication would replace the signal with the Stop's alone.
	const deadline = new Deadline(policy.deadlineMs ?? Number(connection.timeout));
	try {
		const response = (await this.helpers.httpRequest({
			...options,
			...connection,
			headers: { ...options.headers, 'X-Api-Key': credentials.apiKey },
			abortSignal: deadline.withStop(Stop.of(this).signal),
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			// A redirect could lead the key header to another host: never follow one.
			disableFollowRedirect: true,
		})) as IN8nHttpFullResponse;
		return { response, deadline };
	} catch (error) {
		return { networkCode: deadline.expired ? 'ETIMEDOUT' : networkCodeOf(error), limitMs: deadline.ms };
	}
}

/** The system's code for a failed request (ECONNRESET, ETIMEDOUT, …), never its message: that may hold the request. */
export function networkCodeOf(error: unknown): string {
	const code = (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;
	return typeof code === 'string' ? code : 'network error';
}

/**
 * Sends one request to the API, paced per key, and tries again where that is safe: after
 * a 429 (waiting its Retry-After), and for repeatable requests after a 5xx, a reset or a
 * timeout. Returns the last answer, whatever its status; throws only when no answer came,
 * the monthly quota is spent or the execution was stopped (no call starts after a Stop,
 * and no wait outlasts it). Every error it raises is built from safe strings only.
 */
export async function sendToApi(
	this: ApiContext,
	credentials: LeadsopediaCredentials,
	options: IHttpRequestOptions,
	policy: SendPolicy,
): Promise<Sent> {
	const proxyProblem = cleartextProxyProblem(credentials.baseUrl, policy.connection?.proxy?.host);
	if (proxyProblem) throw new NodeOperationError(this.getNode(), proxyProblem.message, { description: proxyProblem.description });
	const key = keyFingerprint(credentials.apiKey);
	const stop = Stop.of(this);
	const fail = (message: string, description: string, status?: number) =>
		apiError(this.getNode(), { operation: policy.operation, status, message, description, apiKey: credentials.apiKey });

	// A lost connection or a 5xx may come after the API acted; a 429 never does.
	let earlierTryMayHaveActed = false;
	for (let tryNumber = 1; ; tryNumber++) {
		const send = async () => await attempt.call(this, credentials, options, policy);
		const outcome = await inTurn(key, credentials.intervalMs, send, stop);
		// A request n8n aborted for the Stop ends as a network error: not one to try again.
		stop.check();
		const lastTry = tryNumber >= credentials.maxTries;

		if ('networkCode' in outcome) {
			if (policy.repeatable && !lastTry) {
				earlierTryMayHaveActed = true;
				await stop.pause(backoffMs(tryNumber, credentials.maxWaitMs));
				continue;
			}
			// The code goes in the description: n8n would replace a message naming it with its own.
			const what = isTimeoutCode(outcome.networkCode)
				? `No complete answer arrived within ${outcome.limitMs / 1000} s`
				: 'The connection failed before an answer arrived';
			throw fail(
				`Could not reach Leadsopedia to ${policy.operation}`,
				`${what} (${outcome.networkCode}${tryNumber > 1 ? `, ${tryNumber} tries` : ''}). Check the Base URL and the network.`,
			);
		}

		const { response } = outcome;
		if (response.statusCode === 429) {
			const now = Date.now();
			const retryAfter = response.headers['retry-after'];
			const { waitMs, quotaSpent } = readRateLimit(retryAfter, bodyText(response.body), credentials.maxWaitMs, now);
			if (quotaSpent) {
				throw fail(
					'The monthly quota of Leadsopedia API calls is spent',
					`Leadsopedia allows 15,000 calls a month per API key. ${quotaResetSentence(retryAfter, waitMs, now)}`,
					429,
				);
			}
			// Every other call with this key waits as well: the limit is the key's, not this call's.
			const holdUntil = refused(key, credentials.intervalMs, waitMs ?? backoffMs(tryNumber, credentials.maxWaitMs), now);
			// A poll may wait past Max Tries, charged the whole hold (a step aside included).
			if (lastTry && !policy.pastMaxTries?.spend(holdUntil - now)) return { response, earlierTryMayHaveActed, deadline: outcome.deadline };
			release(response.body);
			continue;
		}
		admitted(key);
		if (isTransientStatus(response.statusCode) && policy.repeatable && !lastTry) {
			earlierTryMayHaveActed = true;
			release(response.body);
			await stop.pause(backoffMs(tryNumber, credentials.maxWaitMs));
			continue;
		}
		return { response, earlierTryMayHaveActed, deadline: outcome.deadline };
	}
}

/** The one way the package calls a JSON endpoint of the Leadsopedia API. */
export async function callApi(this: ApiContext, call: ApiCall): Promise<ApiAnswer> {
	const credentials = await credentialsOf(this);
	const fail = (status: number, message: string, description?: string) =>
		apiError(this.getNode(), { operation: call.operation, status, message, description, apiKey: credentials.apiKey });

	const headers: IDataObject = { Accept: 'application/json' };
	if (call.body) headers['Content-Type'] = 'application/json';
	const repeatable = call.method === 'GET' || call.method === 'DELETE' || call.upsert === true;
	const { response, earlierTryMayHaveActed } = await sendToApi.call(
		this,
		credentials,
		{ method: call.method, baseURL: credentials.baseUrl, url: call.path, qs: call.qs, body: call.body, headers, json: false, encoding: 'text' },
		{ operation: call.operation, repeatable, connection: call.connection, pastMaxTries: call.pastMaxTries },
	);

	const status = response.statusCode;
	if (status === 404 && call.method === 'DELETE' && earlierTryMayHaveActed) {
		// The earlier try deleted it and its answer was lost: gone is what was asked for.
		return { status, headers: response.headers, body: undefined };
	}
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
		// A 201 Created may bring only its Location header: the caller reads the new id there.
		if (call.allowEmptyBody || status === 201) return { status, headers: response.headers, body: undefined };
		throw fail(status, `Leadsopedia answered ${status} with an empty body to ${call.operation}`);
	}
	if (!parsed.ok) {
		throw fail(status, `Leadsopedia answered ${status} with ${describeBody(text)} to ${call.operation}`);
	}
	return { status, headers: response.headers, body: parsed.value };
}
