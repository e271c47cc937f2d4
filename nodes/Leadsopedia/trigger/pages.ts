import type { IDataObject } from 'n8n-workflow';
import { isWholeSecond, type ListCursor } from './cursor';
import { compareKeys, isDated, keyOf, orderOfKeys, timeOf, type ContactKey, type Order } from './keys';

/** One page of GET /contacts as the API answered it. */
export interface ContactPage {
	items: IDataObject[];
	total: number;
	/** The page size the envelope says it used, when it says (it may only echo the limit asked). */
	pageLimit?: number;
	/** The envelope's pagesCount, when it states one. */
	pagesCount?: number;
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
	/** Oldest first, by date_added then id: the contacts it could place. */
	entries: Entry[];
	/** The contacts on the page as answered, placed or not. */
	count: number;
	/** The order this page shows, when it has two contacts or more. */
	order?: Order;
	/** Positions of its contacts with a date but no usable id: they sort among the others, unplaced. */
	idless: number[];
	/** How many of its contacts have no usable date_added: they sort at the list's oldest end (MySQL sorts NULL so). */
	undated: number;
	/** Its earliest usable date_added, a contact without a usable id counting too. */
	earliest?: number;
}

export const newest = (window: Window): Entry | undefined => window.entries[window.entries.length - 1];

/** Whether a page is the list's newest end (page 1 newest first, the last page oldest first). */
export const atNewestEnd = (window: Window, order: Order): boolean => (order === 'desc' ? window.page <= 1 : window.page >= window.pagesCount);

/** Whether position `a` lies nearer the list's newest end than position `b`. */
export const nearerNewestEnd = (a: number, b: number, order: Order): boolean => (order === 'desc' ? a < b : a > b);

/** Whether a page is the list's oldest end. */
export const atOldestEnd = (window: Window, order: Order): boolean => (order === 'asc' ? window.page <= 1 : window.page >= window.pagesCount);
export const oldest = (window: Window): Entry | undefined => window.entries[0];

/** The position of a page's contact at its newest or oldest end, when that contact has a date but no usable id. */
export function idlessAtEnd(window: Window, end: 'newest' | 'oldest', order: Order): number | undefined {
	if (window.idless.length === 0) return undefined;
	const positions = [...window.idless, ...window.entries.map((entry) => entry.position)];
	const position = (end === 'newest') === (order === 'asc') ? Math.max(...positions) : Math.min(...positions);
	return window.idless.includes(position) ? position : undefined;
}

/**
 * Whether the boundary lies in the window: it holds a contact older than the second of `last`,
 * or it is the oldest page. (Contacts of the second of `last` may come in any order of ids, so
 * one of them newer than `last` can sit on the next page down.) When every contact of that
 * second is old (`WHOLE_SECOND`), any contact of it is the boundary.
 */
export function reachesBack(window: Window, cursor: Pick<ListCursor, 'last' | 'tied' | 'swept' | 'order'>, order: Order): boolean {
	const { last } = cursor;
	if (last === null) return false;
	const whole = isWholeSecond(cursor);
	return (
		window.entries.some((entry) => entry.key.time < last.time || (whole && entry.key.time === last.time)) ||
		(atOldestEnd(window, order) && window.entries.some((entry) => compareKeys(entry.key, last) <= 0)) ||
		showsAnchor(window, cursor, order)
	);
}

/**
 * A position in the API's order turned into the place counted from the list's oldest end, in a
 * list of `total` (and back: the same turn). Contacts added at the newest end do not move a place.
 */
export const turned = (position: number, total: number, order: Order): number => (order === 'asc' ? position : total - 1 - position);

/** An entry's place counted from the list's oldest end, when read. */
export const fromOldest = (entry: Entry, order: Order): number => turned(entry.position, entry.total, order);

/**
 * Whether the page shows the anchor of a read of the cursor's second spread over polls where it
 * stood, or nearer the oldest end (sweep.ts): the part of that second below it holds only old
 * contacts. Only in the order the anchor was taken in: in the other, contacts of one second may
 * come in another order.
 */
export const showsAnchor = (window: Window, cursor: Pick<ListCursor, 'last' | 'swept' | 'order'>, order: Order): boolean => anchorOn(window, cursor, order) !== undefined;

/**
 * The anchor on the page, as `showsAnchor` finds it: the anchor's contact, or, in a second the
 * API lists in another order on each request (`shuffled`), whichever contact of that second
 * stands at the anchor's place.
 */
export function anchorOn(window: Window, cursor: Pick<ListCursor, 'last' | 'swept' | 'order'>, order: Order): Entry | undefined {
	const { last, swept } = cursor;
	if (!last || swept?.id === undefined || cursor.order !== order) return undefined;
	const place = swept.fromOldest as number;
	const ofSecond = window.entries.filter((entry) => entry.key.time === last.time);
	if (swept.shuffled) return ofSecond.find((entry) => fromOldest(entry, order) === place);
	// Moved towards the oldest end, contacts below it were deleted: those left were old (sweep.ts checks where the
	// second begins; an addition to it masked by deletions of its own contacts there is missed).
	return ofSecond.find((entry) => entry.key.id === swept.id && fromOldest(entry, order) <= place);
}

/** The entries of the contacts of `second` on `windows`, page by page (the same contact once for each page showing it). */
export const entriesOf = (windows: readonly Window[], second: number | undefined): Entry[] =>
	windows.flatMap((window) => window.entries.filter((entry) => entry.key.time === second));

/** Whether a page holds a contact of `second`. */
export const holdsSecond = (window: Window, second: number | undefined): boolean => window.entries.some((entry) => entry.key.time === second);

/** The distinct ids of the contacts of `second` on `windows`. */
export const idsOfSecond = (windows: readonly Window[], second: number): Set<number> => new Set(entriesOf(windows, second).map((entry) => entry.key.id));

/** The places of the contacts of `second` on `windows`, as positions in the API's order. */
export const placesOf = (windows: readonly Window[], second: number | undefined): Set<number> => new Set(entriesOf(windows, second).map((entry) => entry.position));

/**
 * Whether places can be counted against contacts on `windows`: all read at one total, and none
 * holding a contact without a usable id (placed anew on each request, it would take a place of
 * its second's on one page and not on another).
 */
export const countable = (windows: readonly Window[]): boolean => new Set(windows.map((window) => window.total)).size <= 1 && windows.every((window) => window.idless.length === 0);

/**
 * The seconds that `windows` (`countable`) show at more places than distinct contacts, oldest
 * first: the API listed each in a new order on another request (MySQL's ties), so that some of
 * it was on none of them. One pass over the entries (a chain may hold 24,000 seconds).
 */
export function shuffledSeconds(windows: readonly Window[]): number[] {
	if (!countable(windows)) return [];
	const seconds = new Map<number, { ids: Set<number>; places: Set<number> }>();
	for (const entry of windows.flatMap((window) => window.entries)) {
		const second = seconds.get(entry.key.time) ?? { ids: new Set<number>(), places: new Set<number>() };
		seconds.set(entry.key.time, second);
		second.ids.add(entry.key.id);
		second.places.add(entry.position);
	}
	return [...seconds].filter(([, second]) => second.ids.size < second.places.size).map(([time]) => time).sort((a, b) => a - b);
}

/** Whether `windows` show `second` so (`shuffledSeconds`). */
export const shuffledOn = (windows: readonly Window[], second: number): boolean => shuffledSeconds(windows).includes(second);

/**
 * The order a page shows by where its contacts without a usable date sit, when its dates alone
 * cannot tell: they sort at the oldest end, first oldest first and last newest first.
 */
function orderOfUndated(items: readonly IDataObject[]): Order | undefined {
	if (items.length < 2 || !items.some(isDated)) return undefined;
	const first = !isDated(items[0]);
	const last = !isDated(items[items.length - 1]);
	return first === last ? undefined : first ? 'asc' : 'desc';
}

/** Reads pages, sets aside contacts without a usable key, checks the page is ordered, and keeps every window read. */
export class PageReader {
	readonly windows: Window[] = [];
	/** Contacts read whose id or date_added cannot be read (date_added null, "0000-00-00 00:00:00"). */
	readonly unreadable: IDataObject[] = [];
	/** Contacts per page as the API pages them: the limit asked for until an answer shows a smaller one. */
	size: number;
	/** Pages of another size read (`readAt`): their order tells the API's, their places are not those of `windows`. */
	readonly resized: Window[] = [];
	/** Calls made: the pages in `windows` and those of another size (`readAt`). */
	calls = 0;

	constructor(
		private readonly source: ContactSource,
		private readonly limit: number,
	) {
		this.size = limit;
	}

	/** The page that holds a position (0-based, in the API's order). */
	pageOf(position: number): number {
		return Math.floor(Math.max(0, position) / this.size) + 1;
	}

	async read(page: number): Promise<Window> {
		const answer = await this.fetch(page, this.limit);
		this.learnSize(page, answer);
		const window = this.windowOf(page, this.size, answer);
		this.windows.push(window);
		return window;
	}

	/** A page of another size than this reader's (tie-bridge.ts): a call, but not one of the pages `latest` knows. */
	async readAt(page: number, limit: number): Promise<Window> {
		const window = this.windowOf(page, limit, await this.fetch(page, limit));
		this.resized.push(window);
		return window;
	}

	private async fetch(page: number, limit: number): Promise<ContactPage> {
		this.calls++;
		return await this.source.page(page, limit);
	}

	private windowOf(page: number, size: number, answer: ContactPage): Window {
		const entries: Entry[] = [];
		const idless: number[] = [];
		answer.items.forEach((contact, index) => {
			const key = keyOf(contact);
			const position = (page - 1) * size + index;
			// A contact without a readable id or date_added cannot be placed: it is set aside, and the others go on.
			if (key) entries.push({ key, contact, position, total: answer.total });
			else this.unreadable.push(contact);
			if (!key && isDated(contact)) idless.push(position);
		});
		// Contacts with a date but no usable id sort by it among the others: their dates tell the order too
		// (a page of them alone above one date would leave the order unknown, and a list, on every poll).
		const times = answer.items.map(timeOf).filter(Number.isFinite);
		const order = orderOfKeys(times.map((time) => ({ time }))) ?? orderOfUndated(answer.items);
		if (order === 'unsorted') {
			throw this.source.malformed(
				'Leadsopedia answered with contacts not ordered by date_added',
				'The trigger relies on GET /contacts listing contacts in the order they were added (oldest or newest first).',
			);
		}
		// Within a page, contacts of one second may come in any order of ids: sort them as a set.
		entries.sort((a, b) => compareKeys(a.key, b.key));
		const undated = answer.items.filter((contact) => !isDated(contact)).length;
		const earliest = times.length > 0 ? Math.min(...times) : undefined;
		return { page, seq: this.calls, total: answer.total, pagesCount: Math.ceil(answer.total / size), entries, count: answer.items.length, order, idless, undated, earliest };
	}

	/**
	 * The API may page by less than the limit asked for (a cap), and its envelope may only echo
	 * the limit asked. A smaller stated limit says so; so does a short page that is not the
	 * list's last, a pagesCount that needs more pages than the total over the size, or a page
	 * that would end past the total at the size (the list's last page, at a smaller size).
	 */
	private learnSize(page: number, answer: ContactPage): void {
		if (answer.pageLimit !== undefined && answer.pageLimit < this.size) this.size = answer.pageLimit;
		const count = answer.items.length;
		const notLast = (page - 1) * this.size + count < answer.total;
		const pastTotal = (page - 1) * this.size + count > answer.total;
		const morePages = answer.pagesCount !== undefined && answer.pagesCount > Math.ceil(answer.total / this.size);
		if (count > 0 && count < this.size && (notLast || morePages || pastTotal)) {
			// The short last page of the API's count holds what the pages before it left: they hold the size.
			const last = pastTotal || (morePages && !notLast && page === answer.pagesCount);
			const lastPage = last && page > 1 && (answer.total - count) % (page - 1) === 0;
			this.size = lastPage ? (answer.total - count) / (page - 1) : count;
		}
	}

	/** The latest read of a page, if it was read. */
	latest(page: number): Window | undefined {
		for (let index = this.windows.length - 1; index >= 0; index--) {
			if (this.windows[index].page === page) return this.windows[index];
		}
		return undefined;
	}
}
