import { cronNodeOptions, type INodeProperties } from 'n8n-workflow';
import { listLocator } from '../shared/descriptions';

/**
 * n8n gives every polling node a Poll Times parameter defaulting to every minute: 43,200
 * calls a month, almost three times the API's 15,000. This node declares its own instead
 * (the node keeps n8n's out, see LeadsopediaTrigger.node.ts): every hour by default, 720
 * calls a month when idle.
 */
const pollTimes: INodeProperties = {
	displayName: 'Poll Times',
	name: 'pollTimes',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Poll Time' },
	default: { item: [{ mode: 'everyHour' }] },
	description: 'Time at which polling should occur',
	placeholder: 'Add Poll Time',
	options: cronNodeOptions,
};

export const triggerProperties: INodeProperties[] = [
	pollTimes,
	{
		displayName:
			'Leadsopedia allows 15,000 API calls a month. Polling every minute would take 43,200, so this trigger polls every hour by default (720 calls a month). A poll with nothing new costs 1 call; watching every list, 1 for the lists plus a daily check of each list with contacts (100 lists polled hourly: 3,720 calls a month); new contacts cost 1 more call per 1,000. The hint below gives the figure for the chosen Poll Times when it can be known; a configuration past the quota is refused at activation unless allowed below.',
		name: 'quotaNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'New Contact',
				value: 'newContact',
				description: 'A contact is added to a list: one item per contact, in the order they were added',
			},
		],
		default: 'newContact',
	},
	{
		displayName: 'Watch All Lists',
		name: 'watchAllLists',
		type: 'boolean',
		default: false,
		description: 'Whether to watch every list of the account (one more call per list with contacts and poll) instead of one',
	},
	listLocator({ watchAllLists: [false] }, 'The list whose new contacts start the workflow'),
	{
		displayName: 'Allow More Calls Than the Quota',
		name: 'allowOverQuota',
		type: 'boolean',
		default: false,
		description:
			"Whether to activate even when the Poll Times and the lists watched take more than the API's 15,000 calls a month when nothing is new. Once the quota is spent, every workflow using the API key fails until the next month.",
	},
];
