import { NodeConnectionTypes, type INodeProperties, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { searchDownloads } from './listSearch/searchDownloads';
import { searchLists } from './listSearch/searchLists';
import { accountProperties } from './resources/account';
import { contactProperties } from './resources/contact';
import { downloadProperties } from './resources/download';
import { listProperties } from './resources/list';
import { leadsopediaApiTest } from './shared/credential-test';
import { subtitleFor } from './shared/subtitle';

const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Account', value: 'account' },
			{ name: 'Contact', value: 'contact' },
			{ name: 'Download', value: 'download' },
			{ name: 'List', value: 'list' },
		],
		default: 'contact',
	},
	...accountProperties,
	...contactProperties,
	...downloadProperties,
	...listProperties,
];

export class Leadsopedia implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Leadsopedia',
		name: 'leadsopedia',
		icon: { light: 'file:leadsopedia.svg', dark: 'file:leadsopedia.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: subtitleFor(properties),
		description: 'Manage lead lists and contacts, fetch exports and watch credits in Leadsopedia',
		defaults: { name: 'Leadsopedia' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'leadsopediaApi', required: true, testedBy: 'leadsopediaApiTest' }],
		// Requests are sent by the operations' runner (shared/operation.ts), which takes the
		// base URL from the credential after checking it; these defaults document the target.
		requestDefaults: {
			baseURL: '={{$credentials.baseUrl}}',
			headers: { Accept: 'application/json' },
		},
		properties,
	};

	methods = { listSearch: { searchLists, searchDownloads }, credentialTest: { leadsopediaApiTest } };
}
