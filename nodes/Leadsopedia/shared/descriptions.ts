import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination';

type Show = NonNullable<IDisplayOptions['show']>;

/** The list a contact operation (or the trigger) works in: picked by name or typed as an ID. */
export function listLocator(show: Show, description = 'The lead list to use'): INodeProperties {
	return {
		displayName: 'List',
		name: 'listId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		displayOptions: { show },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a list…',
				typeOptions: { searchListMethod: 'searchLists', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 42',
				validation: [
					{ type: 'regex', properties: { regex: '^[1-9][0-9]*$', errorMessage: 'A list ID is a positive whole number' } },
				],
			},
		],
	};
}

/** Return All, Limit and Page Size for a Get Many of `noun` ("lists", "contacts", …). */
export function pagingFields(show: Show, noun: string): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: { show },
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1 },
			description: 'Max number of results to return',
			displayOptions: { show: { ...show, returnAll: [false] } },
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions: { show },
			options: [
				{
					displayName: 'Offset',
					name: 'offset',
					type: 'number',
					default: 0,
					typeOptions: { minValue: 0 },
					description: `How many ${noun} to skip before the first one returned. With Limit, reads a big list in batches (0, then the Limit, then twice the Limit, …).`,
				},
				{
					displayName: 'Page Size',
					name: 'pageSize',
					type: 'number',
					default: DEFAULT_PAGE_SIZE,
					typeOptions: { minValue: 1, maxValue: MAX_PAGE_SIZE },
					description: `How many ${noun} to fetch per API call. The API allows one call every 10 seconds, so 1000 fetches large lists up to 10 times faster.`,
				},
			],
		},
	];
}
