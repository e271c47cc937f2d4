import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { orderContacts } from '../../sandbox/variations/contacts-order';
import { pick } from '../../sandbox/random';
import type { Contact, Variation } from '../../sandbox';
import { checkCollection, drawPaging, idOf, pageCallBound, pagingParameters, type Paging } from './collections';
import type { Feature } from './features';
import type { World } from './world';

/** One input item of a case: its json, how it is meant to fail, and what its output must be. */
export interface ItemPlan {
	json: IDataObject;
	fails?: 'input' | 'api';
	/** Problems of this item's output, read after the run (the sandbox then holds the after state). */
	check: (out: INodeExecutionData[]) => string[];
	/** API calls this item may take when it succeeds (429s not counted). */
	maxCalls: number;
}

/** Contacts deleted and added right after the first page of a read was answered. */
export interface Churn {
	deletes: number[];
	adds: number;
}

export interface OperationDraw {
	parameters: INodeParameters;
	/** One item; `fail` asks for one that fails, where the operation has a way to. */
	item: (fail: boolean) => ItemPlan;
	/** Ways this operation can fail: none for the account's reads. */
	canFail: boolean;
	/** Set when the list is to change while it is read. */
	churn?: Churn;
}

export interface DrawContext {
	world: World;
	features: ReadonlySet<Feature>;
	variation: Variation;
	/** Input items of the case. */
	itemCount: number;
	/** A feature the case is about: its input is drawn for sure where the operation has it. */
	focus?: Feature;
}

export interface OperationSpec {
	resource: string;
	operation: string;
	draw: (context: DrawContext) => Promise<OperationDraw> | OperationDraw;
}

const byId = (expression: string) => ({ __rl: true, mode: 'id', value: `={{ $json.${expression} }}` });
const same = (a: unknown, b: unknown) => String(a) === String(b);
const one = (out: INodeExecutionData[], check: (json: IDataObject) => string[]): string[] =>
	out.length === 1 ? check(out[0].json) : [`expected 1 output item, got ${out.length}`];
const sameIdAs = (json: IDataObject, id: unknown, what: string) => (same(json.id, id) ? [] : [`${what}: output id ${String(json.id)}, expected ${String(id)}`]);

/** Node field name → API field name, for Additional Fields / Update Fields. */
const CONTACT_FIELDS: Record<string, string> = {
	city: 'city', company: 'company', country: 'country', firstName: 'first_name', lastName: 'last_name',
	phone: 'phone', region: 'region', state: 'state', title: 'title',
};

/** Draws without repeating, falling back to undefined when all are taken. */
function taker<T>(random: () => number, items: readonly T[]): () => T | undefined {
	const left = [...items];
	return () => (left.length ? left.splice(Math.floor(random() * left.length), 1)[0] : undefined);
}

const isBlank = (value: unknown) => value === null || value === undefined || (typeof value === 'string' && !value.trim());

/** A mapped field's value: text, or with the features a blank or a number. */
function fieldValue(random: () => number, field: string, features: ReadonlySet<Feature>, focus?: Feature): unknown {
	const roll = random();
	if (features.has('blankMappedFields') && roll < (focus === 'blankMappedFields' ? 0.5 : 0.25)) return pick(random, [null, '', '  ', undefined]);
	const numeric = focus === 'numericMappedField' ? field === 'phone' : roll > 0.8 && (field === 'phone' || field === 'country');
	if (features.has('numericMappedField') && numeric) return 5_550_000 + Math.floor(random() * 9999);
	return `${field} ${Math.floor(random() * 10_000)}`;
}

/** Mapped contact fields: parameters reading `$json.<field>` (the phone for sure when numbers are the focus). */
function mappedFields(random: () => number, focus?: Feature): string[] {
	return Object.keys(CONTACT_FIELDS).filter((field) => random() < 0.4 || (field === 'phone' && focus === 'numericMappedField'));
}

/** The stored contact has each non-blank value mapped, and its earlier value where the mapping was blank. */
function checkFields(stored: Contact | undefined, before: Contact | undefined, values: IDataObject, fields: string[]): string[] {
	if (!stored) return ['the contact is not in the list after the run'];
	const problems: string[] = [];
	for (const field of fields) {
		const api = CONTACT_FIELDS[field] as keyof Contact;
		const value = values[field];
		const expected = isBlank(value) ? (before ? before[api] : null) : value;
		if (!same(stored[api], expected) || (expected === null) !== (stored[api] === null)) {
			problems.push(`${api} is ${JSON.stringify(stored[api])} after mapping ${JSON.stringify(value)} (before: ${JSON.stringify(before?.[api] ?? null)})`);
		}
	}
	return problems;
}

const contactsOf = (world: World, listId = world.listId) => world.sandbox.control.contacts(listId);

/**
 * An item naming a contact of the case list by email or id; without a contact (asked to
 * fail, or none left) it fails: bad input or, half the time when asked, one nobody has (404).
 */
function identified(world: World, byEmail: boolean, contact: Contact | undefined, fail: boolean) {
	const kind: ItemPlan['fails'] = contact ? undefined : fail && world.random() < 0.5 ? 'input' : 'api';
	const json = byEmail
		? { listId: world.listId, email: contact?.email ?? (kind === 'input' ? 'not-an-email' : world.freshEmail()) }
		: { listId: world.listId, contactId: contact ? String(contact.id) : kind === 'input' ? 'abc' : world.missingId() };
	return { contact, kind, json };
}

export const OPERATIONS: OperationSpec[] = [
	...(['get', 'getCredits', 'getUsage'] as const).map((operation) => ({
		resource: 'account',
		operation,
		draw: (): OperationDraw => ({
			parameters: {},
			canFail: false,
			item: () => ({
				json: {},
				maxCalls: 1,
				check: (out) =>
					one(out, (json) => {
						if (operation === 'get') return sameIdAs(json, 1001, 'account');
						if (operation === 'getCredits') return json.credits_total === 25_000 ? [] : [`credits_total ${String(json.credits_total)}`];
						return typeof json.calls_this_month === 'number' ? [] : ['no calls_this_month'];
					}),
			}),
		}),
	})),
	...([['getActivity', 'activities'], ['getHistory', 'history'], ['list:getAll', ''], ['download:getAll', '']] as const).map(([name, key]) => {
		const [resource, operation] = name.includes(':') ? name.split(':') : ['account', name];
		return {
			resource,
			operation,
			draw: ({ world, variation }: DrawContext): OperationDraw => {
				const paging = drawPaging(world.random);
				const { control } = world.sandbox;
				const expected: { id?: unknown }[] =
					key === 'activities' ? world.activities : key === 'history' ? world.history : resource === 'list' ? control.lists('demo') : control.downloads('demo');
				return {
					parameters: pagingParameters(paging),
					canFail: false,
					item: () => ({ json: {}, maxCalls: pageCallBound(paging, expected.length, variation), check: (out) => checkCollection(out, expected, paging, true) }),
				};
			},
		};
	}),
	{
		resource: 'contact',
		operation: 'getAll',
		draw: ({ world, features, variation, itemCount, focus }) => {
			const before = contactsOf(world);
			const paging: Paging = drawPaging(world.random);
			if (focus === 'listChangesWhileRead') Object.assign(paging, { returnAll: true, offset: 0, pageSize: Math.max(1, Math.floor(before.length / 3)) });
			const ordered = (contacts: Contact[]) => orderContacts(contacts, variation, () => 0);
			// Without an Offset: which items an Offset skips is not defined on a list that changes.
			const churning = features.has('listChangesWhileRead') && itemCount === 1 && paging.returnAll && !paging.offset && before.length > paging.pageSize;
			const churn: Churn | undefined = churning
				? { deletes: before.filter(() => world.random() < 0.2).map((contact) => contact.id), adds: Math.floor(world.random() * 4) }
				: undefined;
			const bound = pageCallBound(paging, before.length + (churn?.adds ?? 0), variation);
			return {
				parameters: { listId: byId('listId'), simplify: world.random() < 0.3, ...pagingParameters(paging) },
				canFail: false,
				churn,
				item: () => ({
					json: { listId: world.listId },
					// A list that changes may cost a bounded number of extra calls: at most as many again.
					maxCalls: churn ? 2 * bound : bound,
					check: (out) => {
						if (!churn) return checkCollection(out, ordered(before), paging, variation.ties !== 'shuffled');
						const after = new Set(contactsOf(world).map((contact) => String(contact.id)));
						const throughout = before.map((contact) => String(contact.id)).filter((id) => after.has(id));
						const got = out.map((item) => idOf(item.json));
						const problems = new Set(got).size === got.length ? [] : [`duplicate ids in the output: ${got.join(',')}`];
						const missing = throughout.filter((id) => !got.includes(id));
						if (missing.length) problems.push(`contacts there throughout the read are missing: ${missing.join(',')}`);
						return problems;
					},
				}),
			};
		},
	},
	{
		resource: 'contact',
		operation: 'get',
		draw: ({ world }) => {
			const byEmail = world.random() < 0.5;
			const next = taker(world.random, contactsOf(world));
			return {
				parameters: { listId: byId('listId'), identifyBy: byEmail ? 'email' : 'id', contactId: '={{ $json.contactId }}', email: '={{ $json.email }}' },
				canFail: true,
				item: (fail) => {
					const { contact, kind, json } = identified(world, byEmail, fail ? undefined : next(), fail);
					return { json, fails: kind, maxCalls: 1, check: (out) => one(out, (got) => sameIdAs(got, contact?.id, 'contact')) };
				},
			};
		},
	},
	{
		resource: 'contact',
		operation: 'upsert',
		draw: ({ world, features, focus }) => {
			const fields = mappedFields(world.random, focus);
			const next = taker(world.random, contactsOf(world));
			return {
				parameters: {
					listId: byId('listId'),
					email: '={{ $json.email }}',
					additionalFields: Object.fromEntries(fields.map((field) => [field, `={{ $json.${field} }}`])),
				},
				canFail: true,
				item: (fail) => {
					const existing = !fail && world.random() < 0.5 ? next() : undefined;
					const email = fail ? 'not-an-email' : existing?.email ?? world.freshEmail();
					const values: IDataObject = {};
					for (const field of fields) {
						const value = fieldValue(world.random, field, features, focus);
						if (value !== undefined) values[field] = value as IDataObject[string];
					}
					return {
						json: { listId: world.listId, email, ...values },
						fails: fail ? 'input' : undefined,
						maxCalls: 1,
						check: (out) => {
							const stored = contactsOf(world).find((contact) => contact.email === email);
							return [...checkFields(stored, existing, values, fields), ...one(out, (json) => sameIdAs(json, stored?.id, 'created or updated contact'))];
						},
					};
				},
			};
		},
	},
	{
		resource: 'contact',
		operation: 'update',
		draw: ({ world, features, focus }) => {
			const fields = mappedFields(world.random, focus);
			if (!fields.length) fields.push('city');
			const next = taker(world.random, contactsOf(world));
			// Update sends what is mapped, blank included (a deliberate clear): draw only values.
			const valueFeatures = new Set([...features].filter((feature) => feature !== 'blankMappedFields'));
			return {
				parameters: { contactId: '={{ $json.contactId }}', updateFields: Object.fromEntries(fields.map((field) => [field, `={{ $json.${field} }}`])) },
				canFail: true,
				item: (fail) => {
					const contact = fail ? undefined : next();
					const kind = contact ? undefined : fail && world.random() < 0.5 ? 'input' : 'api';
					const values: IDataObject = Object.fromEntries(fields.map((field) => [field, fieldValue(world.random, field, valueFeatures, focus) as IDataObject[string]]));
					return {
						json: { contactId: contact ? String(contact.id) : kind === 'input' ? 'abc' : world.missingId(), ...values },
						fails: kind,
						maxCalls: 1,
						check: (out) => {
							const stored = contactsOf(world).find((candidate) => candidate.id === contact?.id);
							return [...checkFields(stored, contact, values, fields), ...one(out, (json) => sameIdAs(json, contact?.id, 'updated contact'))];
						},
					};
				},
			};
		},
	},
	{
		resource: 'contact',
		operation: 'delete',
		draw: ({ world }) => {
			const byEmail = world.random() < 0.5;
			const fromEveryList = byEmail && world.random() < 0.5;
			const next = taker(world.random, contactsOf(world));
			return {
				parameters: {
					identifyBy: byEmail ? 'email' : 'id',
					fromEveryList,
					listId: byId('listId'),
					contactId: '={{ $json.contactId }}',
					email: '={{ $json.email }}',
				},
				canFail: true,
				item: (fail) => {
					const { contact, kind, json } = identified(world, byEmail, fail ? undefined : next(), fail);
					return {
						json,
						fails: kind,
						maxCalls: 1,
						check: (out) => {
							const lists = fromEveryList ? [world.listId, world.otherListId] : [world.listId];
							const left = lists.filter((listId) => contactsOf(world, listId).some((candidate) => candidate.email === contact?.email));
							return [...(left.length ? [`${contact?.email} is still in list(s) ${left.join(',')}`] : []), ...one(out, (got) => (got.deleted === true ? [] : ['no deleted: true']))];
						},
					};
				},
			};
		},
	},
	{
		resource: 'list',
		operation: 'get',
		draw: ({ world }) => {
			const next = taker(world.random, world.sandbox.control.lists('demo'));
			return {
				parameters: { listId: byId('listId') },
				canFail: true,
				item: (fail) => {
					const list = fail ? undefined : next();
					return {
						json: { listId: list ? String(list.id) : world.missingId() },
						fails: list ? undefined : 'api',
						maxCalls: 1,
						check: (out) => one(out, (json) => [...sameIdAs(json, list?.id, 'list'), ...(json.name === list?.name ? [] : [`name ${String(json.name)}`])]),
					};
				},
			};
		},
	},
	{
		resource: 'list',
		operation: 'create',
		draw: ({ world }) => {
			const existing = taker(world.random, world.sandbox.control.lists('demo'));
			let made = 0;
			return {
				parameters: { name: '={{ $json.name }}' },
				canFail: true,
				item: (fail) => {
					const name = fail ? '   ' : (world.random() < 0.3 ? existing()?.name : undefined) ?? `New list ${++made} ${Math.floor(world.random() * 1e6)}`;
					return {
						json: { name },
						fails: fail ? 'input' : undefined,
						maxCalls: 1,
						check: (out) => {
							const list = world.sandbox.control.lists('demo').find((candidate) => candidate.name === name);
							return list ? one(out, (json) => sameIdAs(json, list.id, 'created list')) : [`no list named ${name} after the run`];
						},
					};
				},
			};
		},
	},
	...(['update', 'delete'] as const).map((operation) => ({
		resource: 'list',
		operation,
		draw: ({ world }: DrawContext): OperationDraw => {
			const { control } = world.sandbox;
			const spare = Array.from({ length: 3 }, (_, index) => control.addList(`To ${operation} ${index}`));
			const next = taker(world.random, spare);
			return {
				parameters: { listId: byId('listId'), ...(operation === 'update' ? { name: '={{ $json.name }}' } : {}) },
				canFail: true,
				item: (fail) => {
					const list = fail ? undefined : next();
					const kind = list ? undefined : operation === 'update' && fail && world.random() < 0.5 ? 'input' : 'api';
					const name = kind === 'input' ? ' ' : `Renamed ${Math.floor(world.random() * 1e6)}`;
					return {
						json: { listId: list ? String(list.id) : world.missingId(), name },
						fails: kind,
						maxCalls: 1,
						check: (out) => {
							const now = control.lists('demo').find((candidate) => candidate.id === list?.id);
							if (operation === 'delete') return [...(now ? [`list ${list?.id} still exists`] : []), ...one(out, (json) => (json.deleted === true ? [] : ['no deleted: true']))];
							return [...(now?.name === name ? [] : [`list ${list?.id} is named ${now?.name}`]), ...one(out, (json) => sameIdAs(json, list?.id, 'renamed list'))];
						},
					};
				},
			};
		},
	})),
	...(['get', 'delete', 'getFile'] as const).map((operation) => ({
		resource: 'download',
		operation,
		draw: async ({ world }: DrawContext): Promise<OperationDraw> => {
			const { control } = world.sandbox;
			const downloads = control.downloads('demo');
			const contents = new Map(await Promise.all(downloads.map(async (download) => [download.id, await (await fetch(download.url)).text()] as const)));
			const next = taker(world.random, downloads);
			return {
				parameters: { downloadId: byId('downloadId'), ...(operation === 'getFile' ? { binaryPropertyName: 'data' } : {}) },
				canFail: true,
				item: (fail) => {
					const download = fail ? undefined : next();
					return {
						json: { downloadId: download ? String(download.id) : world.missingId() },
						fails: download ? undefined : 'api',
						maxCalls: 1,
						check: (out) =>
							one(out, (json) => {
								if (operation === 'delete') return control.downloads('demo').some((candidate) => candidate.id === download?.id) ? ['download still there'] : [];
								const problems = sameIdAs(json, download?.id, 'download');
								if (operation !== 'getFile') return problems;
								const data = out[0].binary?.data?.data;
								const file = data === undefined ? undefined : Buffer.from(data, 'base64').toString();
								return file === contents.get(download?.id ?? 0) ? problems : [...problems, `file content differs: ${JSON.stringify(file?.slice(0, 60))}`];
							}),
					};
				},
			};
		},
	})),
];
