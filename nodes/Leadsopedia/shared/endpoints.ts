/**
 * Every Leadsopedia API path, in one place. CONTRACT.md marks several paths as a choice
 * between two forms the public document gives; correcting one is a one-line change here.
 * Path values are always URL-encoded, so nothing a user types can change the endpoint.
 */
const segment = (value: string | number) => encodeURIComponent(String(value));

export const endpoints = {
	lists: () => '/mylists',
	list: (listId: string) => `/mylists/${segment(listId)}`,

	/** Get many in a list: `?list_id=`. Delete by email: `?email=` (and optional `list_id`). */
	contacts: () => '/contacts',
	/** Get by id or email, delete by id (choice: the headings' form, `/contacts/{list_id}?id=`). */
	contactsInList: (listId: string) => `/contacts/${segment(listId)}`,
	/** Update by id. */
	contact: (contactId: string) => `/contacts/${segment(contactId)}`,

	/** Choice: the heading's `/downloads`; the examples use `/mydownloads`. */
	downloads: () => '/downloads',
	download: (downloadId: string) => `/downloads/${segment(downloadId)}`,

	account: () => '/account',
	accountCredits: () => '/account/credits',
	accountUsage: () => '/account/usage',
	accountActivity: () => '/account/activity',
	accountHistory: () => '/account/history',
} as const;

/** The array field of each collection's pagination envelope. */
export type CollectionKey = 'lists' | 'contacts' | 'downloads' | 'activities' | 'history';
