import type { IDataObject } from 'n8n-workflow';

/** Where a contact stands in the order contacts are added: by date_added, then by id. */
export interface ContactKey {
	/** date_added in epoch ms. */
	time: number;
	id: number;
	/** date_added as the API wrote it, kept for the saved cursor and for messages. */
	date: string;
}

export type Order = 'asc' | 'desc';

/** A date without a zone ("2025-01-01 10:00:00") is read as UTC, never as the server's local time. */
const NO_ZONE = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

function epochMs(value: unknown): number {
	if (typeof value !== 'string' || !value.trim()) return NaN;
	const text = value.trim();
	return Date.parse(NO_ZONE.test(text) ? `${text.replace(' ', 'T')}Z` : text);
}

/** The key of a contact, or undefined when its id or date_added is missing or unreadable. */
export function keyOf(contact: IDataObject): ContactKey | undefined {
	const id = typeof contact.id === 'string' && contact.id.trim() ? Number(contact.id) : contact.id;
	const time = epochMs(contact.date_added);
	if (typeof id !== 'number' || !Number.isFinite(id) || !Number.isFinite(time)) return undefined;
	return { time, id, date: String(contact.date_added) };
}

/** Negative when `a` was added before `b`. */
export function compareKeys(a: Pick<ContactKey, 'time' | 'id'>, b: Pick<ContactKey, 'time' | 'id'>): number {
	return a.time - b.time || a.id - b.id;
}

/** The order a page of at least two contacts is in, or undefined when it is not strictly ordered. */
export function orderOfKeys(keys: readonly ContactKey[]): Order | 'unsorted' | undefined {
	if (keys.length < 2) return undefined;
	const order: Order = compareKeys(keys[0], keys[keys.length - 1]) < 0 ? 'asc' : 'desc';
	const sign = order === 'asc' ? 1 : -1;
	for (let index = 1; index < keys.length; index++) {
		if (sign * compareKeys(keys[index - 1], keys[index]) >= 0) return 'unsorted';
	}
	return order;
}
