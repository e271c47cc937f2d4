import fc from 'fast-check';
import { ContactStore } from '../../sandbox/contact-store';
import * as generate from '../../sandbox/generate';
import { startSandbox, type Sandbox } from '../../sandbox';
import { call, startFast } from './helpers';

const store = (generated: number) =>
	new ContactStore(generated, 100, (index) => generate.generateContact(1, 1, index, 100 + index, new Date(index * 1000).toISOString()));

describe('ContactStore', () => {
	it('pages like a plain array through any mix of deletions, edits and additions', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 40 }),
				fc.array(fc.tuple(fc.constantFrom('delete', 'edit', 'add'), fc.nat(60)), { maxLength: 30 }),
				fc.integer({ min: 1, max: 7 }),
				(generated, operations, limit) => {
					const subject = store(generated);
					const model = subject.all();
					let nextId = 1000;
					for (const [operation, pick] of operations) {
						const target = model[pick % Math.max(1, model.length)];
						if (operation === 'add') {
							const contact = { ...model[0] ?? generate.generateContact(2, 2, 0, 0, ''), id: nextId++, email: `added${nextId}@example.com` };
							subject.add(contact);
							model.push(contact);
						} else if (!target) {
							continue;
						} else if (operation === 'delete') {
							expect(subject.remove(target.id)).toBe(true);
							model.splice(model.indexOf(target), 1);
						} else {
							const edited = { ...target, email: `edited${target.id}@example.com` };
							subject.replace(edited);
							model[model.indexOf(target)] = edited;
						}
					}
					expect(subject.size).toBe(model.length);
					for (let offset = 0; offset < model.length + limit; offset += limit) {
						expect(subject.page(offset, limit, 'asc')).toEqual(model.slice(offset, offset + limit));
						expect(subject.page(offset, limit, 'desc')).toEqual([...model].reverse().slice(offset, offset + limit));
					}
					for (const contact of model) {
						expect(subject.findById(contact.id)).toEqual(contact);
						expect(subject.findByEmail(contact.email.toUpperCase())).toEqual(contact);
					}
				},
			),
			{ numRuns: 50 },
		);
	});

	it('does not find an edited generated contact by its old email, nor a deleted one', () => {
		const subject = store(10);
		const [first, second] = subject.page(0, 2, 'asc');
		subject.replace({ ...first, email: 'new@example.com' });
		subject.remove(second.id);
		expect(subject.findByEmail(first.email)).toBeUndefined();
		expect(subject.findByEmail(second.email)).toBeUndefined();
		expect(subject.findById(second.id)).toBeUndefined();
		expect(subject.remove(second.id)).toBe(false);
	});
});

describe('seeded data', () => {
	const snapshot = async (seed: number) => {
		const sandbox = await startFast({ seed });
		try {
			const strip = (text: string) => text.split(sandbox.baseUrl).join('BASE').split(sandbox.fileBaseUrl).join('FILES');
			const texts = [];
			for (const path of ['/mylists', '/contacts?list_id=1', '/contacts?list_id=2', '/downloads', '/account/history', '/account/credits']) {
				texts.push(strip((await call(sandbox, 'GET', path)).text));
			}
			texts.push(strip(await (await fetch(sandbox.control.downloads('demo')[0].url)).text()));
			return { texts, key: sandbox.apiKey };
		} finally {
			await sandbox.stop();
		}
	};

	it('is the same for the same seed and differs for another', async () => {
		const one = await snapshot(1);
		expect(await snapshot(1)).toEqual(one);
		const two = await snapshot(2);
		expect(two.key).not.toBe(one.key);
		expect(two.texts[1]).not.toBe(one.texts[1]);
		expect(two.texts[0]).toBe(one.texts[0]);
	});
});

describe('a list of 1,000,000 contacts', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ intervalMs: 0, contacts: 1_000_000 });
	});
	afterAll(() => sandbox.stop());

	const bigListId = () => (sandbox.control.lists('demo').find((list) => list.name === 'Big list') as { id: number }).id;

	it('pages anywhere, fast, in both orders', async () => {
		const id = bigListId();
		const generated = jest.spyOn(generate, 'generateContact');
		const { json } = await call(sandbox, 'GET', `/contacts?list_id=${id}&page=700&limit=1000`);
		// A page makes only its own contacts, never the list up to it (counted, not timed: a
		// busy machine stretches any time).
		expect(generated).toHaveBeenCalledTimes(1000);
		generated.mockRestore();
		expect(json).toMatchObject({ total: 1_000_000, pagesCount: 1000, page: 700 });
		expect(json.contacts).toHaveLength(1000);
		expect(json.contacts[0].email).toMatch(/699000@/);

		sandbox.control.setOptions({ order: 'desc' });
		const last = (await call(sandbox, 'GET', `/contacts?list_id=${id}&limit=1`)).json.contacts[0];
		sandbox.control.setOptions({ order: 'asc' });
		expect(last.email).toMatch(/999999@/);
	});

	it('finds, updates and deletes generated contacts, storing only the change', async () => {
		const id = bigListId();
		const [target] = (await call(sandbox, 'GET', `/contacts?list_id=${id}&page=5001&limit=100`)).json.contacts;
		expect((await call(sandbox, 'GET', `/contacts/${id}?email=${target.email}`)).json).toEqual(target);
		expect((await call(sandbox, 'POST', '/contacts', { body: { list_id: id, email: target.email, title: 'Chief' } })).json.title).toBe('Chief');
		expect((await call(sandbox, 'DELETE', `/contacts/${id}?id=${target.id}`)).status).toBe(200);
		const page = (await call(sandbox, 'GET', `/contacts?list_id=${id}&page=5001&limit=100`)).json;
		expect(page.total).toBe(999_999);
		expect(page.contacts[0].id).toBe(target.id + 1);
		expect((await call(sandbox, 'POST', '/contacts', { body: { list_id: id, email: 'newest@example.com' } })).status).toBe(201);
		const lastPage = (await call(sandbox, 'GET', `/contacts?list_id=${id}&page=1000&limit=1000`)).json.contacts;
		expect(lastPage.at(-1).email).toBe('newest@example.com');
	});
});
