import type { IDataObject } from 'n8n-workflow';
import { expectCall, useNock, type CallCase } from '../helpers/nock';

const account = {
	id: 1,
	name: 'Demo Ltd',
	address: '1 Main St',
	phone: '+1 555 0100',
	email: 'owner@demo.example',
	company: 'Demo Ltd',
	status: 'active',
	date_created: '2023-01-01T00:00:00Z',
};
const activity = { id: 1, type: 'export', description: 'Exported leads.csv', date_added: '2024-03-01T00:00:00Z' };
const search = { id: '65f1c0ffee0000000000abcd', type: 'contacts', lead_count: 250, date_added: '2024-03-02T00:00:00Z' };

/** Get Usage's answer is not specified: whatever comes, each item's json is an object (issue 10, point 8). */
const usageAnswers: Array<[string, unknown, IDataObject[]]> = [
	['an array of objects is one item each', [{ day: '2024-05-01', calls: 3 }, { day: '2024-05-02', calls: 4 }], [{ day: '2024-05-01', calls: 3 }, { day: '2024-05-02', calls: 4 }]],
	['an array of other values is one { data } item each', '[3, "four", null]', [{ data: 3 }, { data: 'four' }, { data: null }]],
	['an empty array is no item', '[]', []],
	['a number becomes { data }', '42', [{ data: 42 }]],
	['a string becomes { data }', '"42 calls this month"', [{ data: '42 calls this month' }]],
	['true becomes { data }', 'true', [{ data: true }]],
	['null becomes { data: null }', 'null', [{ data: null }]],
];

const cases: CallCase[] = [
	{
		title: 'Get',
		parameters: { resource: 'account', operation: 'get' },
		method: 'GET',
		path: '/account',
		reply: account,
		output: [account],
	},
	{
		title: 'Get Credits',
		parameters: { resource: 'account', operation: 'getCredits' },
		method: 'GET',
		path: '/account/credits',
		reply: { credits_total: 1000, credits_used: 250, credits_left: 750 },
		output: [{ credits_total: 1000, credits_used: 250, credits_left: 750 }],
	},
	{
		title: 'Get Usage: an object is one item, as the API reports it',
		parameters: { resource: 'account', operation: 'getUsage' },
		method: 'GET',
		path: '/account/usage',
		reply: { month: '2024-05', calls: 42, quota: 15000, by_endpoint: { '/contacts': 40 } },
		output: [{ month: '2024-05', calls: 42, quota: 15000, by_endpoint: { '/contacts': 40 } }],
	},
	...usageAnswers.map(
		([answer, reply, output]): CallCase => ({
			title: `Get Usage: ${answer}`,
			parameters: { resource: 'account', operation: 'getUsage' },
			method: 'GET',
			path: '/account/usage',
			reply,
			output,
		}),
	),
	{
		title: 'Get Activity: one item per activity',
		parameters: { resource: 'account', operation: 'getActivity', limit: 10 },
		method: 'GET',
		path: '/account/activity',
		query: { page: 1, limit: 10 },
		reply: { activities: [activity, { ...activity, id: 2 }], total: 2, page: 1, limit: 10, pagesCount: 1 },
		output: [activity, { ...activity, id: 2 }],
	},
	{
		title: 'Get Search History: one item per search',
		parameters: { resource: 'account', operation: 'getHistory', limit: 10 },
		method: 'GET',
		path: '/account/history',
		query: { page: 1, limit: 10 },
		reply: { history: [search], total: 1, page: 1, limit: 10, pagesCount: 1 },
		output: [search],
	},
];

describe('Account', () => {
	useNock();
	it.each(cases)('$title', expectCall);
});
