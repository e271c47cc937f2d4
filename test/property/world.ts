import type { Contact, ContactFields, Sandbox } from '../../sandbox';
import { pick } from '../../sandbox/random';

/** What a case's items act on, set up in a fresh sandbox before the variation is turned on. */
export interface World {
	sandbox: Sandbox;
	random: () => number;
	/** A list of 0–35 contacts, all added within one second (so they tie to the second; run-case.ts holds the clock). */
	listId: number;
	/** A second list sharing some emails with the first (for From Every List). */
	otherListId: number;
	/** The account's activities and search history as the API gave them before the run. */
	activities: { id: number }[];
	history: { id: string }[];
	/** Emails nobody has yet, one per call. */
	freshEmail(): string;
	/** Ids nobody has. */
	missingId(): string;
}

const NAMES = ['Ada', 'Grace', 'Alan', 'Hedy', 'Linus', 'Barbara', 'Ken', 'Radia'];
const TEXT_FIELDS = ['first_name', 'last_name', 'title', 'company', 'phone', 'city', 'state', 'region'] as const;

export function randomFields(random: () => number): Partial<ContactFields> {
	const fields: Partial<ContactFields> = {};
	for (const field of TEXT_FIELDS) if (random() < 0.6) fields[field] = `${pick(random, NAMES)} ${field} ${Math.floor(random() * 1000)}`;
	return fields;
}

async function collection<T>(sandbox: Sandbox, path: string, key: string): Promise<T[]> {
	const response = await fetch(`${sandbox.baseUrl}${path}?limit=1000`, { headers: { 'X-Api-Key': sandbox.apiKey } });
	return ((await response.json()) as Record<string, T[]>)[key];
}

export async function makeWorld(sandbox: Sandbox, random: () => number): Promise<World> {
	let emails = 0;
	const freshEmail = () => `case-${++emails}-${Math.floor(random() * 1e6)}@example.com`;
	const { control } = sandbox;
	const list = control.addList('Case list');
	const other = control.addList('Other case list');
	const count = Math.floor(random() * 36);
	const added: Contact[] = control.addContacts(list.id, Array.from({ length: count }, () => ({ email: freshEmail(), ...randomFields(random) })));
	const shared = added.filter(() => random() < 0.3).map((contact) => ({ email: contact.email }));
	control.addContacts(other.id, [...shared, ...Array.from({ length: 3 }, () => ({ email: freshEmail() }))]);
	for (let i = Math.floor(random() * 3); i > 0; i--) control.addList(`Spare list ${i}`);
	for (let i = Math.floor(random() * 3); i > 0; i--) control.addDownload();
	return {
		sandbox,
		random,
		listId: list.id,
		otherListId: other.id,
		activities: await collection(sandbox, '/account/activity', 'activities'),
		history: await collection(sandbox, '/account/history', 'history'),
		freshEmail,
		missingId: () => String(900_000 + Math.floor(random() * 99_999)),
	};
}
