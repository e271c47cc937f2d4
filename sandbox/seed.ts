import type { Database } from './data';
import { hash, hex, rng } from './random';
import type { AccountName, HistoryItem } from './types';

/** The demo content every sandbox starts with, the same for the same seed. */

const DAY = 86_400_000;
const SEED_START = Date.UTC(2024, 0, 1);
const iso = (ms: number) => new Date(ms).toISOString();

const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Shaped like the document's example key (23 characters), with a recognisable `SBX` prefix. */
function apiKey(seed: number, account: number): string {
	const random = rng(hash(seed, account, 0x6b6579));
	return 'SBX' + Array.from({ length: 20 }, () => KEY_ALPHABET[Math.floor(random() * 64)]).join('');
}

function history(seed: number, account: number, count: number): HistoryItem[] {
	const random = rng(hash(seed, account, 0x68697374));
	const types = ['contacts', 'company', 'email'] as const;
	return Array.from({ length: count }, (_, index) => {
		const date = SEED_START + (index + 1) * 3 * DAY + Math.floor(random() * DAY);
		// An ObjectID: 4 bytes of seconds since the epoch, then 8 random bytes.
		const id = Math.floor(date / 1000).toString(16).padStart(8, '0') + hex(random, 16);
		return { id, type: types[index % 3], lead_count: 1 + Math.floor(random() * 500), date_added: iso(date) };
	});
}

function addAccount(db: Database, seed: number, name: AccountName, number: number, profile: { name: string; email: string; company: string }) {
	db.accounts.set(name, {
		name,
		key: apiKey(seed, number),
		profile: {
			id: 1000 + number,
			...profile,
			address: `${number} Sandbox Way, Springfield`,
			phone: `+1-202-555-010${number}`,
			status: 'active',
			date_created: iso(SEED_START),
		},
		credits: 25_000,
		history: history(seed, number, number === 1 ? 12 : 3),
		activities: [],
	});
}

export function seedDemo(db: Database, seed: number, bigList: number | undefined): void {
	addAccount(db, seed, 'demo', 1, { name: 'Demo Account', email: 'demo@example.com', company: 'Sandbox Inc.' });
	addAccount(db, seed, 'other', 2, { name: 'Other Team', email: 'other@example.com', company: 'Elsewhere Ltd' });

	const lists: [AccountName, string, number][] = [
		['demo', 'Prospects', 25],
		['demo', 'Customers', 3],
		['demo', 'Empty list', 0],
		['other', 'Other team list', 4],
	];
	lists.forEach(([account, name, contacts], index) => db.createList(account, name, iso(SEED_START + (index + 1) * DAY), contacts));
	if (bigList !== undefined) db.createList('demo', 'Big list', iso(SEED_START + 10 * DAY), bigList);

	db.addDownload('demo', 'leads-2024-03-01.csv', undefined, iso(SEED_START + 60 * DAY));
	db.addDownload('demo', 'companies-2024-04-12.csv', undefined, iso(SEED_START + 102 * DAY));
	db.addDownload('other', 'other-leads-2024-05-20.csv', undefined, iso(SEED_START + 140 * DAY));

	db.recordActivity('demo', 'account_created', 'Account created', iso(SEED_START));
	db.recordActivity('demo', 'export', 'Exported leads-2024-03-01.csv', iso(SEED_START + 60 * DAY));
	db.recordActivity('demo', 'export', 'Exported companies-2024-04-12.csv', iso(SEED_START + 102 * DAY));
	db.recordActivity('other', 'account_created', 'Account created', iso(SEED_START));
}
