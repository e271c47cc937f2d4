import type { IDataObject } from 'n8n-workflow';

/** What one page added to a read, for the walk to decide where to go next. */
export interface PageRead {
	/** Where the page starts in the list, as the API counts it now. */
	first: number;
	items: IDataObject[];
	/** The list's total in this page's envelope, when it states one. */
	total: number | undefined;
}

/** Positions already read beyond a gap that a shrinking list opened behind them. */
interface ReadAhead {
	start: number;
	end: number;
}

const idOf = (item: IDataObject): string | undefined =>
	typeof item.id === 'number' || (typeof item.id === 'string' && item.id !== '') ? `${typeof item.id}:${String(item.id)}` : undefined;

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
	 * Returns false when the list shrank but its items carry no id to tell a repeat.
	 */
	add(page: PageRead): boolean {
		const { first, items, total } = page;
		if (first < this.furthest) this.rereads++;
		const change = total !== undefined && this.lastTotal !== undefined ? total - this.lastTotal : 0;
		if (total !== undefined) this.lastTotal = total;
		if (change < 0 && !items.every((item) => idOf(item) !== undefined)) return false;

		const from = this.position;
		const end = first + items.length;
		const onPage = from >= first && from < end;
		if (onPage) this.take(items.slice(from - first));
		this.furthest = Math.max(this.furthest, end);

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
			return true;
		}
		// An addition may have pushed unread items into what was read ahead: read it again.
		if (change > 0) this.ahead = undefined;
		if (onPage) this.position = end;
		if (this.ahead && this.position >= this.ahead.start) {
			this.position = Math.max(this.position, this.ahead.end);
			this.ahead = undefined;
		}
		return true;
	}

	private take(items: IDataObject[]): void {
		for (const item of items) {
			if (this.complete) return;
			const id = idOf(item);
			if (id !== undefined) {
				if (this.seen.has(id)) continue;
				this.seen.add(id);
			}
			this.items.push(item);
		}
	}
}
