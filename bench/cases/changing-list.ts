import '../engine-env';
import { startSandbox, type ContactOrder, type Sandbox } from '../../sandbox';
import { runLeadsopedia } from '../../test/helpers/engine';

/**
 * Case 9: what a list that changes during a Return All costs. 1,000 contacts in 10 pages of
 * 100, calls 0.1 s apart; contacts are added or deleted in the sandbox right after a given
 * page is answered, before the next call. Counted on the sandbox's request log.
 */
export interface ChangingListRow {
	order: ContactOrder;
	change: string;
	calls: number;
	/** Calls over the 10 an unchanged list takes. */
	extraCalls: number;
	/** The pages the list has at the end of the read (what a read of it then would take). */
	pagesAtEnd: number;
	/** Contacts there throughout the read that did not come out (0 unless the run failed). */
	missing: number;
	/** Ids that came out more than once. */
	twice: number;
	/** 'complete', or the error the run failed with. */
	outcome: string;
	/** A change the totals cannot show in this order: the known limit. */
	unseen: boolean;
}

const CONTACTS = 1000;
const PAGE_SIZE = 100;
const PACED = { requestInterval: 0.1 };

interface Change {
	title: string;
	/** After which answered calls to change the list, and how. */
	after: number[];
	apply: (list: LiveList) => void;
	/** The order in which the totals cannot show this change (README: Limits and retries). */
	unseenIn?: ContactOrder;
}

/** The benchmark's list in the sandbox, in the order the API serves it. */
class LiveList {
	constructor(
		private readonly sandbox: Sandbox,
		readonly id: number,
		private readonly order: ContactOrder,
	) {}

	served(): number[] {
		const ids = this.sandbox.control.contacts(this.id).map((contact) => contact.id);
		return this.order === 'asc' ? ids : ids.reverse();
	}

	/** Deletes `count` contacts from position `at` in the served order. */
	remove(at: number, count: number): void {
		for (const id of this.served().slice(at, at + count)) this.sandbox.control.deleteContact(this.id, id);
	}

	add(count: number): void {
		this.sandbox.control.addContacts(this.id, Array.from({ length: count }, () => ({})));
	}
}

const everyPage = Array.from({ length: 20 }, (_, index) => index + 1);
export const CHANGES: Change[] = [
	{ title: 'none', after: [], apply: () => undefined },
	{ title: '10 deleted from page 1, after page 1', after: [1], apply: (list) => list.remove(0, 10) },
	{ title: '10 deleted from page 5, after page 5', after: [5], apply: (list) => list.remove(450, 10) },
	{ title: '150 deleted from pages 2-3, after page 3', after: [3], apply: (list) => list.remove(120, 150) },
	{ title: '10 added, after page 1', after: [1], apply: (list) => list.add(10) },
	{ title: '10 added after every page', after: everyPage, apply: (list) => list.add(10) },
	{ title: '2 deleted from page 1, after pages 1 and 5', after: [1, 5], apply: (list) => list.remove(0, 2) },
	{ title: '2 deleted from page 1, after every page', after: everyPage, apply: (list) => list.remove(0, 2) },
	{
		title: '10 deleted from page 1 and 10 added, after page 1',
		after: [1],
		apply: (list) => (list.remove(0, 10), list.add(10)),
		unseenIn: 'asc',
	},
];

/** Applies `change` each time the API has answered one of its calls, until the run ends. */
async function changing(sandbox: Sandbox, list: LiveList, change: Change, run: () => Promise<unknown>): Promise<void> {
	let done = false;
	const watcher = (async () => {
		const pending = [...change.after];
		while (!done && pending.length) {
			const answered = sandbox.control.requestLog().filter((entry) => entry.path === '/v1/contacts' && entry.status !== 0).length;
			if (answered >= pending[0]) {
				pending.shift();
				change.apply(list);
			} else await new Promise((resolve) => setTimeout(resolve, 2));
		}
	})();
	try {
		await run();
	} finally {
		done = true;
		await watcher;
	}
}

async function readWhileChanging(order: ContactOrder, change: Change): Promise<ChangingListRow> {
	const sandbox = await startSandbox({ intervalMs: 0, order });
	try {
		const created = sandbox.control.addList('Changing');
		const list = new LiveList(sandbox, created.id, order);
		list.add(CONTACTS);
		const before = new Set(list.served());
		sandbox.control.clearLog();
		let out: number[] = [];
		let outcome = 'complete';
		await changing(sandbox, list, change, async () => {
			const run = await runLeadsopedia(
				{ resource: 'contact', operation: 'getAll', listId: { __rl: true, mode: 'id', value: String(list.id) }, returnAll: true, options: { pageSize: PAGE_SIZE } },
				{ baseUrl: sandbox.baseUrl, credentials: { apiKey: sandbox.apiKey, ...PACED } },
			);
			if (run.error) outcome = run.error.message;
			out = run.items.map((item) => item.json.id as number);
		});
		const after = new Set(list.served());
		const calls = sandbox.control.requestLog().filter((entry) => entry.path === '/v1/contacts').length;
		const delivered = new Set(out);
		const missing = outcome === 'complete' ? [...before].filter((id) => after.has(id) && !delivered.has(id)).length : 0;
		const extraCalls = calls - CONTACTS / PAGE_SIZE;
		const pagesAtEnd = Math.ceil(after.size / PAGE_SIZE);
		return { order, change: change.title, calls, extraCalls, pagesAtEnd, missing, twice: out.length - delivered.size, outcome, unseen: change.unseenIn === order };
	} finally {
		await sandbox.stop();
	}
}

export async function changingListCalls(changes: Change[] = CHANGES): Promise<ChangingListRow[]> {
	const rows: ChangingListRow[] = [];
	for (const order of ['desc', 'asc'] as const) for (const change of changes) rows.push(await readWhileChanging(order, change));
	return rows;
}

// `npx tsx bench/cases/changing-list.ts` runs this case alone (npm run bench runs it as case 9).
if (require.main === module) {
	changingListCalls()
		.then((rows) => console.table(rows))
		.catch((error: Error) => {
			console.error(error);
			process.exitCode = 1;
		});
}
