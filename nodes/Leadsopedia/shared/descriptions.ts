import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination';

type Show = NonNullable<IDisplayOptions['show']>;

interface Locator {
	displayName: string;
	name: string;
	/** The listSearch method of the "From List" mode. */
	searchListMethod: string;
	/** "list", "download": for the placeholder and the By ID check. */
	noun: string;
	description: string;
}

/** A Leadsopedia item picked by name from a searchable list, or typed as its ID. */
function idLocator(show: Show, locator: Locator): INodeProperties {
	return {
		displayName: locator.displayName,
		name: locator.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: locator.description,
		displayOptions: { show },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select a ${locator.noun}…`,
				typeOptions: { searchListMethod: locator.searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 42',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^[1-9][0-9]*$', errorMessage: `A ${locator.noun} ID is a positive whole number` },
					},
				],
			},
		],
	};
}

/** The list a contact operation (or the trigger) works in. */
export function listLocator(show: Show, description = 'The lead list to use'): INodeProperties {
	return idLocator(show, { displayName: 'List', name: 'listId', searchListMethod: 'searchLists', noun: 'list', description });
}

/**
 * The export a download operation works on. Workflows saved when this was a plain text
 * field keep working: n8n hands such a value to the node as it is.
 */
export function downloadLocator(show: Show): INodeProperties {
	return idLocator(show, {
		displayName: 'Download',
		name: 'downloadId',
		searchListMethod: 'searchDownloads',
		noun: 'download',
		description: 'The export file, picked by file name or typed as its ID (the `id` from Download → Get Many)',
	});
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
		optionsCollection(show, [
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
				description: `How many ${noun} to fetch per API call, from 1 to ${MAX_PAGE_SIZE}. The API allows one call every 10 seconds: ${MAX_PAGE_SIZE} fetches a long list ${MAX_PAGE_SIZE / DEFAULT_PAGE_SIZE} times faster than the default ${DEFAULT_PAGE_SIZE}.`,
			},
		]),
	];
}

/** An operation's optional settings, under Options. */
export function optionsCollection(show: Show, options: INodeProperties[]): INodeProperties {
	return { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, displayOptions: { show }, options };
}
