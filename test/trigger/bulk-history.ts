import fc from 'fast-check';
import { MAX_PAGE_SIZE } from '../../nodes/Leadsopedia/shared/pagination';
import { recordPositions } from '../../nodes/Leadsopedia/trigger/activate';
import type { PollLimits } from '../../nodes/Leadsopedia/trigger/list-poll';
import { unlessRunning } from '../../nodes/Leadsopedia/trigger/single-flight';
import { pollWatched, type Watched } from '../../nodes/Leadsopedia/trigger/watch';
import type { IDataObject } from 'n8n-workflow';
import { FakeList, type ApiOrder, type TieIds, type Unreadable } from './fake-api';
import { forbiddenList } from './forbidden';
import { copy, keyOf, SEED, type Cap, type HistoryStep, type SharedChange } from './property-history';

/**
 * The bulk randomized test's histories and their replay (property-bulk.test.ts,
 * property-bulk-records.test.ts; issue 20): two lists watched by Watch All Lists, with the data
 * real users have. Pages of the node's own size (1,000: the fake answers a page of a
 * 30,000-contact list in 2-4 ms), one-second imports of 200 to 30,000 contacts (CSV imports:
 * every contact in one date_added second), their contacts in a stable order within the second
 * by ascending, descending or interleaved ids, ids shared with other lists' imports (gaps),
 * pages capped at 999 (stated, or the limit asked echoed), mixed with ordinary additions (some
 * in the second of the contact before: an import still running), deletions, both also between
 * the page requests of one poll, restarts that lose the unsaved state, overlapping polls, order
 * flips, a list missing once from /mylists, and budgets of 2 to 24 calls a poll (the default);
 * both API orders. A replay asserts what property.test.ts asserts (none missed after the quiet
 * polls, none twice, none there at activation) and, when asked, that no poll spends more calls
 * than its budget allows. 120 histories per order and run (TRIGGER_BULK_RUNS; seed:
 * TRIGGER_PROPERTY_SEED).
 */

const LISTS = 2;
const PAGE_SIZE = MAX_PAGE_SIZE;
/** The node's budget at n8n's default poll budget: four fifths of 300 s at one call every 10 s. */
export const DEFAULT_BUDGET = 24;
/**
 * The most calls a poll may spend: its budget, or for the smallest budgets what the first list
 * read needs to get anywhere (/mylists, then oldest first a page, the one above it and the
 * first again: watch.ts always reads one list; and the list's other end when its cursor never
 * saw the API's order, the list of one second when recorded: README's true minimum of 2 for
 * the order); plus one, as the first tie bridge of a poll may pass the budget (tie-bridge.ts).
 */
const allowed = (budget: number, orderUnseen: boolean) => Math.max(budget, 1 + 3 + (orderUnseen ? 1 : 0)) + 1;

type Change =
	/** Contacts a second apart, or all in the second of the last contact (an import still running). */
	| { kind: 'add'; list: number; count: number; sameSecond: boolean }
	/** A one-second import: `count` contacts in a new second. */
	| { kind: 'import'; list: number; count: number }
	| SharedChange;
type Step = HistoryStep<Change>;

const list = fc.integer({ min: 0, max: LISTS - 1 });

/**
 * Histories of the two lists, each at a budget drawn from `budgets`; with `reshuffling`, a list
 * in two has the API list each second's contacts in a new order on every request (MySQL's
 * ORDER BY date_added with ties), and imports stay within 3,000 contacts (such a list is sorted
 * anew for every page, and read again until every contact of a second is accounted for); with
 * `badRecords`, a few contacts without a usable date_added or id, and lists answering 403 for a
 * few polls or for good; with `lateImports`, imports committed late (dated in the second of an
 * existing contact, ids larger than any) instead of deletions (as many deletions as late
 * additions between two polls hide them from the count the trigger keeps: README).
 */
export function histories(budgets: fc.Arbitrary<number>, { reshuffling = false, badRecords = false, lateImports = false } = {}) {
	/** Mostly a few hundred to 3,000 contacts, a fifth of them up to 30,000. */
	const importSize = reshuffling
		? fc.integer({ min: 200, max: 3_000 })
		: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 200, max: 3_000 }) }, { weight: 1, arbitrary: fc.integer({ min: 3_001, max: 30_000 }) });
	const add = fc.record({ kind: fc.constant('add' as const), list, count: fc.integer({ min: 1, max: 1_500 }), sameSecond: fc.boolean() });
	const bulk = fc.record({ kind: fc.constant('import' as const), list, count: importSize });
	/** A list answering 403 for 1 to 4 polls, or for good. */
	const forbid = fc.record({ kind: fc.constant('forbid' as const), list, polls: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 4 }) }, { weight: 1, arbitrary: fc.constant(Infinity) }) });
	const unreadable = fc.record({ kind: fc.constant('unreadable' as const), list, flavour: fc.constantFrom<Unreadable>('null date', 'zero date', 'no id', 'text id') });
	const pick = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
	const late = fc.record({ kind: fc.constant('late' as const), list, count: fc.integer({ min: 1, max: 3_000 }), pick });
	const change: fc.Arbitrary<Change> = fc.oneof(
		{ weight: 2, arbitrary: add },
		{ weight: 2, arbitrary: bulk },
		{ weight: 3, arbitrary: lateImports ? late : fc.record({ kind: fc.constant('delete' as const), list, pick }) },
		// Only with bad records: an arbitrary added to every run would draw other histories from the same seeds.
		...(badRecords ? [{ weight: 1, arbitrary: unreadable }] : []),
	);
	/** Several changes may land between two calls of a poll. */
	const gap = fc.array(change, { maxLength: 3 });
	const step: fc.Arbitrary<Step> = fc.oneof(
		{ weight: 4, arbitrary: change },
		{ weight: 4, arbitrary: fc.record({ kind: fc.constant('poll' as const), during: fc.array(gap, { maxLength: 4 }) }) },
		{ weight: 1, arbitrary: fc.constant({ kind: 'overlap' as const }) },
		{ weight: 1, arbitrary: fc.constant({ kind: 'restart' as const }) },
		{ weight: 1, arbitrary: fc.record({ kind: fc.constant('flip' as const), list }) },
		{ weight: 1, arbitrary: fc.record({ kind: fc.constant('vanish' as const), list }) },
		...(badRecords ? [{ weight: 1, arbitrary: forbid }] : []),
	);
	return fc.record({
		/** What each list holds at activation: additions and imports. */
		initial: fc.array(fc.array(fc.oneof(add, bulk), { maxLength: 2 }), { minLength: LISTS, maxLength: LISTS }),
		tieIds: fc.array(fc.constantFrom<TieIds>('ascending', 'descending', 'interleaved'), { minLength: LISTS, maxLength: LISTS }),
		reshuffled: fc.array(reshuffling ? fc.boolean() : fc.constant(false), { minLength: LISTS, maxLength: LISTS }),
		idGaps: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: LISTS, maxLength: LISTS }),
		cap: fc.constantFrom<Cap>('none', 'stated', 'echoed'),
		maxCalls: budgets,
		steps: fc.array(step, { minLength: 1, maxLength: 12 }),
	});
}
type History = ReturnType<typeof histories> extends fc.Arbitrary<infer T> ? T : never;

/**
 * What a run asserts: none missed, none twice, none from before activation; with `budget`, no
 * poll past its budget either; with `quiet`, no change lands during a poll (its `during` left
 * out) and the API keeps its order (a poll after a turn may still pass 5 calls: README); with
 * `daily`, the quiet polls at the end come a day apart (a late import's search cut by the budget
 * may wait for a sealed second's daily read: README).
 */
interface Checks {
	budget: boolean;
	quiet?: boolean;
	daily?: boolean;
}

/** The lists as Watch All Lists sees them, with changes landing between the calls of a poll, and the calls of each poll counted. */
class Account {
	readonly apis: FakeList[];
	/** A list /mylists leaves out at the next poll. */
	vanishing?: number;
	/** Calls of the poll running: /mylists is call 1. */
	calls = 0;
	/** Lists answering 403, with the polls left before they answer again (Infinity: never). */
	readonly forbidden = new Map<number, number>();
	/** The unreadable contacts added, as `markOf` marks them. */
	readonly unreadable = new Set<string>();
	private during: Change[][] = [];

	constructor(order: ApiOrder, run: History) {
		this.apis = run.initial.map((_, index) => {
			const api = new FakeList(order);
			api.tieIds = run.tieIds[index];
			if (run.reshuffled[index]) api.tieSeed = index + 1;
			api.idGap = run.idGaps[index];
			// One contact fewer a page than asked for, whatever the limit.
			if (run.cap !== 'none') api.pageCap = PAGE_SIZE - 1;
			return api;
		});
		run.initial.forEach((changes, index) => changes.forEach((what) => this.apply({ ...what, list: index })));
	}

	apply(what: Change): void {
		const api = this.apis[what.list];
		if (what.kind === 'add') api.add(what.count, what.sameSecond);
		else if (what.kind === 'import') {
			api.add(1);
			api.add(what.count - 1, true);
		} else if (what.kind === 'late') api.addLate(what.count, what.pick);
		else if (what.kind === 'unreadable') this.unreadable.add(markOf(what.list, api.addUnreadable(what.flavour)));
		// By position: an unreadable contact may have no id.
		else if (api.contacts.length > 0) api.contacts.splice(Math.floor(what.pick * api.contacts.length), 1);
	}

	/** The changes of during[i] land between the poll's call i + 1 and call i + 2. */
	startPoll(during: Change[][]): void {
		this.calls = 1;
		this.during = during;
	}

	/** A poll less for each list answering 403 for a while. */
	endPoll(): void {
		for (const [index, polls] of this.forbidden) {
			if (polls <= 1) this.forbidden.delete(index);
			else this.forbidden.set(index, polls - 1);
		}
	}

	/** Whether a list answers 403 for a while yet, not for good. */
	forbiddenForAWhile(): boolean {
		return [...this.forbidden.values()].some((polls) => polls !== Infinity);
	}

	watched(cap: Cap): Watched {
		return {
			scope: 'all',
			lists: async () => {
				const shown = this.apis.map((api, index) => ({ id: String(index), total: api.contacts.length })).filter((_, index) => index !== this.vanishing);
				this.vanishing = undefined;
				return { lists: shown, calls: 1 };
			},
			source: (listId) => ({
				malformed: (message) => new Error(message),
				page: async (page, limit) => {
					for (const what of this.during[this.calls++ - 1] ?? []) this.apply(what);
					if (this.forbidden.has(Number(listId))) throw forbiddenList();
					const answer = this.apis[Number(listId)].answer(page, limit);
					return cap === 'echoed' ? { ...answer, pageLimit: limit } : answer;
				},
			}),
		};
	}
}

/** An unreadable contact as the test knows it (email: the one field they all have). */
const markOf = (listId: string | number, contact: IDataObject) => `${listId}:${String(contact.email)}`;

/**
 * Nothing missed, nothing twice, nothing from before activation, no bad record emitted or reported
 * twice; with `budget`, no poll past its budget either.
 */
async function replay(order: ApiOrder, run: History, { budget, quiet, daily }: Checks): Promise<void> {
	const account = new Account(order, run);
	const watched = account.watched(run.cap);
	const limits: PollLimits = { pageSize: PAGE_SIZE, maxCalls: run.maxCalls };
	const before = new Set(account.apis.flatMap((api, index) => api.contacts.map((contact) => keyOf(index, contact.id))));
	let now = 0;
	// Activation within an unbounded budget: a newest second it cannot read whole is taken as old
	// whole (README's known limits), and lists it leaves to later polls are tested on their own.
	let memory = await recordPositions(watched, { limits: { pageSize: PAGE_SIZE, maxCalls: Infinity }, now });
	let saved = copy(memory);
	const emitted = new Set<string>();
	/** Unreadable contacts reported: the user sees each at most once, whatever restarts. */
	const warned = new Set<string>();

	const poll = async (during: Change[][] = []): Promise<number> => {
		account.startPoll(during);
		const orderUnseen = Object.values(memory.lists).some((cursor) => cursor.last !== null && cursor.order === undefined);
		const result = await pollWatched(watched, memory, limits, now);
		account.endPoll();
		// What a user would see wrong in this poll, asserted at once.
		const wrong: string[] = [];
		if (budget && account.calls > allowed(run.maxCalls, orderUnseen)) wrong.push(`${account.calls} calls in a poll with a budget of ${run.maxCalls}`);
		// A list's 403 is reported once a failing spell: property.test.ts counts those reports.
		for (const { listId, contact, notice } of result.found.filter((found) => found.notice?.leadsopedia_error === undefined)) {
			const mark = markOf(listId, contact);
			if (notice?.leadsopedia_warning !== undefined) {
				if (!account.unreadable.has(mark)) wrong.push(`${mark} reported as unreadable`);
				if (warned.has(mark)) wrong.push(`${mark} reported twice`);
				warned.add(mark);
				continue;
			}
			if (account.unreadable.has(mark)) wrong.push(`${mark} emitted as a contact`);
			const key = keyOf(listId, contact.id);
			if (before.has(key)) wrong.push(`${key} emitted, but there at activation`);
			if (emitted.has(key)) wrong.push(`${key} emitted twice`);
			emitted.add(key);
		}
		expect(wrong).toEqual([]);
		memory = result.state;
		// n8n saves the state after every poll that emits.
		if (result.found.length > 0) saved = copy(memory);
		return result.found.length;
	};
	// As the node runs it: a poll that starts while another runs is skipped (-1).
	const guarded = async () => await unlessRunning('workflow:bulk', poll, -1);

	for (const current of run.steps) {
		if (current.kind === 'poll' || current.kind === 'overlap') now += 3_600_000;
		if (current.kind === 'poll') await poll(quiet ? [] : current.during);
		else if (current.kind === 'overlap') expect((await Promise.all([guarded(), guarded()])).filter((found) => found === -1)).toHaveLength(1);
		else if (current.kind === 'restart') memory = copy(saved);
		else if (current.kind === 'flip') {
			if (!quiet) account.apis[current.list].order = account.apis[current.list].order === 'asc' ? 'desc' : 'asc';
		}
		else if (current.kind === 'vanish') account.vanishing = current.list;
		else if (current.kind === 'forbid') account.forbidden.set(current.list, Math.max(current.polls, account.forbidden.get(current.list) ?? 0));
		else account.apply(current);
	}
	// A day later, every list's daily check and every sealed second's daily read are due; then hourly (or daily)
	// polls until enough in a row bring nothing for each list to have been read round at this budget.
	now += 25 * 3_600_000;
	const pages = Math.max(...account.apis.map((api) => Math.ceil(api.contacts.length / Math.min(PAGE_SIZE, api.pageCap))));
	// A read spread over polls (sweep.ts) moves on one page for every call a poll has beyond /mylists, page 1, the
	// anchor's page and the check of where its second begins; nothing comes out until it reaches the newest end. A
	// search for late contacts then goes on within what the budget leaves; at 2 calls a sealed list's walk spends it,
	// and the search waits for the second's daily read to reach the newest end, then goes down its pages again.
	const reads = daily ? 2 : 1;
	const quietPolls = LISTS * (reads * Math.ceil(pages / Math.max(1, run.maxCalls - 4)) + 2);
	// A second listed in a new order on every request is read again, a part of what is unseen found each time, while its
	// list is not up to date (its total not taken as listed): polls that bring nothing then do not count as quiet.
	const unsettled = () => run.reshuffled.some(Boolean) && Object.values(memory.watch ?? {}).some((watch) => watch.listed === undefined);
	// A list that answered 403 is read again when its total changes and at its daily check (README): until it
	// answers again and that check came, its contacts wait.
	const waitingForAnswer = () =>
		account.forbiddenForAWhile() || Object.entries(memory.watch ?? {}).some(([id, watch]) => watch.failing !== undefined && account.forbidden.get(Number(id)) !== Infinity);
	for (let polls = 0, quiet = 0; polls < 500 && quiet < quietPolls; polls++, now += daily ? 24 * 3_600_000 : 3_600_000) quiet = (await poll()) > 0 || unsettled() || waitingForAnswer() ? 0 : quiet + 1;
	// By then every readable contact of a list that answers was emitted.
	const readable = (index: number) => (account.forbidden.has(index) ? [] : account.apis[index].contacts.filter((contact) => !account.unreadable.has(markOf(index, contact))));
	const missed = account.apis.flatMap((_, index) => readable(index).map((contact) => keyOf(index, contact.id))).filter((key) => !before.has(key) && !emitted.has(key));
	expect(missed).toEqual([]);
}

export const RUNS = Number(process.env.TRIGGER_BULK_RUNS ?? 120);
/** 10 minutes, or 2 s a history for long runs (3,000 histories take about 20 minutes per order and run). */
export const TIMEOUT = Math.max(600_000, RUNS * 2_000);

/** The property over `runs` with `checks`; a failure of a part that holds today prints the seed and the shrunk history. */
export async function check(order: ApiOrder, runs: fc.Arbitrary<History>, checks: Checks): Promise<void> {
	try {
		await fc.assert(
			fc.asyncProperty(runs, async (run) => await replay(order, run, checks)),
			{ seed: SEED, numRuns: RUNS },
		);
	} catch (error) {
		// fast-check's report holds the seed and the path to replay the failing history (the budget fails today, but when quiet).
		if (!checks.budget || checks.quiet) console.error(`Bulk property failed (order ${order}, seed ${SEED}${checks.quiet ? ', no change during a poll' : ''}):\n${(error as Error).message}`);
		throw error;
	}
}
