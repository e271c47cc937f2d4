/** The data shapes the API answers with (CONTRACT.md), and the settings shared by the server's parts. */

export type AccountName = 'demo' | 'other';

export interface Contact {
	id: number;
	email: string;
	first_name: string | null;
	last_name: string | null;
	title: string | null;
	company: string | null;
	phone: string | null;
	city: string | null;
	state: string | null;
	region: string | null;
	/** The document says int; the sandbox stores what it is given (string or number). */
	country: string | number | null;
	date_added: string;
}

/** Every contact field a client may write (`id` and `date_added` are the server's). */
export type ContactFields = Omit<Contact, 'id' | 'date_added'>;
export const CONTACT_FIELDS: readonly (keyof ContactFields)[] = [
	'email', 'first_name', 'last_name', 'title', 'company', 'phone', 'city', 'state', 'region', 'country',
];

export interface List {
	id: number;
	name: string;
	total_contacts: number;
	date_created: string;
}

export interface Download {
	id: number;
	filename: string;
	extension: string;
	/** Points at the sandbox's second listener (`fileBaseUrl`), another origin than the API. */
	url: string;
	date_created: string;
}

export interface HistoryItem {
	/** A 24-hex-digit MongoDB ObjectID. */
	id: string;
	type: 'contacts' | 'company' | 'email';
	lead_count: number;
	date_added: string;
}

export interface Activity {
	id: number;
	type: string;
	description: string;
	date_added: string;
}

export interface AccountProfile {
	id: number;
	name: string;
	address: string;
	phone: string;
	email: string;
	company: string;
	status: string;
	date_created: string;
}

export type ContactOrder = 'asc' | 'desc';

/** Options that may change while the sandbox runs (`control.setOptions`). */
export interface Settings {
	intervalMs: number;
	monthlyQuota: number;
	order: ContactOrder;
	readonly seed: number;
	readonly now: () => number;
}
