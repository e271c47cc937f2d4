import { NodeOperationError, type INode } from 'n8n-workflow';
import { isLoopbackHost } from './addresses';
import { readApiKey, type ApiKeyReading } from './api-key';

export const CREDENTIAL_TYPE = 'leadsopediaApi';

export const LEADSOPEDIA_API_HOST = 'api.leadsopedia.com';

export interface LeadsopediaCredentials {
	apiKey: string;
	/** Without a trailing slash. */
	baseUrl: string;
	/** Least time between the starts of two calls with this key; 0 turns pacing off. */
	intervalMs: number;
	maxTries: number;
	maxWaitMs: number;
	timeoutMs: number;
}

/** The API's own limit and this package's retry bounds; also what older saved credentials get. */
export const CREDENTIAL_DEFAULTS = {
	requestInterval: 10,
	maxTries: 4,
	maxRetryWait: 60,
	timeout: 60,
} as const;

/**
 * The most each field takes, in the editor and at run time: Node's timers hold about 24.8
 * days, and a longer wait fires after 1 ms (a Timeout typed to mean "never" would fail at
 * once, a Max Wait would retry at once).
 */
export const CREDENTIAL_LIMITS = {
	requestInterval: 3600,
	maxTries: 10,
	maxRetryWait: 86_400,
	timeout: 3600,
} as const;

function seconds(value: unknown, fallback: number, max: number): number {
	const number = Number(value);
	const given = value === undefined || value === null || value === '' || !Number.isFinite(number) || number < 0 ? fallback : number;
	return Math.min(given, max);
}

/**
 * Real keys have 23 characters. A shorter string cannot be one, and redacting it would
 * blank out its letters wherever they occur in a message, mangling the text and giving
 * the key away; such a key is refused before any call.
 */
export const MIN_API_KEY_LENGTH = 16;

/** `word` in any mix of upper and lower case, as a pattern: the form's regex takes no flags. */
const anyCase = (word: string) => word.replace(/[a-z]/g, (letter) => `[${letter}${letter.toUpperCase()}]`);

/** The hosts plain http may go to: this machine only (a local sandbox or proxy). */
const LOOPBACK_HOSTNAME = String.raw`(${anyCase('localhost')}|127(\.\d{1,3}){3}|\[::1\])`;

/**
 * A Base URL the key may be sent to: https, or plain http to a loopback host, in any case
 * and with spaces around it (they are trimmed). One pattern for the credential form's https
 * notice and the nodes' check, so the form warns exactly when the nodes refuse.
 */
export const SAFE_BASE_URL = String.raw`^\s*(${anyCase('https')}:\/\/|${anyCase('http')}:\/\/${LOOPBACK_HOSTNAME}(:\d+)?([\/?#\s]|$))`;
const SAFE_BASE_URL_PATTERN = new RegExp(SAFE_BASE_URL);

/** Why a credential cannot be used, said before any call: for a node's error and the Test button alike. */
export interface CredentialProblem {
	message: string;
	description?: string;
}

const savedApiKey = (data: Record<string, unknown>) => readApiKey(String(data.apiKey ?? ''));
const keyOf = (reading: ApiKeyReading) => ('key' in reading ? reading.key : '');
const baseUrlOf = (data: Record<string, unknown>) => String(data.baseUrl ?? '').trim().replace(/\/+$/, '');

/**
 * The key may only travel encrypted, except to this machine (a local sandbox or proxy):
 * a plain-http base URL on any other host is refused before a call is made.
 */
export function credentialProblem(data: Record<string, unknown>): CredentialProblem | undefined {
	let url: URL;
	try {
		url = new URL(baseUrlOf(data));
	} catch {
		return {
			message: 'The Base URL in the Leadsopedia credential is not a valid URL',
			description: 'Use https://api.leadsopedia.com/v1 unless you reach the API through a proxy.',
		};
	}
	if (!SAFE_BASE_URL_PATTERN.test(String(data.baseUrl ?? ''))) {
		return {
			message: 'The Base URL in the Leadsopedia credential must use https',
			description: `"${url.origin}" would send the API key unencrypted. Plain http is allowed only for a loopback address such as http://127.0.0.1.`,
		};
	}
	const reading = savedApiKey(data);
	if ('wrongCharacter' in reading) {
		return {
			message: 'The API key in the Leadsopedia credential has a character no Leadsopedia key has',
			description: `Character ${reading.position} of the key is ${reading.wrongCharacter}. Copy the key again from Leadsopedia under Settings → API Key.`,
		};
	}
	const apiKey = reading.key;
	if (!apiKey) return { message: 'The Leadsopedia credential has no API key' };
	if (apiKey.length < MIN_API_KEY_LENGTH) {
		return {
			message: 'The API key in the Leadsopedia credential is too short to be a Leadsopedia key',
			description: `Leadsopedia API keys are at least ${MIN_API_KEY_LENGTH} characters long. Copy the whole key from Leadsopedia under Settings → API Key.`,
		};
	}
	return undefined;
}

/**
 * Plain http is allowed to this machine only; through a proxy on another machine the key
 * would travel unencrypted to it, and the proxy would reach its own 127.0.0.1.
 * `proxyHost` is the host of the node's Request Options proxy, if any.
 */
export function cleartextProxyProblem(baseUrl: string, proxyHost: string | undefined): CredentialProblem | undefined {
	if (proxyHost === undefined || new URL(baseUrl).protocol !== 'http:' || isLoopbackHost(proxyHost)) return undefined;
	return {
		message: 'A plain-http Base URL cannot be used through a proxy on another machine',
		description: `The proxy in the node's Request Options (${proxyHost}) would receive the API key unencrypted and reach its own ${new URL(baseUrl).host}. Use an https Base URL, or remove the proxy (one on this machine is fine).`,
	};
}

/** The credential's fields with defaults filled in; only for data `credentialProblem` passed. */
export function credentialsFrom(data: Record<string, unknown>): LeadsopediaCredentials {
	return {
		apiKey: keyOf(savedApiKey(data)),
		baseUrl: baseUrlOf(data),
		intervalMs: seconds(data.requestInterval, CREDENTIAL_DEFAULTS.requestInterval, CREDENTIAL_LIMITS.requestInterval) * 1000,
		maxTries: Math.max(1, Math.floor(seconds(data.maxTries, CREDENTIAL_DEFAULTS.maxTries, CREDENTIAL_LIMITS.maxTries))),
		maxWaitMs: seconds(data.maxRetryWait, CREDENTIAL_DEFAULTS.maxRetryWait, CREDENTIAL_LIMITS.maxRetryWait) * 1000,
		timeoutMs: Math.max(1, seconds(data.timeout, CREDENTIAL_DEFAULTS.timeout, CREDENTIAL_LIMITS.timeout)) * 1000,
	};
}

/** The credential as a node uses it, refused with the node's own error when it cannot be used. */
export function checkedCredentials(node: INode, data: Record<string, unknown>): LeadsopediaCredentials {
	const problem = credentialProblem(data);
	if (problem) throw new NodeOperationError(node, problem.message, { description: problem.description });
	return credentialsFrom(data);
}
