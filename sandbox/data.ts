import { ContactStore } from './contact-store';
import { generateContact, generateCsv } from './generate';
import type { AccountName, AccountProfile, Activity, Contact, ContactFields, Download, HistoryItem, List, Settings } from './types';

export interface Account {
	name: AccountName;
	key: string;
	profile: AccountProfile;
	credits: number;
	history: HistoryItem[];
	activities: Activity[];
}

export interface ListRecord {
	id: number;
	account: AccountName;
	name: string;
	dateCreated: string;
	contacts: ContactStore;
}

export interface DownloadRecord {
	id: number;
	account: AccountName;
	filename: string;
	dateCreated: string;
	content: string;
}

/** Dates the sandbox gives to new items start after every seeded date (all before 2025). */
const FIRST_LIVE_DATE = Date.UTC(2025, 0, 1);

/**
 * The sandbox's state: accounts, lists with their contacts, downloads. Methods do what the
 * API and the control surface both need; checks of who may touch what live in the routes.
 */
export class Database {
	readonly accounts = new Map<AccountName, Account>();
	readonly lists = new Map<number, ListRecord>();
	readonly downloads = new Map<number, DownloadRecord>();
	private nextListId = 1;
	private nextContactId = 1;
	private nextDownloadId = 1;
	private nextActivityId = 1;
	private lastDate = FIRST_LIVE_DATE;
	/** Origin of the file listener, known once it listens; download urls point there. */
	fileBaseUrl = '';

	constructor(private readonly settings: Settings) {}

	accountByKey(key: string): Account | undefined {
		for (const account of this.accounts.values()) if (account.key === key) return account;
		return undefined;
	}

	account(name: AccountName): Account {
		const account = this.accounts.get(name);
		if (!account) throw new Error(`no account ${name}`);
		return account;
	}

	/** A timestamp for a new item: the clock's time, but always after the previous one, so order by date is order by id. */
	stamp(): string {
		this.lastDate = Math.max(this.settings.now(), this.lastDate + 1);
		return new Date(this.lastDate).toISOString();
	}

	/** A list whose first `generated` contacts come from the seed, dated one second apart from `dateCreated`. */
	createList(account: AccountName, name: string, dateCreated = this.stamp(), generated = 0): ListRecord {
		const id = this.nextListId++;
		const firstId = this.nextContactId;
		this.nextContactId += generated;
		const start = Date.parse(dateCreated);
		const contacts = new ContactStore(generated, firstId, (index) =>
			generateContact(this.settings.seed, id, index, firstId + index, new Date(start + (index + 1) * 1000).toISOString()),
		);
		const list = { id, account, name, dateCreated, contacts };
		this.lists.set(id, list);
		return list;
	}

	listsOf(account: AccountName): ListRecord[] {
		return [...this.lists.values()].filter((list) => list.account === account);
	}

	listView(list: ListRecord): List {
		return { id: list.id, name: list.name, total_contacts: list.contacts.size, date_created: list.dateCreated };
	}

	addContact(list: ListRecord, fields: Partial<ContactFields> & { email: string }): Contact {
		const contact: Contact = {
			id: this.nextContactId++,
			email: fields.email,
			first_name: fields.first_name ?? null,
			last_name: fields.last_name ?? null,
			title: fields.title ?? null,
			company: fields.company ?? null,
			phone: fields.phone ?? null,
			city: fields.city ?? null,
			state: fields.state ?? null,
			region: fields.region ?? null,
			country: fields.country ?? null,
			date_added: this.stamp(),
		};
		list.contacts.add(contact);
		return contact;
	}

	updateContact(list: ListRecord, contact: Contact, fields: Partial<ContactFields>): Contact {
		const updated = { ...contact, ...fields };
		list.contacts.replace(updated);
		return updated;
	}

	/** The contact with this id in any list, with its list. */
	findContact(id: number): { account: AccountName; list: ListRecord; contact: Contact } | undefined {
		for (const list of this.lists.values()) {
			const contact = list.contacts.findById(id);
			if (contact) return { account: list.account, list, contact };
		}
		return undefined;
	}

	addDownload(account: AccountName, filename: string, content: string | undefined, dateCreated = this.stamp()): DownloadRecord {
		const id = this.nextDownloadId++;
		const download = { id, account, filename, dateCreated, content: content ?? generateCsv(this.settings.seed, id, 10) };
		this.downloads.set(id, download);
		return download;
	}

	downloadView(download: DownloadRecord): Download {
		const extension = download.filename.includes('.') ? (download.filename.split('.').pop() as string) : '';
		return {
			id: download.id,
			filename: download.filename,
			extension,
			url: `${this.fileBaseUrl}/files/${download.id}/${encodeURIComponent(download.filename)}`,
			date_created: download.dateCreated,
		};
	}

	recordActivity(account: AccountName, type: string, description: string, date = this.stamp()): void {
		this.account(account).activities.push({ id: this.nextActivityId++, type, description, date_added: date });
	}
}
