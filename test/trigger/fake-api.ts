import type { IDataObject } from 'n8n-workflow';
import type { ContactPage, ContactSource } from '../../nodes/Leadsopedia/trigger/pages';

export type ApiOrder = 'asc' | 'desc';
/** How a contact can be unreadable to the trigger (real lists hold all four). */
export type Unreadable = 'null date' | 'zero date' | 'no id' | 'text id';
export type TieIds = 'ascending' | 'descending' | 'interleaved';

/** date_added in ms; one the database cannot order (null, "0000-00-00 00:00:00") sorts first, as MySQL sorts NULL. */
const time = (contact: IDataObject) => {
	const ms = Date.parse(contact.date_added as string);
	return Number.isNaN(ms) ? -Infinity : ms;
};

/** A contact's place in an interleaved tie order. */
const scrambled = (contact: IDataObject) => Math.imul(Number(contact.id) || 0, 2654435761) >>> 0;

/**
 * One list of the API in memory, paged exactly as CONTRACT.md says (page, limit, total,
 * pagesCount), in either order. `beforeCall` runs before each answer, so a test can change
 * the list between the page requests of one poll.
 */
export class FakeList {
	readonly contacts: IDataObject[] = [];
	calls = 0;
	beforeCall?: (call: number) => void;
	/** The most contacts the API puts on a page, whatever limit was asked for. */
	pageCap = Infinity;
	/** Ids skipped after each contact: other lists' contacts added at the same time take them. */
	idGap = 0;
	/**
	 * Contacts of one second in a new order on every request (MySQL's ORDER BY date_added with
	 * ties), drawn from this seed; undefined: in the order added, the same on every request.
	 */
	tieSeed?: number;
	/**
	 * With a stable tie order: contacts of one second by ascending id (as added), by descending
	 * id, or interleaved (an order of their own, neither, the same on every request).
	 */
	tieIds: TieIds = 'ascending';
	private nextId = 1;
	/** The last order answered, and the contacts (and their dates) it was sorted from: reused while they stand. */
	private sorted?: { order: ApiOrder; tieIds: TieIds; contacts: IDataObject[]; dates: unknown[]; ordered: IDataObject[] };
	private clock = Date.UTC(2025, 0, 1);

	constructor(public order: ApiOrder) {}

	/** Adds contacts, each a second after the previous one, or all in the second of the last one (`sameSecond`). */
	add(count: number, sameSecond = false): IDataObject[] {
		const added = Array.from({ length: count }, () => {
			if (!sameSecond) this.clock += 1000;
			const id = this.nextId;
			this.nextId += 1 + this.idGap;
			return { id, email: `c${id}@example.com`, date_added: new Date(this.clock).toISOString() };
		});
		this.contacts.push(...added);
		return added;
	}

	/**
	 * An import committed late: `count` contacts dated in the second of the contact with a usable
	 * date at `at` (0 to 1) of the list, none when it has none; their ids are larger than any.
	 */
	addLate(count: number, at: number): void {
		const dated = this.contacts.filter((contact) => Number.isFinite(Date.parse(contact.date_added as string)));
		if (dated.length === 0) return;
		const time = Date.parse(dated[Math.floor(at * dated.length)].date_added as string);
		for (let index = 0; index < count; index++) this.addDated(time);
	}

	/** Adds one contact dated `time` (epoch ms), without moving the clock: a wrong date, one set in the future. */
	addDated(time: number): IDataObject {
		const id = this.nextId;
		this.nextId += 1 + this.idGap;
		const contact = { id, email: `c${id}@example.com`, date_added: new Date(time).toISOString() };
		this.contacts.push(contact);
		return contact;
	}

	remove(id: number): void {
		const index = this.contacts.findIndex((contact) => contact.id === id);
		if (index >= 0) this.contacts.splice(index, 1);
	}

	answer(page: number, limit: number): ContactPage & { pagesCount: number } {
		this.calls++;
		this.beforeCall?.(this.calls);
		const ordered = this.ordered();
		const size = Math.min(limit, this.pageCap);
		const items = ordered.slice((page - 1) * size, page * size).map((contact) => ({ ...contact }));
		return { items, total: ordered.length, pagesCount: Math.ceil(ordered.length / size), pageLimit: size };
	}

	/**
	 * ORDER BY date_added ASC or DESC: contacts of one second in the tie order (a stable sort).
	 * With a stable tie order, the order of the last request is reused while the contacts and
	 * their dates stand (sorting 30,000 contacts for every page made bulk histories slow).
	 */
	private ordered(): IDataObject[] {
		if (this.tieSeed !== undefined) return this.byDate(this.tieBroken());
		const last = this.sorted;
		if (last && last.order === this.order && last.tieIds === this.tieIds && this.unchangedSince(last)) return last.ordered;
		const ordered = this.byDate(this.tieBroken());
		this.sorted = { order: this.order, tieIds: this.tieIds, contacts: [...this.contacts], dates: this.contacts.map((contact) => contact.date_added), ordered };
		return ordered;
	}

	/** Whether the list holds the same contacts, with the same dates, in the same order as then. */
	private unchangedSince(last: { contacts: IDataObject[]; dates: unknown[] }): boolean {
		const { contacts } = this;
		if (contacts.length !== last.contacts.length) return false;
		for (let index = 0; index < contacts.length; index++) {
			if (contacts[index] !== last.contacts[index] || contacts[index].date_added !== last.dates[index]) return false;
		}
		return true;
	}

	/** Sorted in place by date_added in the API's order, each date parsed once. */
	private byDate(contacts: IDataObject[]): IDataObject[] {
		const times = new Map(contacts.map((contact) => [contact, time(contact)]));
		const at = (contact: IDataObject) => times.get(contact) as number;
		return this.order === 'asc' ? contacts.sort((a, b) => at(a) - at(b)) : contacts.sort((a, b) => at(b) - at(a));
	}

	/** The contacts in the tie order, shuffled for this request when ties are unstable (the sort by date is stable). */
	private tieBroken(): IDataObject[] {
		const contacts = this.tieIds === 'descending' ? [...this.contacts].reverse() : [...this.contacts];
		// An order of their own: by a hash of the id (Knuth's multiplicative), the same on every request.
		if (this.tieIds === 'interleaved') contacts.sort((a, b) => scrambled(a) - scrambled(b));
		if (this.tieSeed === undefined) return contacts;
		for (let index = contacts.length - 1; index > 0; index--) {
			// A linear congruential generator: the same seed gives the same requests, run after run.
			this.tieSeed = (Math.imul(this.tieSeed, 1103515245) + 12345) >>> 0;
			const other = this.tieSeed % (index + 1);
			[contacts[index], contacts[other]] = [contacts[other], contacts[index]];
		}
		return contacts;
	}

	source(): ContactSource {
		return {
			page: async (page, limit) => this.answer(page, limit),
			malformed: (message) => new Error(message),
		};
	}

	/**
	 * Adds one contact the trigger cannot place: date_added null or MySQL's zero date (sorted
	 * before every date), or, a second after the last contact, no id or an id that is not a number.
	 */
	addUnreadable(flavour: Unreadable): IDataObject {
		const number = this.nextId;
		this.nextId += 1 + this.idGap;
		const dated = flavour === 'no id' || flavour === 'text id';
		if (dated) this.clock += 1000;
		const date = dated ? new Date(this.clock).toISOString() : flavour === 'null date' ? null : '0000-00-00 00:00:00';
		const contact: IDataObject = { id: flavour === 'text id' ? `c${number}` : number, email: `c${number}@example.com`, date_added: date };
		if (flavour === 'no id') delete contact.id;
		this.contacts.push(contact);
		return contact;
	}
}
