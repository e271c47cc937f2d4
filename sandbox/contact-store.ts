import { generatedIndexOf } from './generate';
import type { Contact, ContactOrder } from './types';

/**
 * The contacts of one list. The first `generatedCount` contacts are generated on demand from
 * their index (ids `firstId + index`); only changes are stored: deleted indices, edited
 * generated contacts, and contacts added later. So a list of millions costs almost nothing
 * until it is written to, and any page is found in O(limit · log(deletions)).
 */
export class ContactStore {
	/** Deleted generated indices, sorted, for mapping a position to an index. */
	private readonly deletedSorted: number[] = [];
	private readonly deleted = new Set<number>();
	/** Generated contacts that were edited, by index. */
	private readonly edited = new Map<number, Contact>();
	/** Contacts added after generation, in insertion order. */
	private readonly added: Contact[] = [];
	private readonly addedById = new Map<number, Contact>();
	/** Lower-cased email → id, for added and edited contacts (generated ones are found from their email). */
	private readonly idByEmail = new Map<string, number>();

	constructor(
		private readonly generatedCount: number,
		private readonly firstId: number,
		private readonly generate: (index: number) => Contact,
	) {}

	get size(): number {
		return this.generatedCount - this.deleted.size + this.added.length;
	}

	/** `count` contacts from `offset`, in `order` of insertion (ascending = oldest first). */
	page(offset: number, count: number, order: ContactOrder): Contact[] {
		const end = Math.min(offset + count, this.size);
		const items: Contact[] = [];
		for (let position = offset; position < end; position++) {
			items.push(this.at(order === 'asc' ? position : this.size - 1 - position));
		}
		return items;
	}

	all(): Contact[] {
		return this.page(0, this.size, 'asc');
	}

	findById(id: number): Contact | undefined {
		const index = id - this.firstId;
		if (index >= 0 && index < this.generatedCount) return this.generatedAt(index);
		return this.addedById.get(id);
	}

	findByEmail(email: string): Contact | undefined {
		const key = email.toLowerCase();
		const id = this.idByEmail.get(key);
		if (id !== undefined) return this.findById(id);
		const index = generatedIndexOf(key);
		if (index === undefined || index >= this.generatedCount || this.edited.has(index)) return undefined;
		const contact = this.generatedAt(index);
		return contact?.email === key ? contact : undefined;
	}

	add(contact: Contact): void {
		this.added.push(contact);
		this.addedById.set(contact.id, contact);
		this.idByEmail.set(contact.email.toLowerCase(), contact.id);
	}

	/** Replaces a stored contact (same id) with its edited form. */
	replace(contact: Contact): void {
		const old = this.findById(contact.id);
		if (!old) throw new Error(`contact ${contact.id} is not in this list`);
		this.idByEmail.delete(old.email.toLowerCase());
		this.idByEmail.set(contact.email.toLowerCase(), contact.id);
		const index = contact.id - this.firstId;
		if (index >= 0 && index < this.generatedCount) {
			this.edited.set(index, contact);
		} else {
			this.added[this.added.indexOf(old)] = contact;
			this.addedById.set(contact.id, contact);
		}
	}

	remove(id: number): boolean {
		const contact = this.findById(id);
		if (!contact) return false;
		this.idByEmail.delete(contact.email.toLowerCase());
		const index = id - this.firstId;
		if (index >= 0 && index < this.generatedCount) {
			this.edited.delete(index);
			this.deleted.add(index);
			this.deletedSorted.splice(countWhile(this.deletedSorted.length, (j) => this.deletedSorted[j] < index), 0, index);
		} else {
			this.added.splice(this.added.indexOf(contact), 1);
			this.addedById.delete(id);
		}
		return true;
	}

	private generatedAt(index: number): Contact | undefined {
		if (this.deleted.has(index)) return undefined;
		return this.edited.get(index) ?? this.generate(index);
	}

	/** The contact at a 0-based position among the live ones, in insertion order. */
	private at(position: number): Contact {
		const liveGenerated = this.generatedCount - this.deleted.size;
		if (position >= liveGenerated) return this.added[position - liveGenerated];
		// Live position p sits at index p + d, where d counts the deletions j with deletedSorted[j] - j <= p.
		const shifted = countWhile(this.deletedSorted.length, (j) => this.deletedSorted[j] - j <= position);
		return this.generatedAt(position + shifted) as Contact;
	}
}

/** Binary search: how many of 0..length-1 satisfy `holds`, which is true on a prefix and false after. */
function countWhile(length: number, holds: (index: number) => boolean): number {
	let low = 0;
	let high = length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (holds(middle)) low = middle + 1;
		else high = middle;
	}
	return low;
}
