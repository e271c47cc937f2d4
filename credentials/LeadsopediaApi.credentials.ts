import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';
import { CREDENTIAL_DEFAULTS } from '../nodes/Leadsopedia/shared/credentials';

/** A Base URL the key may be sent to: https, or plain http to this machine only. */
const SAFE_BASE_URL = String.raw`^(https:\/\/|http:\/\/(localhost|127(\.\d{1,3}){3}|\[::1\])(:\d+)?(\/|$))`;

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
			typeOptions: { minValue: 0 },
			description:
				'The API allows one call every 10 seconds per key: every node and trigger using this key in this n8n waits its turn. 0 turns the spacing off (for the sandbox or a plan with other limits).',
		},
		{
			displayName: 'Max Tries',
			name: 'maxTries',
			type: 'number',
			default: CREDENTIAL_DEFAULTS.maxTries,
			typeOptions: { minValue: 1, maxValue: 10 },
			description:
				'Tries in all for a call hit by a rate limit, or, for calls safe to repeat, by a server failure or a lost connection',
		},
		{
			displayName: 'Max Wait Before Retry (Seconds)',
			name: 'maxRetryWait',
			type: 'number',
			default: CREDENTIAL_DEFAULTS.maxRetryWait,
			typeOptions: { minValue: 1 },
			description: 'The longest wait before a retry. A rate limit asking for longer (a spent monthly quota) fails at once with the reset date.',
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeout',
			type: 'number',
			default: CREDENTIAL_DEFAULTS.timeout,
			typeOptions: { minValue: 1 },
			description: 'How long to wait for an answer before the call counts as lost',
		},
	];

	// The key travels only in this header, never in a URL.
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				'X-Api-Key': '={{$credentials.apiKey}}',
			},
		},
	};

	// Like the nodes, the test sends the key only over https or to this machine: any other
	// Base URL becomes an address no request can be made to.
	test: ICredentialTestRequest = {
		request: {
			baseURL: String.raw`={{ /${SAFE_BASE_URL}/i.test($credentials.baseUrl) ? $credentials.baseUrl.replace(/\/+$/, '') : 'refused:the-base-url-must-use-https' }}`,
			url: '/account',
		},
		// What the credential dialog says for each answer; n8n shows only the network code when none came.
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: 'Leadsopedia rejected the API key. Copy it again from Leadsopedia under Settings → API Key and paste it here.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message: 'The API key has no access to the Leadsopedia API. Check that your plan includes API access, or use a key of an account that has it.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message: 'No Leadsopedia API at this Base URL. Use https://api.leadsopedia.com/v1 unless you go through a proxy.',
				},
			},
		],
	};
}
