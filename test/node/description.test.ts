import { Workflow, type INode, type INodeProperties, type INodePropertyOptions } from 'n8n-workflow';
import { LeadsopediaApi } from '../../credentials/LeadsopediaApi.credentials';
import { Leadsopedia } from '../../nodes/Leadsopedia/Leadsopedia.node.ts';
import { nodeTypes } from '../helpers/node-types';

const { description } = new Leadsopedia();
const operationSelectors = description.properties.filter((property) => property.name === 'operation');
const operations = operationSelectors.flatMap((selector) =>
	(selector.options as INodePropertyOptions[]).map((option) => ({ resource: selector.displayOptions?.show?.resource?.[0] as string, ...option })),
);
const actions = Object.fromEntries(operations.map((option) => [`${option.resource}:${option.value}`, option.action]));

/** Every property, collection options included, with the operations it shows for. */
function allProperties(properties: INodeProperties[]): INodeProperties[] {
	return properties.flatMap((property) => [
		property,
		...(property.type === 'collection' ? allProperties(property.options as INodeProperties[]) : []),
	]);
}

/** The canvas subtitle as the editor computes it: the expression over the node's parameters. */
function subtitle(parameters: INode['parameters']): unknown {
	const node: INode = { id: 'n', name: 'Leadsopedia', type: 'n8n-nodes-leadsopedia.leadsopedia', typeVersion: 1, position: [0, 0], parameters };
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	return workflow.expression.getSimpleParameterValue(node, description.subtitle as string, 'internal', {});
}

describe('Node description', () => {
	it.each([
		['contact', 'upsert', 'Create or update: Contact'],
		['contact', 'getAll', 'Get many: Contact'],
		['list', 'get', 'Get: List'],
		['download', 'getFile', 'Download file: Download'],
		['account', 'getHistory', 'Get search history: Account'],
	])('shows %s %s on the canvas as "%s"', (resource, operation, shown) => {
		expect(subtitle({ resource, operation })).toBe(shown);
	});

	it('has a readable subtitle for every operation', () => {
		for (const { resource, value } of operations) {
			expect(subtitle({ resource, operation: value as string })).toMatch(/^[A-Z][a-z ]+: [A-Z][a-z]+$/);
		}
	});

	it('names actions without articles, as n8n does', () => {
		expect(actions).toMatchObject({
			'account:get': 'Get account',
			'list:delete': 'Delete list',
			'list:getAll': 'Get many lists',
			'contact:upsert': 'Create or update contact',
			'contact:get': 'Get contact',
			'download:getFile': 'Download file',
		});
		for (const action of Object.values(actions)) expect(action).not.toMatch(/\b(a|an|the)\b/);
	});

	it('calls Download File the same in the operation list and the actions', () => {
		const download = operations.find((option) => option.value === 'getFile');
		expect(download?.action?.toLowerCase()).toBe(download?.name.toLowerCase());
	});

	it('describes upsert and Get Many in n8n’s words', () => {
		const upsert = operations.find((option) => option.resource === 'contact' && option.value === 'upsert');
		// The words n8n's own linter requires (node-param-description-wrong-for-upsert), naming the contact.
		expect(upsert?.description).toBe('Create a new contact, or update the current one if it already exists (upsert)');
		for (const getMany of operations.filter((option) => option.value === 'getAll')) {
			expect(getMany.description).toMatch(/^Retrieve a list of /);
		}
	});

	it('describes every field a user fills in, with e.g. placeholders on free text', () => {
		const fields = allProperties(description.properties).filter((property) => !['options', 'boolean', 'notice', 'collection'].includes(property.type) && property.name !== 'operation');
		const undescribed = fields.filter((property) => !property.description && !property.hint).map((property) => property.name);
		expect(undescribed).toEqual([]);
		const placeholders = fields.filter((property) => property.type === 'string').map((property) => [property.name, property.placeholder]);
		for (const [name, placeholder] of placeholders) expect([name, placeholder]).toEqual([name, expect.stringMatching(/^e\.g\. /)]);
	});

	it('tells Region from State and says how to write a Country', () => {
		const contactFields = allProperties(description.properties).filter((property) => ['region', 'state', 'country'].includes(property.name));
		const describe = (name: string) => contactFields.find((property) => property.name === name)?.description ?? '';
		expect(describe('state')).toMatch(/state or province/i);
		expect(describe('region')).toMatch(/not the state/i);
		expect(describe('country')).toMatch(/code/i);
	});

	it('says nothing of "error" or "problem" in what a user reads', () => {
		const texts = JSON.stringify([description, new LeadsopediaApi().properties]);
		expect(texts).not.toMatch(/\b(error|problem)s?\b/i);
	});

	it('shows no spurious decimal on whole-number settings', () => {
		const numbers = new LeadsopediaApi().properties.filter((property) => property.type === 'number');
		for (const property of numbers) expect([property.name, property.typeOptions?.numberPrecision]).toEqual([property.name, undefined]);
	});
});
