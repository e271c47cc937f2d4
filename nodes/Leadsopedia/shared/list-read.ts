import type { IDataObject } from 'n8n-workflow';

/** What one page added to a read, for the walk to decide where to go next. */
export interface PageRead {
	/** Where the page starts in the list, as the API counts it now. */
	first: number;
	items: IDataObject[];
	/** The list's total in this page's envelope, when it states one. */
	total: number | undefined;
}

/** Why a read cannot vouch for its list (page-checks.ts words it). */
export type UnreadableChange = 'no ids' | 'reordered';

/** Positions already read beyond a gap that a shrinking list opened behind them. */
interface ReadAhead {
	start: number;
	end: number;
}

const idOf = (item: IDataObject): string | undefined =>
	typeof item.id === 'number' || (typeof item.id === 'string' && item.id !== '') ? `${typeof item.id}:${String(item.id)}` : undefined;

/** The second an item was added (a contact) or created (a list, a download); undefined when it states none. */
function secondOf(item: IDataObject): number | undefined {
	const date = Date.parse(String(item.date_added ?? item.date_created ?? ''));
	return Number.isNaN(date) ? undefined : Math.floor(date / 1000);
}

/** Whether the items carry dates of at least two different seconds. */
function spanSeconds(items: IDataObject[]): boolean {
	const seconds = items.map(secondOf);
	return !seconds.includes(undefined) && new Set(seconds).size > 1;
}

/**
 * One Get Many over a list that may change while it is read (at 10 s a page, a long read
 * takes minutes). Positions are the list's as the latest page counts them. Every item is
 * handed on once (by id); when a page's total shows the list shrank since the page before,
 * items behind the read may have slid back over the seam, so the read steps back by as many
 * positions before going on, and skips what it read beyond (an addition at the front only
 * pushes items forward: they come again and are dropped as already seen).
 */
export class ListRead {
	readonly items: IDataObject[] = [];
	/** The next position to read. */
	position: number;
	/** Calls spent reading positions again. */
	rereads = 0;
	private readonly seen = new Set<string>();
	private lastTotal: number | undefined;
	private ahead: ReadAhead | undefined;
	/** The furthest position read: a page that starts before it is a read again. */
	private furthest: number;

	constructor(
		private readonly offset: number,
		private readonly wanted: number,
	) {
		this.position = offset;
		this.furthest = offset;
	}

	get complete(): boolean {
		return this.items.length >= this.wanted;
	}

	/**
	 * Takes what the page holds from the read's position on, and moves the position: past the
	 * page, or back by as much as the list shrank since the page before.
	 * Returns why the read cannot vouch for its list, if it cannot: the list shrank but its
	 * items carry no id to tell a repeat, or the page came in another order than the ones before.
	 */
	add(page: PageRead): UnreadableChange | undefined {
		const { first, items, total } = page;
		if (first < this.furthest) this.rereads++;
		const change = total !== undefined && this.lastTotal !== undefined ? total - this.lastTotal : 0;
		if (total !== undefined) this.lastTotal = total;
		if (change < 0 && !items.every((item) => idOf(item) !== undefined)) return 'no ids';

		const from = this.position;
		const fresh = from >= this.furthest;
		const end = first + items.length;
		const onPage = from >= first && from < end;
		const repeats = onPage ? this.take(items.slice(from - first)) : [];
		this.furthest = Math.max(this.furthest, end);
		// Items read before come again on a new page when as many were added in front of them,
		// or when the API served this page in another order. Lists are in date order, so an
		// order can change only among items of one second: an item skipped that way passed
		// every repeat, and so shares its second. Repeats from two seconds or more rule that
		// out; otherwise as many as came twice may have been skipped, and nothing tells which.
		if (fresh && repeats.length > Math.max(0, change) && !spanSeconds(repeats)) return 'reordered';

		if (change < 0) {
			// Items behind the read may have slid back by up to the shrinkage: step back as far,
			// and skip this page when the read gets there again. Of what was read ahead before,
			// only positions the slide cannot have refilled stay read.
			if (this.ahead) {
				const end = this.ahead.end + change;
				this.ahead = end > this.ahead.start ? { start: this.ahead.start, end } : undefined;
			} else if (onPage) {
				this.ahead = { start: from, end };
			}
			this.position = Math.max(this.offset, from + change);
			return undefined;
		}
		// An addition may have pushed unread items into what was read ahead: read it again.
		if (change > 0) this.ahead = undefined;
		if (onPage) this.position = end;
		if (this.ahead && this.position >= this.ahead.start) {
			this.position = Math.max(this.position, this.ahead.end);
			this.ahead = undefined;
		}
		return undefined;
	}

	/** Hands on the items not seen before, until the read is complete; returns the ones seen before. */
	private take(items: IDataObject[]): IDataObject[] {
		const repeats: IDataObject[] = [];
		for (const item of items) {
			if (this.complete) break;
			const id = idOf(item);
			if (id !== undefined) {
				if (this.seen.has(id)) {
					repeats.push(item);
					continue;
				}
				this.seen.add(id);
			}
			this.items.push(item);
		}
		return repeats;
	}
}
