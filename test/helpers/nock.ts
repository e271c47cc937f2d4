import nock from 'nock';
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { runLeadsopedia, TEST_API_KEY, type NodeRun, type RunOptions } from './engine';

/** A made-up https host: nock answers for it, nothing ever leaves the machine. */
export const API_ORIGIN = 'https://api.leadsopedia.test';
export const BASE_URL = `${API_ORIGIN}/v1`;

/** A request as it reached a mocked server. */
export interface SeenRequest {
	method: string;
	origin: string;
	/** Path with its query string. */
	path: string;
	headers: Record<string, string | string[] | undefined>;
	body: string;
}

const seen: SeenRequest[] = [];
const unmatched: string[] = [];

function onNoMatch(first: { method?: string; host?: string; path?: string }, second?: typeof first): void {
	const request = second ?? first;
	unmatched.push(`${request.method} ${request.host}${request.path}`);
}

function recorded(scope: nock.Scope, origin: string): nock.Scope {
	scope.on('request', (req: { method: string; path: string; headers: SeenRequest['headers'] }, _interceptor, body: string) => {
		seen.push({ method: req.method, origin, path: req.path, headers: req.headers, body });
	});
	return scope;
}

/** The Leadsopedia API: a request without the key header matches nothing (and so fails the test). */
export function api(origin = API_ORIGIN): nock.Scope {
	return recorded(nock(origin, { reqheaders: { 'x-api-key': TEST_API_KEY } }), origin);
}

/** Another host (a file host): a request carrying the key header matches nothing. */
export function keylessHost(origin: string): nock.Scope {
	return recorded(nock(origin, { badheaders: ['x-api-key'] }), origin);
}

/** Every request that reached a mocked server during this test, in arrival order. */
export function requests(): SeenRequest[] {
	return [...seen];
}

/** `METHOD /path?query` of every request, for exact-sequence assertions. */
export function requestLines(): string[] {
	return seen.map((request) => `${request.method} ${request.path}`);
}

export const v1 = (path: string) => `/v1${path}`;

export const listRef = (value: string) => ({ __rl: true, mode: 'id', value });

/**
 * Hooks for a test file: no real network at all; after each test, every interceptor must have
 * been used, no request may have gone unmatched (an extra page, a missing key header, a wrong
 * query or body), and the key must be in no URL.
 */
export function useNock(): void {
	beforeAll(() => {
		if (!nock.isActive()) nock.activate();
		nock.disableNetConnect();
		nock.emitter.on('no match', onNoMatch);
	});
	afterEach(() => {
		const pending = nock.pendingMocks();
		const stray = unmatched.splice(0);
		const urls = seen.splice(0).map((request) => `${request.origin}${request.path}`);
		nock.cleanAll();
		expect(stray).toEqual([]);
		expect(pending).toEqual([]);
		for (const url of urls) expect(url).not.toContain(TEST_API_KEY);
	});
	afterAll(() => {
		nock.emitter.removeListener('no match', onNoMatch);
		nock.enableNetConnect();
		// Unpatch Node's http for whatever this jest worker runs next.
		nock.restore();
	});
}

/** Runs the node against the mocked API. */
export function run(parameters: INodeParameters, options: Partial<RunOptions> = {}): Promise<NodeRun> {
	return runLeadsopedia(parameters, { baseUrl: BASE_URL, ...options });
}

/** What the node should output: each JSON paired with input item `item`. */
export function pairedTo(item: number, jsons: IDataObject[]): INodeExecutionData[] {
	return jsons.map((json) => ({ json, pairedItem: { item } }));
}

/** The run failed with this message, sent nothing, and leaked no key. */
export function expectRefused(result: NodeRun, message: string | RegExp): void {
	expect(result.error?.message).toMatch(message);
	expect(result.items).toEqual([]);
	expect(requests()).toEqual([]);
	expect(result.serialized).not.toContain(TEST_API_KEY);
}

/** One operation that makes exactly one API call: the request it must send and what it must output. */
export interface CallCase {
	title: string;
	parameters: INodeParameters;
	method: 'GET' | 'POST' | 'DELETE';
	/** Below the base URL's /v1. */
	path: string;
	/** The exact query string; none when absent. */
	query?: Record<string, string | number>;
	/** The exact JSON body; none when absent. */
	body?: IDataObject;
	status?: number;
	/** The API's answer body (JSON unless a string). */
	reply?: unknown;
	output: IDataObject[];
}

export async function expectCall(call: CallCase): Promise<void> {
	api()
		.intercept(v1(call.path), call.method, call.body as nock.RequestBodyMatcher | undefined)
		.query(call.query ?? {})
		.reply(call.status ?? 200, call.reply as nock.Body);
	const result = await run(call.parameters);
	expect(result.error).toBeUndefined();
	expect(result.items).toEqual(pairedTo(0, call.output));
	expect(result.serialized).not.toContain(TEST_API_KEY);
	const sent = requests();
	expect(sent).toHaveLength(1);
	if (call.body) {
		expect(JSON.parse(sent[0].body)).toEqual(call.body);
		expect(sent[0].headers['content-type']).toBe('application/json');
	} else {
		expect(sent[0].body).toBe('');
	}
}
