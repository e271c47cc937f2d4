import type { IDataObject } from 'n8n-workflow';
import { compareKeys, keyOf, orderOfKeys, type ContactKey, type Order } from './keys';

/** One page of GET /contacts as the API answered it. */
export interface ContactPage {
	items: IDataObject[];
	total: number;
	pagesCount: number;
}

/** What the poll logic needs from the API; the node binds it to the transport, tests to a fake. */
export interface ContactSource {
	page(page: number, limit: number): Promise<ContactPage>;
	/** The error for an answer the trigger cannot trust (the poll fails and the cursor stays). */
	malformed(message: string, description?: string): Error;
}

export interface Entry {
	key: ContactKey;
	contact: IDataObject;
	/** 0-based position in the list, in the API's order, when read. */
	position: number;
	/** The list's total when read. */
	total: number;
}

/** A page as read at one moment: a contiguous run of the list at that moment. */
export interface Window {
	page: number;
	/** Read order within the poll. */
	seq: number;
	total: number;
	pagesCount: number;
	/** Oldest first. */
	entries: Entry[];
	/** The order this page shows, when it has two contacts or more. */
	order?: Order;
}

export const newest = (window: Window): Entry | undefined => window.entries[window.entries.length - 1];
export const oldest = (window: Window): Entry | undefined => window.entries[0];

/** Whether the window holds a contact that is not newer than `last` (the boundary lies in it). */
export const reachesBack = (window: Window, last: ContactKey | null): boolean =>
	last !== null && window.entries.some((entry) => compareKeys(entry.key, last) <= 0);

/** Reads pages, checks every contact has a usable key and the page is ordered, and keeps every window read. */
export class PageReader {
	readonly windows: Window[] = [];

	constructor(
		private readonly source: ContactSource,
		readonly limit: number,
	) {}

	async read(page: number): Promise<Window> {
		const answer = await this.source.page(page, this.limit);
		const entries = answer.items.map((contact, index) => {
			const key = keyOf(contact);
			if (!key) {
				throw this.source.malformed(
					'Leadsopedia answered with a contact without a readable id or date_added',
					'The trigger needs both to tell new contacts from old ones; the poll was not counted, the next one retries.',
				);
			}
			return { key, contact, position: (page - 1) * this.limit + index, total: answer.total };
		});
		const order = orderOfKeys(entries.map((entry) => entry.key));
		if (order === 'unsorted') {
			throw this.source.malformed(
				'Leadsopedia answered with contacts not ordered by date_added and id',
				'The trigger relies on GET /contacts listing contacts in the order they were added (oldest or newest first).',
			);
		}
		if (order === 'desc') entries.reverse();
		const window: Window = { page, seq: this.windows.length, total: answer.total, pagesCount: answer.pagesCount, entries, order };
		this.windows.push(window);
		return window;
	}

	/** The latest read of a page, if it was read. */
	latest(page: number): Window | undefined {
		for (let index = this.windows.length - 1; index >= 0; index--) {
			if (this.windows[index].page === page) return this.windows[index];
		}
		return undefined;
	}
}
