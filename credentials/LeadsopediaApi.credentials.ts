import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

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

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/account',
		},
	};
}
