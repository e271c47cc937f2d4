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

/** A contact's date_added in epoch ms, NaN when unusable; one without a usable id still sorts by it among the others. */
export const timeOf = (contact: IDataObject): number => epochMs(contact.date_added);

/** Whether a contact's date_added is readable (a contact with it but no usable id still sorts among the dated ones). */
export const isDated = (contact: IDataObject): boolean => Number.isFinite(timeOf(contact));

/** Negative when `a` was added before `b`. */
export function compareKeys(a: Pick<ContactKey, 'time' | 'id'>, b: Pick<ContactKey, 'time' | 'id'>): number {
	return a.time - b.time || a.id - b.id;
}

/**
 * The order a page is in by date_added alone: contacts of one second may come in any order of
 * ids. Undefined when the page cannot tell (fewer than two distinct dates).
 */
export function orderOfKeys(keys: readonly Pick<ContactKey, 'time'>[]): Order | 'unsorted' | undefined {
	if (keys.length < 2) return undefined;
	const span = keys[keys.length - 1].time - keys[0].time;
	if (span === 0) return keys.every((key) => key.time === keys[0].time) ? undefined : 'unsorted';
	const sign = Math.sign(span);
	for (let index = 1; index < keys.length; index++) {
		if (sign * (keys[index].time - keys[index - 1].time) < 0) return 'unsorted';
	}
	return sign > 0 ? 'asc' : 'desc';
}
