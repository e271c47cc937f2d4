import { get } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { drawVariation, METADATA_URL, QUOTA_BODIES, RATE_LIMITED_BODIES } from '../../sandbox/variations';
import { startSandbox, type Sandbox, type Variation, type VariationOverrides } from '../../sandbox';
import { call } from './helpers';

/** The variations mode does what sandbox/VARIATIONS.md declares, choice by choice. The clock is injected. */
let now = Date.UTC(2025, 5, 1, 12, 0, 0);
let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ intervalMs: 0, now: () => now });
});
afterAll(() => sandbox.stop());
beforeEach(() => {
	now = Date.UTC(2025, 5, 1, 12, 0, 0);
	sandbox.control.resetCounters();
	sandbox.control.setOptions({ intervalMs: 0, monthlyQuota: 15_000 });
	sandbox.control.setVariations(undefined);
});

/** A variation with no busy 429s unless asked, and the given choices. */
const vary = (overrides: VariationOverrides = {}): Variation =>
	sandbox.control.setVariations(1, { ...overrides, rateLimited: { busyRate: 0, ...overrides.rateLimited } }) as Variation;

const ids = (json: { contacts: { id: number | string }[] }) => json.contacts.map((contact) => Number(contact.id));

/** A new list of `count` contacts all added within one second (the clock stands still). */
function listAddedInOneSecond(count: number): number[] {
	const list = sandbox.control.addList(`ties ${Math.random()}`);
	return sandbox.control.addContacts(list.id, Array.from({ length: count }, () => ({}))).map((contact) => contact.id).concat(list.id);
}

/** GET on a host by node's http module: the raw headers and body as they came. */
function rawGet(url: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
	return new Promise((resolve, reject) => {
		get(url, (response) => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
		}).on('error', reject);
	});
}

describe('drawing a variation', () => {
	it('the same seed draws the same variation; 300 seeds draw every choice', () => {
		expect(drawVariation(42)).toEqual(drawVariation(42));
		const seen = new Map<string, Set<unknown>>();
		const note = (name: string, value: unknown) => seen.set(name, (seen.get(name) ?? new Set()).add(value));
		for (let seed = 0; seed < 300; seed++) {
			const variation = drawVariation(seed);
			for (const [name, value] of Object.entries(variation)) {
				if (name === 'seed') continue;
				if (typeof value === 'object') for (const [inner, choice] of Object.entries(value)) note(`${name}.${inner}`, choice);
				else note(name, value);
			}
		}
		const counts = Object.fromEntries([...seen].map(([name, values]) => [name, values.size]));
		expect(counts).toMatchObject({
			order: 2, ties: 3, 'paging.size': 3, 'paging.limitField': 3, 'paging.pagesCount': 2, 'paging.countField': 2, ids: 2,
			'created.body': 5, 'created.location': 2, 'rateLimited.retryAfter': 3, 'rateLimited.words': RATE_LIMITED_BODIES.length,
			'quota.retryAfter': 2, 'quota.words': QUOTA_BODIES.length, files: 5, errors: 2, fileRedirectTo: 2, answers: 2,
		});
		expect(counts['paging.cap']).toBeGreaterThan(10);
	});

	it('overrides fix some choices and keep the others drawn', () => {
		const variation = drawVariation(7, { order: 'desc', paging: { size: 'fixed' } });
		expect(variation).toEqual({ ...drawVariation(7), order: 'desc', paging: { ...drawVariation(7).paging, size: 'fixed' } });
	});

	it('off by default; on from startSandbox({ variations }) and control.setVariations', async () => {
		expect(sandbox.control.variation()).toBeUndefined();
		const other = await startSandbox({ intervalMs: 0, variations: 5 });
		try {
			expect(other.control.variation()).toEqual(drawVariation(5));
		} finally {
			await other.stop();
		}
		expect(sandbox.control.setVariations(9)).toEqual(drawVariation(9));
	});
});

describe('order of contacts and of ties', () => {
	it.each([
		['asc', 'with-order', (added: number[]) => added],
		['asc', 'against-order', (added: number[]) => [...added].reverse()],
		['desc', 'with-order', (added: number[]) => [...added].reverse()],
		['desc', 'against-order', (added: number[]) => added],
	] as const)('%s, ties %s', async (order, ties, expected) => {
		const added = listAddedInOneSecond(5);
		const listId = added.pop() as number;
		vary({ order, ties, paging: { size: 'asked', limitField: 'served', pagesCount: 'stated', countField: 'total' }, ids: 'number' });
		const { json } = await call(sandbox, 'GET', `/contacts?list_id=${listId}`);
		expect(ids(json)).toEqual(expected(added));
		expect(new Set(json.contacts.map((contact: { date_added: string }) => contact.date_added)).size).toBe(1);
		expect(json.contacts[0].date_added).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
	});

	it('shuffled ties differ between two reads of the same page, oldest seconds still first', async () => {
		const prospects = 1;
		const added = listAddedInOneSecond(12);
		const listId = added.pop() as number;
		vary({ order: 'asc', ties: 'shuffled', paging: { size: 'asked' } });
		const reads = await Promise.all([1, 2, 3].map(async () => ids((await call(sandbox, 'GET', `/contacts?list_id=${listId}&limit=100`)).json)));
		for (const read of reads) expect([...read].sort((a, b) => a - b)).toEqual(added);
		expect(new Set(reads.map(String)).size).toBeGreaterThan(1);
		// Contacts of different seconds keep the order.
		const generated = ids((await call(sandbox, 'GET', `/contacts?list_id=${prospects}&limit=5`)).json);
		expect(generated).toEqual([1, 2, 3, 4, 5]);
	});
});

describe('pages and envelopes', () => {
	const page = async (query: string) => (await call(sandbox, 'GET', `/contacts?list_id=1&${query}`)).json;

	it('size "asked": the page holds what was asked, the envelope tells the truth', async () => {
		vary({ order: 'asc', paging: { size: 'asked', limitField: 'served', pagesCount: 'stated', countField: 'total' } });
		expect(await page('limit=10&page=2')).toMatchObject({ total: 25, limit: 10, pagesCount: 3, page: 2 });
	});

	it('size "capped" with the true limit stated: at most cap items from the cap’s offset', async () => {
		vary({ order: 'asc', ids: 'number', paging: { size: 'capped', cap: 4, limitField: 'served', pagesCount: 'stated', countField: 'total' } });
		const json = await page('limit=10&page=2');
		expect(ids(json)).toEqual([5, 6, 7, 8]);
		expect(json).toMatchObject({ total: 25, limit: 4, pagesCount: 7 });
		expect(ids(await page('limit=3&page=2'))).toEqual([4, 5, 6]);
	});

	it('capped, echoing the asked limit, with count instead of total and a null pagesCount', async () => {
		vary({ order: 'asc', ids: 'number', paging: { size: 'capped', cap: 4, limitField: 'asked', pagesCount: 'null', countField: 'count' } });
		const json = await page('limit=10');
		expect(ids(json)).toEqual([1, 2, 3, 4]);
		expect(json).toMatchObject({ count: 25, limit: 10, pagesCount: null });
		expect(json).not.toHaveProperty('total');
	});

	it('size "fixed" ignores the asked size, even a smaller one; limit null', async () => {
		vary({ order: 'asc', ids: 'number', paging: { size: 'fixed', cap: 6, limitField: 'null', pagesCount: 'stated', countField: 'total' } });
		const json = await page('limit=2&page=2');
		expect(ids(json)).toEqual([7, 8, 9, 10, 11, 12]);
		expect(json).toMatchObject({ total: 25, limit: null, pagesCount: 5 });
	});

	it('every collection gets the same envelope (lists here)', async () => {
		vary({ paging: { size: 'fixed', cap: 2, limitField: 'asked', pagesCount: 'null', countField: 'count' } });
		const { json } = await call(sandbox, 'GET', '/mylists?limit=50');
		expect(json.lists).toHaveLength(2);
		expect(json).toMatchObject({ limit: 50, pagesCount: null, count: sandbox.control.lists('demo').length });
	});
});

describe('ids', () => {
	it('"string" writes every id as digits, in collections and single items; "number" as numbers', async () => {
		vary({ ids: 'string', paging: { size: 'asked' } });
		const lists = (await call(sandbox, 'GET', '/mylists')).json.lists;
		expect(lists.every((list: { id: unknown }) => typeof list.id === 'string' && /^\d+$/.test(list.id))).toBe(true);
		expect((await call(sandbox, 'GET', '/contacts/1?id=3')).json.id).toBe('3');
		vary({ ids: 'number' });
		expect((await call(sandbox, 'GET', '/contacts/1?id=3')).json.id).toBe(3);
	});
});

describe('201 Created', () => {
	const create = async () => call(sandbox, 'POST', '/mylists', { body: { name: `created ${Math.random()}` } });
	const newestListId = () => Math.max(...sandbox.control.lists().map((list) => list.id));

	it.each([
		['full', (json: unknown, text: string) => expect(JSON.parse(text)).toMatchObject({ id: expect.anything() })],
		['empty', (_json: unknown, text: string) => expect(text).toBe('')],
		['empty-object', (json: unknown) => expect(json).toEqual({})],
		['message', (json: unknown) => expect(json).toEqual({ message: 'Created' })],
	] as const)('body %s, Location absolute', async (body, check) => {
		vary({ created: { body, location: 'absolute' } });
		const answer = await create();
		expect(answer.status).toBe(201);
		check(answer.json, answer.text);
		expect(answer.headers.get('location')).toBe(`${sandbox.baseUrl}/mylists/${newestListId()}`);
	});

	it('Location relative to the host; a new contact’s Location names list and id', async () => {
		vary({ created: { body: 'full', location: 'relative' } });
		await create();
		const list = newestListId();
		const contact = await call(sandbox, 'POST', '/contacts', { body: { list_id: list, email: 'new@example.com' } });
		expect(contact.status).toBe(201);
		expect(contact.headers.get('location')).toBe(`/v1/contacts/${list}?id=${contact.json.id}`);
	});

	it('"per-request" draws the body form anew for each 201', async () => {
		vary({ created: { body: 'per-request', location: 'absolute' } });
		const texts = new Set<string>();
		for (let i = 0; i < 12; i++) {
			const answer = await create();
			texts.add(answer.text === '' ? 'empty' : Object.keys(answer.json).join(','));
		}
		expect(texts.size).toBeGreaterThan(2);
	});
});

describe('429 answers', () => {
	it.each([
		['seconds', (header: string | null) => expect(header).toBe('8')],
		// 8 s from 12:00:02.5, on a whole second no earlier.
		['date', (header: string | null) => expect(Date.parse(header as string)).toBe(Date.UTC(2025, 5, 1, 12, 0, 11))],
		['absent', (header: string | null) => expect(header).toBeNull()],
	] as const)('a call too soon: Retry-After %s', async (retryAfter, check) => {
		vary({ rateLimited: { retryAfter, words: 0 } });
		sandbox.control.setOptions({ intervalMs: 10_000 });
		expect((await call(sandbox, 'GET', '/account')).status).toBe(200);
		now += 2_500;
		const refused = await call(sandbox, 'GET', '/account');
		expect(refused.status).toBe(429);
		check(refused.headers.get('retry-after'));
	});

	it.each(RATE_LIMITED_BODIES.map((body, words) => [words, body] as const))('rate body %s: %j', async (words, body) => {
		vary({ rateLimited: { retryAfter: 'seconds', words } });
		sandbox.control.setOptions({ intervalMs: 10_000 });
		await call(sandbox, 'GET', '/account');
		const refused = await call(sandbox, 'GET', '/account');
		expect(typeof body === 'string' ? refused.text : refused.json).toEqual(body);
	});

	it.each(QUOTA_BODIES.map((body, words) => [words, body] as const))('spent quota body %s: %j, Retry-After to next month', async (words, body) => {
		vary({ quota: { retryAfter: words % 2 ? 'date' : 'seconds', words } });
		sandbox.control.setOptions({ monthlyQuota: 1 });
		await call(sandbox, 'GET', '/account');
		const refused = await call(sandbox, 'GET', '/account');
		expect(refused.status).toBe(429);
		expect(typeof body === 'string' ? refused.text : refused.json).toEqual(body);
		const header = refused.headers.get('retry-after') as string;
		const reset = /^\d+$/.test(header) ? now + Number(header) * 1000 : Date.parse(header);
		expect(reset).toBe(Date.UTC(2025, 6, 1));
	});

	it('a busy 429 with an HTTP date names this very second (already due)', async () => {
		now += 700;
		vary({ rateLimited: { retryAfter: 'date', words: 0, busyRate: 1 } });
		const refused = await call(sandbox, 'GET', '/account');
		expect([refused.status, refused.headers.get('retry-after')]).toEqual([429, new Date(Date.UTC(2025, 5, 1, 12, 0, 0)).toUTCString()]);
	});

	it('busy 429s: about the drawn fraction of calls, Retry-After 0, changing nothing; the same request is refused once at most', async () => {
		vary({ rateLimited: { retryAfter: 'seconds', words: 0, busyRate: 0.3 } });
		const statuses: number[] = [];
		for (let i = 0; i < 100; i++) {
			const body = { name: `busy ${i}` };
			const answer = await call(sandbox, 'POST', '/mylists', { body });
			statuses.push(answer.status);
			if (answer.status !== 429) continue;
			expect(answer.headers.get('retry-after')).toBe('0');
			expect((await call(sandbox, 'POST', '/mylists', { body })).status).toBe(201);
		}
		const busy = statuses.filter((status) => status === 429).length;
		expect(busy).toBeGreaterThan(15);
		expect(busy).toBeLessThan(45);
		expect(sandbox.control.lists().filter((list) => list.name.startsWith('busy ')).length).toBe(100);
	});
});

describe('file host redirect elsewhere', () => {
	it('"link-local" redirects to the cloud metadata address', async () => {
		vary({ files: 'redirect', fileRedirectTo: 'link-local' });
		const answer = await rawGet(sandbox.control.downloads('demo')[0].url);
		expect([answer.status, answer.headers.location]).toEqual([302, METADATA_URL]);
	});
});

describe('trickling answers', () => {
	it('"trickle" sends a successful answer in 16 pieces 250 ms apart; the log records it once whole, or 0 when the client left', async () => {
		vary({ answers: 'trickle' });
		sandbox.control.clearLog();
		const pieces: Buffer[] = [];
		const whole = await new Promise<string>((resolve, reject) => {
			get(`${sandbox.baseUrl}/account`, { headers: { 'X-Api-Key': sandbox.apiKey } }, (response) => {
				response.on('data', (chunk: Buffer) => pieces.push(chunk));
				response.on('end', () => resolve(Buffer.concat(pieces).toString()));
			}).on('error', reject);
		});
		expect(JSON.parse(whole)).toMatchObject({ id: expect.anything(), name: 'Demo Account' });
		expect(pieces.length).toBeGreaterThanOrEqual(16);
		expect(sandbox.control.requestLog().map((entry) => entry.status)).toEqual([200]);

		const left = new Promise<void>((resolve) => {
			const request = get(`${sandbox.baseUrl}/account`, { headers: { 'X-Api-Key': sandbox.apiKey } }, (response) => {
				response.once('data', () => {
					request.destroy();
					resolve();
				});
			});
			request.on('error', () => undefined);
		});
		await left;
		const cutOff = new Promise<number>((resolve) => sandbox.control.onAnswered((entry) => resolve(entry.status)));
		expect(await cutOff).toBe(0);
		// An error answer comes whole.
		expect((await call(sandbox, 'GET', '/mylists/999999')).status).toBe(404);
	});
});

describe('error messages', () => {
	it('"echo-key" quotes the key the call carried in an error; "plain" does not', async () => {
		vary({ errors: 'echo-key' });
		const echoed = await call(sandbox, 'GET', '/mylists/999999');
		expect([echoed.status, echoed.json.error, echoed.json.message]).toEqual([404, 'not_found', `No list with id 999999 (API key ${sandbox.apiKey})`]);
		expect((await call(sandbox, 'GET', '/mylists/1')).text).not.toContain(sandbox.apiKey);
		vary({ errors: 'plain' });
		expect((await call(sandbox, 'GET', '/mylists/999999')).text).not.toContain(sandbox.apiKey);
	});
});

describe('file host', () => {
	const fileUrl = () => sandbox.control.downloads('demo')[0].url;
	const content = async () => (await fetch(fileUrl(), { redirect: 'manual' })).text();

	it('plain: Content-Length and the file as is', async () => {
		const expected = await content();
		vary({ files: 'plain' });
		const answer = await rawGet(fileUrl());
		expect([answer.status, answer.headers['content-length'], answer.body.toString()]).toEqual([200, String(Buffer.byteLength(expected)), expected]);
	});

	it('no-length: chunked, without Content-Length', async () => {
		const expected = await content();
		vary({ files: 'no-length' });
		const answer = await rawGet(fileUrl());
		expect([answer.headers['content-length'], answer.headers['transfer-encoding'], answer.body.toString()]).toEqual([undefined, 'chunked', expected]);
	});

	it('gzip: Content-Encoding gzip, the body compressed', async () => {
		const expected = await content();
		vary({ files: 'gzip' });
		const answer = await rawGet(fileUrl());
		expect(answer.headers['content-encoding']).toBe('gzip');
		expect(gunzipSync(answer.body).toString()).toBe(expected);
	});

	it('slow: the file in pieces, whole in the end', async () => {
		const expected = await content();
		vary({ files: 'slow' });
		sandbox.control.clearLog();
		const answer = await rawGet(fileUrl());
		expect(answer.body.toString()).toBe(expected);
	});

	it('redirect: a 302 to the same file on the same host, which then answers', async () => {
		const expected = await content();
		vary({ files: 'redirect', fileRedirectTo: 'same-host' });
		const first = await rawGet(fileUrl());
		expect(first.status).toBe(302);
		const location = new URL(String(first.headers.location));
		expect(location.origin).toBe(new URL(fileUrl()).origin);
		const second = await rawGet(location.href);
		expect([second.status, second.body.toString()]).toEqual([200, expected]);
	});
});
