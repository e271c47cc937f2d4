import { NodeOperationError, type INode } from 'n8n-workflow';

export const CREDENTIAL_TYPE = 'leadsopediaApi';

export interface LeadsopediaCredentials {
	apiKey: string;
	/** Without a trailing slash. */
	baseUrl: string;
}

const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/**
 * The key may only travel encrypted, except to this machine (a local sandbox or proxy):
 * a plain-http base URL on any other host is refused before a call is made.
 */
export function checkedCredentials(node: INode, data: Record<string, unknown>): LeadsopediaCredentials {
	const apiKey = String(data.apiKey ?? '');
	const rawBaseUrl = String(data.baseUrl ?? '').trim().replace(/\/+$/, '');
	let url: URL;
	try {
		url = new URL(rawBaseUrl);
	} catch {
		throw new NodeOperationError(node, 'The Base URL in the Leadsopedia credential is not a valid URL', {
			description: 'Use https://api.leadsopedia.com/v1 unless you reach the API through a proxy.',
		});
	}
	const isLoopback = LOOPBACK_HOST.test(url.hostname);
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback)) {
		throw new NodeOperationError(node, 'The Base URL in the Leadsopedia credential must use https', {
			description: `"${url.origin}" would send the API key unencrypted. Plain http is allowed only for a loopback address such as http://127.0.0.1.`,
		});
	}
	if (!apiKey) {
		throw new NodeOperationError(node, 'The Leadsopedia credential has no API key');
	}
	return { apiKey, baseUrl: rawBaseUrl };
}
