import { networkInterfaces } from 'node:os';
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { type Variation, type VariationOverrides } from '../../sandbox';
import { drawVariation, RATE_LIMITED_BODIES } from '../../sandbox/variations';
import { pick } from '../../sandbox/random';
import type { Feature } from './features';
import { OPERATIONS, type Churn, type ItemPlan, type OperationSpec } from './operations';
import type { World } from './world';

/** One random case: an operation on random items, in a random variation of the API. */
export interface Case {
	spec: OperationSpec;
	variation: Variation;
	overrides: VariationOverrides;
	parameters: INodeParameters;
	items: ItemPlan[];
	continueOnFail: boolean;
	credentials: IDataObject;
	/** Press Stop right after the API answered this many calls. */
	stopAfter?: number;
	churn?: Churn;
	/** Whether calls queue in the key's lane (Seconds Between Calls above 0). */
	paced: boolean;
	/**
	 * Honest failures this case may end in instead of the right items: a read of a list that
	 * changes (or reorders) under it, saying so; a key with an invisible character, refused
	 * naming the character; a file host redirect elsewhere, refused.
	 */
	acceptedErrors: RegExp[];
	/** The API's successful answers trickle in over 4 s; the credential's Timeout is 1 s. */
	trickling: boolean;
	/** How the Base URL is typed: its host 127.0.0.1 or localhost, in any case, with or without a trailing slash. */
	baseUrlSpelling: (baseUrl: string) => string;
	/**
	 * Send through a forward proxy (Request Options → Proxy) at this address of this machine
	 * that is not loopback, so it stands for a proxy on another machine: the Base URL is plain
	 * http, so the key would go to it in clear over the network.
	 */
	proxied?: string;
	/** Run twice at once, the second time with the Base URL's host spelled localhost, on a paced key against the API's interval. */
	twin: boolean;
}

/** The API's interval in twin cases, and the credential's Seconds Between Calls there: the same. */
export const TWIN_INTERVAL_MS = 40;

/** An IPv4 address of this machine other than loopback, for a proxy that looks remote; none on a machine without a network. */
const NETWORK_ADDRESS = Object.values(networkInterfaces())
	.flat()
	.find((address) => address?.family === 'IPv4' && !address.internal)?.address;

/** Operations that make one call for one item. */
const ONE_CALL = ['account:get', 'account:getCredits', 'account:getUsage', 'list:get', 'contact:get', 'download:get'];

/** Operations that only read, so that running them twice at once changes nothing. */
const READS = ['account:get', 'account:getCredits', 'account:getUsage', 'account:getActivity', 'account:getHistory', 'list:get', 'list:getAll', 'contact:get', 'contact:getAll', 'download:get', 'download:getAll'];

/** Ways to type the sandbox's Base URL ('http://127.0.0.1:<port>/v1'), in lower case and (with the feature) in capitals. */
const LOWER_CASE_BASE_URLS: ((baseUrl: string) => string)[] = [(url) => url, (url) => `${url}/`, (url) => url.replace('127.0.0.1', 'localhost')];
const CAPITAL_BASE_URLS: ((baseUrl: string) => string)[] = [
	(url) => url.replace('http://', 'HTTP://'),
	(url) => url.replace('127.0.0.1', 'LOCALHOST'),
	(url) => url.replace('http://127.0.0.1', 'Http://LocalHost'),
];

/** Where a pasted key picks up invisible characters. */
const INVISIBLE: ((key: string) => string)[] = [
	(key) => `${key}\u200b`,
	(key) => `\u00a0${key}`,
	(key) => `${key.slice(0, 8)}\u200d${key.slice(8)}`,
	(key) => `${key.slice(0, 5)}\n${key.slice(5)}`,
];

/** The key as a user pasted it: as is, with spaces around, or (with the feature) an invisible character. */
function pastedKey(key: string, random: () => number, features: ReadonlySet<Feature>, focus?: Feature): string {
	if (features.has('keyWithInvisibleCharacters') && (focus === 'keyWithInvisibleCharacters' || random() < 0.1)) return pick(random, INVISIBLE)(key);
	return random() < 0.2 ? `  ${key} ` : key;
}

/** Keeps the variation inside what `features` allow: the open points' inputs are left out. */
function allowedOverrides(variation: Variation, features: ReadonlySet<Feature>): VariationOverrides {
	const overrides: VariationOverrides = {};
	// Without the feature a page holds what was asked or fewer, and says so.
	if (!features.has('pageSizeNotAsked') && variation.paging.size !== 'asked') overrides.paging = { size: 'capped', limitField: 'served' };
	if (!features.has('createdWithSmallBody') && !['full', 'empty'].includes(variation.created.body)) overrides.created = { body: 'full' };
	// Trickling answers cost seconds: the case decides on them (drawCase), not the variation.
	if (variation.answers === 'trickle') overrides.answers = 'whole';
	if (!features.has('fileRedirectLeaves') && variation.fileRedirectTo === 'link-local') overrides.fileRedirectTo = 'same-host';
	if (!features.has('tiesShuffled') && variation.ties === 'shuffled') overrides.ties = 'with-order';
	if (!features.has('rateLimitSaysQuota') && /quota/i.test(JSON.stringify(RATE_LIMITED_BODIES[variation.rateLimited.words]))) overrides.rateLimited = { words: 0 };
	return overrides;
}

/** Overrides that make the variation show a focused feature for sure. */
function focusOverrides(focus: Feature | undefined, random: () => number): VariationOverrides {
	if (focus === 'pageSizeNotAsked') {
		const size = pick(random, ['capped', 'fixed'] as const);
		return { paging: { size, limitField: pick(random, size === 'fixed' ? (['served', 'asked', 'null'] as const) : (['asked', 'null'] as const)) } };
	}
	if (focus === 'createdWithSmallBody') return { created: { body: pick(random, ['empty-object', 'message'] as const) } };
	if (focus === 'rateLimitSaysQuota') return { rateLimited: { words: 1, busyRate: 0.3 } };
	if (focus === 'keyWithInvisibleCharacters') return { errors: 'echo-key' };
	if (focus === 'fileRedirectLeaves') return { files: 'redirect', fileRedirectTo: 'link-local' };
	if (focus === 'tiesShuffled') return { ties: 'shuffled', paging: { size: 'capped', cap: 2 + Math.floor(random() * 5), limitField: 'served' } };
	return {};
}

/**
 * Draws a case for `seed` in `world`, with only the `features` allowed; `focus` (one of
 * them) is then drawn for sure where the operation has it.
 */
export async function drawCase(seed: number, world: World, features: ReadonlySet<Feature>, focus?: Feature): Promise<Case> {
	const { random } = world;
	const spec = focus && FOCUS_OPERATIONS[focus] ? pick(random, OPERATIONS.filter((operation) => FOCUS_OPERATIONS[focus]?.includes(`${operation.resource}:${operation.operation}`) ?? true)) : pick(random, OPERATIONS);
	// A case with trickling answers: seldom, one call of one item, one try, a Timeout of 1 s (each costs a second or more).
	const trickling = features.has('answersTrickle') && ONE_CALL.includes(`${spec.resource}:${spec.operation}`) && (focus === 'answersTrickle' || random() < 0.01);
	const drawn = drawVariation(seed);
	const overrides: VariationOverrides = {
		...allowedOverrides(drawn, features),
		...focusOverrides(focus, random),
		...(trickling ? { answers: 'trickle', rateLimited: { busyRate: 0 } } : {}),
	};
	const variation = drawVariation(seed, overrides);
	const twin = !trickling && features.has('keyOnTwoHostSpellings') && READS.includes(`${spec.resource}:${spec.operation}`) && (focus === 'keyOnTwoHostSpellings' || random() < 0.1);
	const amongOthers = focus === 'itemFailsAmongOthers';
	const continueOnFail = !amongOthers && random() < 0.3;
	const paced = amongOthers || twin || random() < 0.3;
	let itemCount = amongOthers ? 3 : trickling ? 1 : 1 + Math.floor(random() * 3);
	const draw = await spec.draw({ world, features, variation, itemCount, focus });
	const failsAllowed = draw.canFail && (continueOnFail || itemCount === 1 || features.has('itemFailsAmongOthers'));
	// An API error is where a key can leak: a case about the key has one.
	const failing = amongOthers ? Math.floor(random() * itemCount) : focus === 'keyWithInvisibleCharacters' && draw.canFail ? 0 : -1;
	let items = Array.from({ length: itemCount }, (_, index) => draw.item(index === failing || (failsAllowed && random() < 0.25)));
	// An item can fail without being asked to (nothing left to act on): keep the case within what is allowed.
	if (!continueOnFail && !features.has('itemFailsAmongOthers') && items.length > 1 && items.some((item) => item.fails)) items = items.slice(0, 1);
	itemCount = items.length;
	// 9,999,999 s is what a user types to mean "never"; in the node's Request Options (ms) it goes beyond Node's timer.
	const never = features.has('timeoutBeyondTimer') && (focus === 'timeoutBeyondTimer' || random() < 0.1);
	const timeout = trickling ? 1 : never ? 9_999_999 : pick(random, [undefined, 30, 300, 9_999_999]);
	const requestOptions = never ? { timeout: 9_999_999_000 } : pick(random, [undefined, { timeout: 60_000 }]);
	// Not with a redirect to the metadata address: that is intercepted, and an intercepted request never reaches a proxy.
	const proxied = features.has('proxyOnHttpLoopback') && !twin && !trickling && variation.fileRedirectTo !== 'link-local' && (focus === 'proxyOnHttpLoopback' || random() < 0.1) ? NETWORK_ADDRESS : undefined;
	const apiKey = pastedKey(world.sandbox.apiKey, random, features, focus);
	const capitals = features.has('baseUrlInCapitals') && (focus === 'baseUrlInCapitals' || random() < 0.2);
	const baseUrlSpelling = pick(random, capitals ? CAPITAL_BASE_URLS : LOWER_CASE_BASE_URLS);
	return {
		spec,
		variation,
		overrides,
		parameters: { resource: spec.resource, operation: spec.operation, ...draw.parameters, ...(requestOptions ? { requestOptions } : {}) },
		items,
		continueOnFail,
		credentials: {
			apiKey,
			maxTries: trickling ? 1 : 4,
			// Backoff after a 429 without Retry-After, kept short: every 429 here says 0 s or nothing.
			maxRetryWait: 0.05,
			requestInterval: twin ? TWIN_INTERVAL_MS / 1000 : paced ? 0.01 : 0,
			...(timeout === undefined ? {} : { timeout }),
		},
		// A Stop is checked where calls go one at a time: one item, or a paced key.
		stopAfter: !focus && !twin && !trickling && (itemCount === 1 || paced) && !draw.churn && random() < 0.1 ? 1 + Math.floor(random() * 2) : undefined,
		churn: itemCount === 1 && !twin ? draw.churn : undefined,
		twin,
		proxied,
		baseUrlSpelling,
		trickling,
		paced,
		acceptedErrors: [
			...(draw.churn || (variation.ties === 'shuffled' && spec.resource === 'contact' && spec.operation === 'getAll') ? [/chang/i] : []),
			...(apiKey.trim() !== world.sandbox.apiKey ? [/character/i] : []),
			...(variation.files === 'redirect' && variation.fileRedirectTo === 'link-local' ? [/redirect/i] : []),
			...(proxied ? [/proxy/i] : []),
			...(trickling ? [/within|time ?out|timed out|deadline|ECONNABORTED|ETIMEDOUT/i] : []),
		],
	};
}

/** The operations where a focused feature shows (any operation when not listed). */
const FOCUS_OPERATIONS: Partial<Record<Feature, string[]>> = {
	blankMappedFields: ['contact:upsert'],
	numericMappedField: ['contact:upsert', 'contact:update'],
	keyOnTwoHostSpellings: READS,
	fileRedirectLeaves: ['download:getFile'],
	answersTrickle: ONE_CALL,
	keyWithInvisibleCharacters: ['contact:get', 'list:get', 'download:get', 'contact:update', 'list:update'],
	itemFailsAmongOthers: ['contact:get', 'contact:upsert', 'contact:update', 'contact:delete', 'list:get', 'list:create', 'list:update', 'list:delete', 'download:get', 'download:delete'],
	listChangesWhileRead: ['contact:getAll'],
	tiesShuffled: ['contact:getAll'],
	createdWithSmallBody: ['list:create', 'contact:upsert'],
	pageSizeNotAsked: ['contact:getAll', 'list:getAll', 'download:getAll', 'account:getActivity', 'account:getHistory'],
};
