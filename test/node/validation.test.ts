import type { INodeParameters } from 'n8n-workflow';
import { expectRefused, listRef, requestLines, run, useNock } from '../helpers/nock';

/** A list id typed as an expression: n8n's own regex check of the By ID mode does not see it. */
const listExpression = (value: string) => listRef(`={{ ${JSON.stringify(value)} }}`);

const contactGet = (email: string): INodeParameters => ({ resource: 'contact', operation: 'get', listId: listRef('7'), identifyBy: 'email', email });

const badInput: Array<[string, INodeParameters, string | RegExp]> = [
	['an email without a domain', contactGet('jane@'), 'Email "jane@" is not a valid email address'],
	['an email without a dot in the domain', contactGet('jane@acme'), 'Email "jane@acme" is not a valid email address'],
	['an email with a space', contactGet('jane doe@acme.com'), /^Email .* is not a valid email address$/],
	['an email that evaluates to nothing', contactGet('={{ $json.missing }}'), 'Email "" is not a valid email address'],
	[
		'an invalid email on Create or Update',
		{ resource: 'contact', operation: 'upsert', listId: listRef('7'), email: 'not-an-email' },
		'Email "not-an-email" is not a valid email address',
	],
	[
		'an invalid email on Delete from every list',
		{ resource: 'contact', operation: 'delete', identifyBy: 'email', email: 'x@y', fromEveryList: true },
		'Email "x@y" is not a valid email address',
	],
	['a list id that is not a number', { resource: 'list', operation: 'get', listId: listExpression('x7') }, 'List must be a positive whole number, got "x7"'],
	[
		'a list id beyond exact whole numbers (2^53)',
		{ resource: 'list', operation: 'get', listId: listExpression('9007199254740993') },
		'List must be a positive whole number, got "9007199254740993"',
	],
	['a list id of 0', { resource: 'list', operation: 'delete', listId: listExpression('0') }, 'List must be a positive whole number, got "0"'],
	['a negative list id', { resource: 'contact', operation: 'getAll', listId: listExpression('-3') }, 'List must be a positive whole number, got "-3"'],
	['a fractional list id', { resource: 'list', operation: 'update', listId: listExpression('1.5'), name: 'x' }, 'List must be a positive whole number, got "1.5"'],
	['a list that evaluates to nothing', { resource: 'list', operation: 'get', listId: listRef('={{ $json.missing }}') }, 'List must be a positive whole number, got ""'],
	[
		'a contact id with a path in it',
		{ resource: 'contact', operation: 'update', contactId: '../mylists/7', updateFields: { title: 'x' } },
		'Contact ID must be a positive whole number, got "../mylists/7"',
	],
	[
		'a contact id of 0',
		{ resource: 'contact', operation: 'get', listId: listRef('7'), identifyBy: 'id', contactId: '0' },
		'Contact ID must be a positive whole number, got "0"',
	],
	[
		'a fractional contact id',
		{ resource: 'contact', operation: 'delete', identifyBy: 'id', listId: listRef('7'), contactId: '12.0' },
		'Contact ID must be a positive whole number, got "12.0"',
	],
	['a negative download id', { resource: 'download', operation: 'get', downloadId: '-17' }, 'Download must be a positive whole number, got "-17"'],
	['a download id with a query in it', { resource: 'download', operation: 'delete', downloadId: '17?x=1' }, 'Download must be a positive whole number, got "17?x=1"'],
	['a list name that evaluates to nothing', { resource: 'list', operation: 'create', name: '={{ $json.missing }}' }, 'Name must not be empty'],
	['a blank list name', { resource: 'list', operation: 'create', name: '   ' }, 'Name must not be empty'],
	['a new list name that evaluates to blanks', { resource: 'list', operation: 'update', listId: listRef('7'), name: '={{ "  " }}' }, 'New Name must not be empty'],
	['a limit of 0', { resource: 'list', operation: 'getAll', limit: 0 }, /^Limit must be a whole number from 1 to \d+, got "0"$/],
	['a negative limit', { resource: 'download', operation: 'getAll', limit: -5 }, /^Limit must be a whole number from 1 to \d+, got "-5"$/],
	['a fractional limit', { resource: 'account', operation: 'getHistory', limit: 2.5 }, /^Limit must be a whole number from 1 to \d+, got "2.5"$/],
	[
		'a page size above 1000',
		{ resource: 'contact', operation: 'getAll', listId: listRef('7'), returnAll: true, options: { pageSize: 1001 } },
		'Page Size must be a whole number from 1 to 1000, got "1001"',
	],
	[
		'a negative offset',
		{ resource: 'contact', operation: 'getAll', listId: listRef('7'), limit: 10, options: { offset: -1 } },
		/^Offset must be a whole number from 0 to \d+, got "-1"$/,
	],
	['an update with no fields', { resource: 'contact', operation: 'update', contactId: '123', updateFields: {} }, 'Update Fields must contain at least one field'],
	[
		'a binary field name that evaluates to nothing',
		{ resource: 'download', operation: 'getFile', downloadId: '17', binaryPropertyName: '={{ $json.missing }}' },
		'Put Output File in Field must not be empty',
	],
];

describe('Bad input is refused before any request', () => {
	useNock();

	it.each(badInput)('%s', async (_title, parameters, message) => {
		const result = await run(parameters);

		expectRefused(result, message);
		expect(result.error).toMatchObject({ name: 'NodeOperationError', context: { itemIndex: 0 } });
	});

	// Typed (not computed) values that n8n checks itself before the node runs.
	it.each<[string, INodeParameters]>([
		['a non-numeric list id typed in the By ID mode', { resource: 'list', operation: 'get', listId: listRef('x7') }],
		['no list picked', { resource: 'list', operation: 'get', listId: { __rl: true, mode: 'list', value: '' } }],
		['an empty required name', { resource: 'list', operation: 'create', name: '' }],
		['an empty required email', contactGet('')],
		['an empty binary field name', { resource: 'download', operation: 'getFile', downloadId: '17', binaryPropertyName: '' }],
	])('n8n refuses %s', async (_title, parameters) => {
		expectRefused(await run(parameters), /has issues|positive whole number/);
	});
});

describe('A refused input item reads as the node’s own error, not as an API answer', () => {
	useNock();

	it('is a NodeOperationError naming the item, with no HTTP code, and no item calls (issue 19, point 2)', async () => {
		const input = [{ email: 'ok@acme.com' }, { email: 'jane@' }];

		const result = await run(contactGet('={{ $json.email }}'), { input });

		expect(result.error).toMatchObject({ name: 'NodeOperationError', message: 'Email "jane@" is not a valid email address', context: { itemIndex: 1 } });
		expect(result.error?.httpCode ?? undefined).toBeUndefined();
		expect(requestLines()).toEqual([]);
	});
});
