import type {
	IDataObject,
	IExecutePaginationFunctions,
	IHttpRequestMethods,
	INodeExecutionData,
	INodePropertyOptions,
	DeclarativeRestApiSettings,
	GenericValue,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { CollectionKey } from './endpoints';
import { createdFromLocation, namesId } from './created';
import { asNodeError } from './errors';
import { raisedWhenCollected } from './own-error';
import { DEFAULT_PAGE_SIZE, fetchPages, MAX_PAGE_SIZE } from './pagination';
import { ItemsRun, withItemIndex, type ItemTurn } from './items-run';
import { ItemParams } from './params';
import { callApi, connectionOf, type ApiAnswer, type Connection } from './transport';

export interface RequestParts {
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
}

/** Turns the API's answer into output items (without pairing: the runner adds it). */
export type OutputShaper = (
	this: IExecutePaginationFunctions,
	answer: ApiAnswer,
	params: ItemParams,
	/** The node's Request Options, for a shaper that makes a request of its own. */
	connection: Connection,
) => Promise<INodeExecutionData[]> | INodeExecutionData[];

export interface OperationDefinition {
	name: string;
	value: string;
	/** Also the phrase used in messages ("… to get list"), so write it as n8n does: "Get list". */
	action: string;
	description: string;
	method: IHttpRequestMethods;
	/** Reads and checks this item's parameters and names the call; throws on bad input. */
	request: (params: ItemParams) => RequestParts;
	/** A POST the API defines as create-or-update: safe to send again after a lost answer. */
	upsert?: boolean;
	/** Optional fields left empty (null, undefined, blank) are not sent: on an existing record they would erase what is there. */
	omitBlankFields?: boolean;
	/** A paginated collection: one output item per element of this envelope field. */
	collection?: CollectionKey;
	/** How a single answer becomes items; default: the answer object as one item. */
	output?: OutputShaper;
	/** Reshapes each element of a collection, set up once per input item. */
	element?: (params: ItemParams) => (json: IDataObject) => IDataObject;
}

export const asItem: OutputShaper = (answer) => [{ json: (answer.body ?? {}) as IDataObject }];

const isObject = (value: unknown): value is IDataObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * An answer of unspecified shape, made fit for n8n (whose item json is always an object):
 * an object is one item, an array one item per element, anything else `{ data: value }`.
 */
export const asItems: OutputShaper = (answer) => {
	// Parsed JSON: every value is one n8n can hold.
	const values = (Array.isArray(answer.body) ? answer.body : [answer.body]) as Array<IDataObject | GenericValue>;
	return values.map((value) => ({ json: isObject(value) ? value : { data: value } }));
};

/** Deletes answer 200 with little or nothing: say what was deleted instead. */
export const asDeleted =
	(identity: (params: ItemParams) => IDataObject): OutputShaper =>
	(_answer, params) => [{ json: { deleted: true, ...identity(params) } }];

/** What a mapped column holds when it has nothing: a database's null, a missing key, blanks. */
const isEmptyValue = (value: unknown): boolean => value === null || value === undefined || (typeof value === 'string' && !value.trim());

type Calls = (this: IExecutePaginationFunctions) => Promise<INodeExecutionData[]>;

/**
 * Reads and checks this item's input (throwing on bad input) without any call, and returns
 * the calls that carry the operation out: every item is checked before any item calls.
 */
function prepare(this: IExecutePaginationFunctions, definition: OperationDefinition, declared: DeclarativeRestApiSettings.ResultOptions): Calls {
	const params = new ItemParams(this);
	const operation = definition.action.toLowerCase();
	const parts = definition.request(params);
	// Fields sent declaratively (routing.send) arrive in the built request's body.
	const declaredBody = (declared.options.body ?? {}) as IDataObject;
	const fields = { ...declaredBody, ...parts.body };
	if (definition.omitBlankFields) {
		for (const [name, value] of Object.entries(fields)) if (isEmptyValue(value)) delete fields[name];
	}
	// Only a request with fields has a body (and so a Content-Type): RoutingNode starts every one with {}.
	const body = definition.method !== 'GET' && Object.keys(fields).length ? fields : undefined;
	const connection = connectionOf(declared.options);
	const call = { path: parts.path, qs: parts.qs, body, operation, connection };

	if (definition.collection) {
		const { collection } = definition;
		const returnAll = params.boolean('returnAll');
		const pageSize = params.count('options.pageSize', 'Page Size', 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE);
		const wanted = returnAll ? Infinity : params.count('limit', 'Limit', 1, Number.MAX_SAFE_INTEGER, 50);
		const offset = params.count('options.offset', 'Offset', 0, Number.MAX_SAFE_INTEGER, 0);
		const shape = definition.element?.(params);
		return async function () {
			const items = await fetchPages.call(this, { ...call, collection, wanted, pageSize, offset });
			return items.map((json) => ({ json: shape ? shape(json) : json }));
		};
	}
	return async function () {
		const answer = await callApi.call(this, {
			...call,
			method: definition.method,
			allowEmptyBody: definition.method === 'DELETE',
			upsert: definition.upsert,
		});
		if (answer.status === 201 && !namesId(answer.body)) return [{ json: createdFromLocation(this, answer, body ?? {}, operation) }];
		return await (definition.output ?? asItem).call(this, answer, params, connection);
	};
}

/**
 * One operation of the declarative node. RoutingNode builds the request from the
 * parameters' routing; every operation then goes through this runner (as its
 * "pagination"), the single place that checks input, calls the API, pages, shapes the
 * output, pairs it with the input item and honours Continue On Fail.
 */
export function defineOperation(definition: OperationDefinition): INodePropertyOptions {
	const { name, value, action, description, method } = definition;
	return {
		name,
		value,
		action,
		description,
		routing: {
			request: { method },
			send: { paginate: true },
			operations: {
				async pagination(this: IExecutePaginationFunctions, declared) {
					const pairedItem = { item: this.getItemIndex() };
					const run = ItemsRun.of(this);
					let turn: ItemTurn<IExecutePaginationFunctions> | undefined;
					try {
						const calls = prepare.call(this, definition, declared);
						turn = run.arrive(this);
						const items = await calls.call(await turn.ready());
						// The items are fresh objects: pair them in place rather than copy 100,000 of them.
						for (const item of items) item.pairedItem = pairedItem;
						return items;
					} catch (thrown) {
						const error = asNodeError(this.getNode(), thrown);
						if (!this.continueOnFail()) {
							// The run's first failure is the one reported, by whichever item n8n collects first.
							const first = run.fail(withItemIndex(error, pairedItem.item));
							// Bad input and the like are the node's own errors, not the API's.
							if (first !== error || error instanceof NodeOperationError) return raisedWhenCollected(first);
							throw error;
						}
						if (!turn) run.skipped();
						const { message, description: detail } = error;
						return [{ json: { error: message, ...(detail ? { description: detail } : {}) }, pairedItem }];
					} finally {
						turn?.done();
					}
				},
			},
		},
	};
}
