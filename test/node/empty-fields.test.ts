import type { INodeProperties } from 'n8n-workflow';
import { Leadsopedia } from '../../nodes/Leadsopedia/Leadsopedia.node';
import { api, listRef, pairedTo, requests, run, useNock, v1 } from '../helpers/nock';

/**
 * Issue 19, point 1: a mapped field whose value is empty (a CRM row with an empty column,
 * `{{ $json.phone }}`) must not erase what Leadsopedia stores. Create or Update sends no
 * field that is null, undefined, empty or blank; a deliberate clear goes through Contact → Update.
 */

/** Every contact field of Additional Fields, as n8n names it and as the API spells it. */
const FIELDS: Array<[string, string]> = [
	['firstName', 'first_name'],
	['lastName', 'last_name'],
	['title', 'title'],
	['company', 'company'],
	['phone', 'phone'],
	['city', 'city'],
	['state', 'state'],
	['region', 'region'],
	['country', 'country'],
];

/** Input items whose `value` is empty in each way a mapped column can be. */
const EMPTY_INPUTS = [{ value: null }, {}, { value: '' }, { value: ' \t ' }];

const stored = { id: 5, email: 'ada@example.com', phone: '+1 312 555 0100' };

describe('Create or Update never sends an empty mapped field', () => {
	useNock();

	it.each(FIELDS)('%s: null, missing, empty and blank values are left out of the body', async (field) => {
		for (let i = 0; i < EMPTY_INPUTS.length; i++) {
			api().post(v1('/contacts')).reply(200, stored);
		}

		const result = await run(
			{
				resource: 'contact',
				operation: 'upsert',
				listId: listRef('7'),
				email: 'ada@example.com',
				additionalFields: { [field]: '={{ $json.value }}' },
			},
			{ input: EMPTY_INPUTS },
		);

		expect(result.error).toBeUndefined();
		expect(requests().map((request) => JSON.parse(request.body))).toEqual(EMPTY_INPUTS.map(() => ({ list_id: 7, email: 'ada@example.com' })));
		expect(result.items).toEqual(EMPTY_INPUTS.flatMap((_input, item) => pairedTo(item, [stored])));
	});

	it('sends the fields that have a value, 0 included, next to the empty ones it leaves out', async () => {
		api().post(v1('/contacts')).reply(200, stored);

		await run(
			{
				resource: 'contact',
				operation: 'upsert',
				listId: listRef('7'),
				email: 'ada@example.com',
				additionalFields: { firstName: 'Ada', phone: '={{ $json.phone }}', country: '={{ $json.country }}', city: '={{ $json.city }}' },
			},
			{ input: [{ phone: null, country: 0, city: ' ' }] },
		);

		expect(requests().map((request) => JSON.parse(request.body))).toEqual([{ list_id: 7, email: 'ada@example.com', first_name: 'Ada', country: 0 }]);
	});

	it('a 201 without a body outputs only what was sent', async () => {
		api().post(v1('/contacts')).reply(201, '', { Location: '/v1/contacts/7?id=99' });

		const result = await run(
			{ resource: 'contact', operation: 'upsert', listId: listRef('7'), email: 'ada@example.com', additionalFields: { phone: '={{ $json.phone }}' } },
			{ input: [{ phone: null }] },
		);

		expect(result.items).toEqual(pairedTo(0, [{ id: 99, list_id: 7, email: 'ada@example.com' }]));
	});

	it('Contact → Update still sends an empty value: the deliberate way to clear a field', async () => {
		api().post(v1('/contacts/5'), { phone: '' }).reply(200, { ...stored, phone: null });

		const result = await run({ resource: 'contact', operation: 'update', contactId: '5', updateFields: { phone: '' } });

		expect(result.error).toBeUndefined();
	});
});

describe('The contact fields say how empty values behave', () => {
	const { properties } = new Leadsopedia().description;
	const collection = (name: string) => properties.find((property) => property.name === name)?.options as INodeProperties[];

	it.each(FIELDS)('%s in Create or Update: left out when empty, cleared through Contact → Update', (field) => {
		const option = collection('additionalFields').find((property) => property.name === field);
		expect(option?.description).toMatch(/empty.*not sent.*Contact → Update/);
	});

	it.each(FIELDS)('%s in Update: an empty value clears the stored one', (field) => {
		const option = collection('updateFields').find((property) => property.name === field);
		expect(option?.description).toMatch(/empty value clears/i);
	});
});
