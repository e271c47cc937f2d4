import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';
import { CREDENTIAL_DEFAULTS, CREDENTIAL_LIMITS, LEADSOPEDIA_API_HOST, SAFE_BASE_URL } from '../nodes/Leadsopedia/shared/credentials';

export class LeadsopediaApi implements ICredentialType {
	name = 'leadsopediaApi';

	displayName = 'Leadsopedia API';

	icon: Icon = {
		light: 'file:../nodes/Leadsopedia/leadsopedia.svg',
		dark: 'file:../nodes/Leadsopedia/leadsopedia.dark.svg',
	};

	documentationUrl = 'https://github.com/leadsopedia/n8n-nodes-leadsopedia#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Found in Leadsopedia under Settings → API Key',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.leadsopedia.com/v1',
			required: true,
			description:
				'Change only to reach the API through a proxy or the local sandbox. Must be https, except for a loopback address.',
		},
		{
			displayName: 'The Base URL must use https (plain http only to localhost, 127.x.x.x or [::1]): the key is never sent elsewhere',
			name: 'baseUrlNotice',
			type: 'notice',
			default: '',
			displayOptions: { hide: { baseUrl: [{ _cnd: { regex: SAFE_BASE_URL } }] } },
		},
		{
			displayName: 'Seconds Between Calls',
			name: 'requestInterval',
			type: 'number',
			default: CREDENTIAL_DEFAULTS.requestInterval,
			typeOptions: { minValue: 0, maxValue: CREDENTIAL_LIMITS.requestInterval },
			description:
				'The API allows one call every 10 seconds per key: every node and trigger using this key in this n8n waits its turn. 0 turns the spacing off (for the sandbox or a plan with other limits).',
		},
		{
			displayName: 'Max Tries',
			name: 'maxTries',
			type: 'number',
			default: CREDENTIAL_DEFAULTS.maxTries,
			typeOptions: { minValue: 1, maxValue: CREDENTIAL_LIMITS.maxTries },
			description:
				'Tries in all for a call hit by a rate limit, or, for calls safe to repeat, by a server failure or a lost connection',
		},
		{
			displayName: 'Max Wait Before Retry (Seconds)',
			name: 'maxRetryWait',
			type: 'number',
			default: CREDENTIAL_DEFAULTS.maxRetryWait,
			typeOptions: { minValue: 1, maxValue: CREDENTIAL_LIMITS.maxRetryWait },
			description: 'The longest wait before a retry, at most a day. A rate limit asking for longer (a spent monthly quota) fails at once with the reset date.',
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeout',
			type: 'number',
			default: CREDENTIAL_DEFAULTS.timeout,
			typeOptions: { minValue: 1, maxValue: CREDENTIAL_LIMITS.timeout },
			description: 'How long a call may take in all, from sending it to the last byte of the answer, before it counts as lost (at most an hour)',
		},
		// n8n adds these two fields to every credential; declared here so that n8n keeps them
		// with a safe default: in the HTTP Request node the key goes to the API's host only.
		// The Leadsopedia nodes and the Test button always reach the Base URL, whatever is set here.
		{
			displayName: 'Allowed HTTP Request Domains',
			name: 'allowedHttpRequestDomains',
			type: 'options',
			options: [
				{ name: 'All', value: 'all', description: 'Allow all requests when used in the HTTP Request node' },
				{ name: 'None', value: 'none', description: 'Block all requests when used in the HTTP Request node' },
				{ name: 'Specific Domains', value: 'domains', description: 'Restrict requests to specific domains' },
			],
			default: 'domains',
			description: 'Where the HTTP Request node may send this API key. The Leadsopedia nodes always send it to the Base URL only.',
		},
		{
			displayName: 'Allowed Domains',
			name: 'allowedDomains',
			type: 'string',
			default: LEADSOPEDIA_API_HOST,
			description: 'Comma-separated hosts the HTTP Request node may send this API key to (wildcards like *.example.com allowed)',
			displayOptions: { show: { allowedHttpRequestDomains: ['domains'] } },
		},
	];

	// The key travels only in this header, never in a URL; trimmed, as the nodes redact it.
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				'X-Api-Key': '={{String($credentials.apiKey || "").trim()}}',
			},
		},
	};

	// The Test button is the nodes' `leadsopediaApiTest` (shared/credential-test.ts, named by
	// testedBy): n8n uses a node's test only when the credential declares none.
}
