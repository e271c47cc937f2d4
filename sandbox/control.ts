import type { ListRecord } from './data';
import type { FaultSpec } from './faults';
import type { RequestLogEntry } from './log';
import type { SandboxState } from './state';
import type { AccountName, Contact, ContactFields, Download, List, Settings } from './types';
import { parseContactFields } from './validate';
import { drawVariation, Variations, type Variation, type VariationOverrides } from './variations';

/**
 * In-process control of a running sandbox, for test setup and inspection. It acts directly on
 * the data: no key, no limits, no request log entries, no faults.
 */
export interface SandboxControl {
	/**
	 * Creates a list (or returns the account's list of that name, like POST /mylists). Account default 'demo'.
	 * A new list can start with `generated` contacts made on demand (millions cost nothing until read).
	 */
	addList(name: string, account?: AccountName, generated?: number): List & { account: AccountName };
	/**
	 * Appends contacts to a list, giving them increasing ids and date_added (the sandbox clock,
	 * always after the previous one). A missing email gets a unique `added-<n>@sandbox.example`;
	 * an invalid or already present email throws.
	 */
	addContacts(listId: number, contacts: readonly Partial<ContactFields>[]): Contact[];
	/** Deletes one contact; false if the list does not hold it. */
	deleteContact(listId: number, id: number): boolean;
	/** Every contact of a list, in insertion order (materialised: avoid on a list of millions). */
	contacts(listId: number): Contact[];
	/** All lists of every account, or of one. */
	lists(account?: AccountName): (List & { account: AccountName })[];
	/** Adds an export file; by default a seeded 10-row CSV named `export-<id>.csv` for 'demo'. */
	addDownload(download?: { filename?: string; content?: string; account?: AccountName }): Download;
	/** All downloads of every account, or of one. */
	downloads(account?: AccountName): Download[];
	/** Every call to both listeners so far, in arrival order (copies). */
	requestLog(): RequestLogEntry[];
	/**
	 * Calls `listener` with each call just after its answer is sent (before the client can
	 * act on it): for changes between two pages, or a Stop after the n-th call. Returns the way to stop.
	 */
	onAnswered(listener: (entry: RequestLogEntry) => void): () => void;
	clearLog(): void;
	/** Forgets every key's last call time and this month's usage. */
	resetCounters(): void;
	setOptions(options: Partial<Pick<Settings, 'intervalMs' | 'monthlyQuota' | 'order'>>): void;
	/** Queues faults; the first queued fault that matches a call answers it. */
	injectFaults(spec: FaultSpec | readonly FaultSpec[]): void;
	clearFaults(): void;
	/**
	 * Turns the variations mode on with the variation a seed draws (some choices fixed by
	 * `overrides`), or off with undefined; returns the variation in force.
	 */
	setVariations(seed: number | undefined, overrides?: VariationOverrides): Variation | undefined;
	/** The variation in force, if the mode is on. */
	variation(): Variation | undefined;
}

export function createControl(state: SandboxState): SandboxControl {
	const { db } = state;
	let unnamed = 0;
	const listOf = (listId: number): ListRecord => {
		const list = db.lists.get(listId);
		if (!list) throw new Error(`No list with id ${listId}`);
		return list;
	};
	const listView = (list: ListRecord) => ({ ...db.listView(list), account: list.account });
	const ofAccount = <T extends { account: AccountName }>(items: Iterable<T>, account?: AccountName) =>
		[...items].filter((item) => account === undefined || item.account === account);

	return {
		addList: (name, account = 'demo', generated = 0) =>
			listView(db.listsOf(account).find((list) => list.name === name) ?? db.createList(account, name, undefined, generated)),
		addContacts: (listId, contacts) => {
			const list = listOf(listId);
			return contacts.map((partial) => {
				const fields = parseContactFields({ ...partial, email: partial.email ?? `added-${++unnamed}@sandbox.example` });
				const email = fields.email as string;
				if (list.contacts.findByEmail(email)) throw new Error(`List ${listId} already has ${email}`);
				return db.addContact(list, { ...fields, email });
			});
		},
		deleteContact: (listId, id) => listOf(listId).contacts.remove(id),
		contacts: (listId) => listOf(listId).contacts.all(),
		lists: (account) => ofAccount(db.lists.values(), account).map(listView),
		addDownload: ({ filename, content, account = 'demo' } = {}) => {
			const download = db.addDownload(account, filename ?? '', content);
			if (!filename) download.filename = `export-${download.id}.csv`;
			return db.downloadView(download);
		},
		downloads: (account) => ofAccount(db.downloads.values(), account).map((download) => db.downloadView(download)),
		requestLog: () => state.log.list(),
		onAnswered: (listener) => state.log.onAnswered(listener),
		clearLog: () => state.log.clear(),
		resetCounters: () => state.limits.reset(),
		setOptions: ({ intervalMs, monthlyQuota, order }) => {
			if (intervalMs !== undefined) state.settings.intervalMs = intervalMs;
			if (monthlyQuota !== undefined) state.settings.monthlyQuota = monthlyQuota;
			if (order !== undefined) state.settings.order = order;
		},
		injectFaults: (spec) => state.faults.add(spec),
		clearFaults: () => state.faults.clear(),
		setVariations: (seed, overrides) => {
			state.variations = seed === undefined ? undefined : new Variations(drawVariation(seed, overrides), state.settings.now);
			return state.variations?.variation;
		},
		variation: () => state.variations?.variation,
	};
}
