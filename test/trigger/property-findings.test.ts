import { recordPositions } from '../../nodes/Leadsopedia/trigger/activate';
import { pollWatched, type Watched } from '../../nodes/Leadsopedia/trigger/watch';
import { FakeList, type ApiOrder } from './fake-api';
import { forbiddenList } from './forbidden';

/**
 * Histories the randomized test (property.test.ts) found, shrunk and written out: the trigger
 * loses or blocks contacts on them. Each states what a user should get and fails today
 * (`it.failing`); when a fix makes one pass, make it a plain `it`. Pages of 4 contacts, as there.
 */

/** Every list of an account, watched as Watch All Lists watches it; `between[n]` runs before the poll's call n (call 1 is /mylists). */
class Account {
	readonly lists: FakeList[];
	/** Lists answering 403, with the polls left before they answer again. */
	readonly forbidden = new Map<number, number>();
	between: Record<number, () => void> = {};
	/** Pages capped below the limit asked, the envelope echoing the limit asked. */
	echoed = false;
	private calls = 0;

	constructor(order: ApiOrder, counts: number[], pageCap = Infinity) {
		this.lists = counts.map((count) => {
			const list = new FakeList(order);
			list.pageCap = pageCap;
			list.add(count);
			return list;
		});
	}

	readonly watched: Watched = {
		scope: 'all',
		lists: async () => {
			this.calls = 1;
			return { lists: this.lists.map((list, index) => ({ id: String(index), total: list.contacts.length })), calls: 1 };
		},
		source: (listId) => ({
			malformed: (message) => new Error(message),
			page: async (page, limit) => {
				this.between[++this.calls]?.();
				if (this.forbidden.has(Number(listId))) throw forbiddenList();
				const answer = this.lists[Number(listId)].answer(page, limit);
				return this.echoed ? { ...answer, pageLimit: limit } : answer;
			},
		}),
	};

	/** After a poll: the changes between its calls are spent, and a list answers 403 a poll less. */
	pollDone(): void {
		this.between = {};
		for (const [index, left] of this.forbidden) {
			if (left <= 1) this.forbidden.delete(index);
			else this.forbidden.set(index, left - 1);
		}
	}
}

/**
 * Activation, `afterActivation`, then `polls` polls a day apart (pages of 4; unless said; `at(poll)` the time of each
 * instead): the ids of list `listId` emitted as contacts (not reports).
 */
async function emitted(
	account: Account,
	listId: number,
	run: { polls: number; maxCalls?: number; pageSize?: number; every?: number; at?: (poll: number) => number; afterActivation: () => void; beforePoll?: () => void },
): Promise<unknown[]> {
	const pageSize = run.pageSize ?? 4;
	let state = await recordPositions(account.watched, { limits: { pageSize, maxCalls: Infinity }, now: 0 });
	run.afterActivation();
	const ids: unknown[] = [];
	for (let poll = 1; poll <= run.polls; poll++) {
		run.beforePoll?.();
		const result = await pollWatched(account.watched, state, { pageSize, maxCalls: run.maxCalls ?? 24 }, run.at?.(poll) ?? poll * (run.every ?? 24 * 3_600_000));
		account.pollDone();
		state = result.state;
		ids.push(...result.found.filter((found) => found.listId === String(listId) && !found.notice).map((found) => found.contact.id));
	}
	return ids;
}

describe('Newest first, a list whose oldest page holds only a contact with date_added null (sorted last, as MySQL sorts NULL)', () => {
	// Seed 20260415 with TRIGGER_PROPERTY_REAL=1, order desc, ties none and stable.
	const emptyAtActivation = async (oneSecond: boolean) => {
		const account = new Account('desc', [3, 0]);
		const list = account.lists[1];
		const afterActivation = () => {
			list.add(1);
			list.add(3, oneSecond);
			list.addUnreadable('null date');
		};
		expect(await emitted(account, 1, { polls: 5, afterActivation })).toEqual([1, 2, 3, 4]);
	};

	// Nothing ever came out of that list: the walk ended on the page of the null date, which joined no page (chain.ts).
	it('a list empty at activation, then 4 contacts in distinct seconds: they come out', async () => await emptyAtActivation(false));

	// Nothing ever comes out of it today: its order is unknown every poll (the last page shows no date).
	it('a list empty at activation, then 4 contacts imported in one second: they come out', async () => await emptyAtActivation(true));
});

describe('Oldest first, a contact with date_added null (sorted first) added between two page requests of one poll', () => {
	// Shrunk from seed 20260415 with TRIGGER_PROPERTY_REAL=1, order asc, ties none.
	it('shifts the list by one, and the contact the shift hides still comes out', async () => {
		const account = new Account('asc', [8, 0]);
		const list = account.lists[0];
		const afterActivation = () => {
			list.add(2);
			// The poll reads page 2, page 3, then page 2 again: contact 1 goes before the first read, the null date before the last.
			account.between = { 2: () => list.remove(1), 4: () => list.addUnreadable('null date') };
		};
		// Contact 9 was lost for good: page 2 read again shows 5 to 8, and was taken to join page 3 ([10]), read
		// before the list grew below. Two fixes find it now: the join (chain.ts: the first read of page 2 shows the
		// shift) and the search for contacts below the cursor with an id above the count's (late-dated.ts).
		expect(await emitted(account, 0, { polls: 3, afterActivation })).toEqual([9, 10]);
	});
});

describe('Oldest first, a poll budget of 2 calls: a deletion below, then a contact with date_added null, between the page requests of one poll', () => {
	// Shrunk from seed 20260415, order asc, ties none (unreadable contacts and 403s).
	it('the two cancel out on the page read twice, and the contact they shifted still comes out', async () => {
		const account = new Account('asc', [0, 0]);
		const list = account.lists[1];
		const afterActivation = () => {
			list.addUnreadable('null date');
			list.add(5);
			// The poll reads page 1, page 2, then page 1 again: the first null date goes before page 2, another comes before page 1 again.
			account.between = { 3: () => list.remove(1), 4: () => list.addUnreadable('null date') };
		};
		// Contact 5 was lost: page 1 read twice shows 2, 3, 4 at the same positions, so the growth was taken for one at the newest end.
		expect(await emitted(account, 1, { polls: 3, maxCalls: 2, afterActivation })).toEqual([2, 3, 4, 5, 6]);
	});
});

describe('Oldest first, pages capped at 3 with the limit echoed, a poll budget of 2 calls: a deletion below and an addition, then a contact with date_added null, between the page requests of one poll', () => {
	// Shrunk from seed 20260415, order desc then flipped to asc, ties stable (unreadable contacts and 403s).
	it('the contact the null date shifts up behind the page already read still comes out', async () => {
		const account = new Account('desc', [4, 0], 3);
		account.echoed = true;
		const list = account.lists[0];
		const afterActivation = () => {
			list.order = 'asc';
			list.add(3);
			// The poll reads page 1 (the order), page 2 (where the cursor was), page 3, then page 2 again.
			account.between = {
				4: () => {
					list.remove(1);
					list.add(1);
				},
				5: () => list.addUnreadable('null date'),
			};
		};
		// Contact 7 was lost: page 2, read twice, shows 4, 5, 6 at the same positions and the total never fell, so the
		// growth was taken for one at the newest end. No page of the usual size can tell: one read across the break can (grown-seam.ts).
		expect(await emitted(account, 0, { polls: 3, maxCalls: 2, afterActivation })).toEqual([5, 6, 7, 8]);
	});
});

describe('Newest first, a deletion above the page break and a contact with date_added null (sorted last), between the page requests of one poll', () => {
	// The newest-first twin of the case above, written out (the randomized runs have not met it).
	it.failing('the contact the deletion pulls up past the page already read still comes out', async () => {
		const account = new Account('desc', [8, 0]);
		const list = account.lists[0];
		const afterActivation = () => {
			list.add(6);
			// The poll reads page 1, then page 2: contact 13 goes and a null date comes between them.
			account.between = {
				3: () => {
					list.remove(13);
					list.addUnreadable('null date');
				},
			};
		};
		// Today contact 10 is lost: pulled up onto page 1 after it was read, while the null date at the oldest end
		// keeps the total, which is all that tells a deletion above the break (chain.ts, README).
		expect(await emitted(account, 0, { polls: 3, afterActivation })).toEqual([9, 10, 11, 12, 13, 14]);
	});
});

describe('Oldest first, pages of 8, a poll budget of 2 calls: the list grows at its newest end between every two page requests', () => {
	// What keeps the check above from stopping every walk of a list that keeps growing (grown-seam.ts; pages of 4 leave no
	// room for a page of another size across the break: the walk stops there, as it does when the read across shares nothing).
	it('the walk still gets past the page break each poll', async () => {
		const account = new Account('asc', [16, 0]);
		const list = account.lists[0];
		const afterActivation = () => list.add(6);
		const beforePoll = () => {
			account.between = Object.fromEntries(Array.from({ length: 8 }, (_, index) => [index + 2, () => list.add(1)]));
		};
		const ids = await emitted(account, 0, { polls: 3, maxCalls: 2, pageSize: 8, afterActivation, beforePoll });
		expect(ids.slice(0, 6)).toEqual([17, 18, 19, 20, 21, 22]);
	});
});

describe('Oldest first, pages capped at 23 with the limit echoed, a poll budget of 2 calls: the list grows between the page requests of a poll', () => {
	// Shrunk from seed 1, order asc, ties unstable (unreadable contacts and 403s; none in this history).
	it('the contacts the page read across the break brings come out once', async () => {
		const account = new Account('asc', [8, 0], 23);
		account.echoed = true;
		const list = account.lists[0];
		const changes: Record<number, () => void>[] = [{ 2: () => list.add(4) }, { 2: () => list.add(13), 4: () => list.add(2) }, {}];
		let poll = 0;
		const afterActivation = () => list.remove(1);
		const beforePoll = () => {
			account.between = changes[poll++];
		};
		// Contact 26 came out twice: the page read across the break is not one of the reader's pages, so the largest
		// id the count below the cursor keeps (late-dated.ts) missed the contacts it brought, and a search found 26 again.
		expect(await emitted(account, 0, { polls: 3, maxCalls: 2, pageSize: 24, afterActivation, beforePoll })).toEqual(Array.from({ length: 19 }, (_, index) => index + 9));
	});
});

describe('Pages capped at 3, a list read oldest first, then newest first with a contact with date_added null (sorted last)', () => {
	// Shrunk from seed 2, order asc, ties none (unreadable contacts and 403s).
	it('the null date, read by the one-page check of an idle poll, is reported', async () => {
		const account = new Account('asc', [12, 0], 3);
		const list = account.lists[0];
		const first = () => list.contacts.splice(0, 1);
		let state = await recordPositions(account.watched, { limits: { pageSize: 4, maxCalls: Infinity }, now: 0 });
		list.add(6);
		account.between = { 2: first, 3: first, 4: () => list.addUnreadable('null date') };
		const warned: unknown[] = [];
		for (let poll = 1; poll <= 2; poll++) {
			const result = await pollWatched(account.watched, state, { pageSize: 4, maxCalls: 6 }, poll * 3_600_000);
			account.pollDone();
			state = result.state;
			warned.push(...result.found.filter((found) => found.notice?.leadsopedia_warning !== undefined).map((found) => found.contact.id));
			list.order = 'desc';
			first();
		}
		// It was not: the page of 3 that checks an idle poll oldest first (idle-oldest-first.ts) read it, and the walk after it did not.
		expect(warned).toEqual([19]);
	});
});

describe('Oldest first, pages capped at 3 with the limit echoed: contacts with date_added null fill page 1, one contact with a date is on page 2', () => {
	// Shrunk from seed 20260415, order asc, ties stable (unreadable contacts and 403s).
	it('the order is read from where the null dates sit, and that contact comes out', async () => {
		const account = new Account('asc', [0, 1], 3);
		account.echoed = true;
		const list = account.lists[1];
		const afterActivation = () => {
			list.addUnreadable('null date');
			list.addUnreadable('null date');
			// Before the poll's first page: the cursor's own contact goes, so no page shows two dates.
			account.between = {
				2: () => {
					list.addUnreadable('null date');
					list.add(1);
					list.remove(1);
				},
			};
		};
		// Nothing came out, ever: with one date in the list its order was unknown on every poll.
		expect(await emitted(account, 1, { polls: 3, maxCalls: 2, afterActivation })).toEqual([5]);
	});
});

describe('Newest first, pages of 24, a poll budget of 2 calls: a second split by a page break holds a contact without a usable id', () => {
	// Shrunk from seed 20260415, order asc then flipped to desc, ties unstable (unreadable contacts and 403s), and searched around.
	it.each([
		[4, 21],
		[5, 21],
		[6, 21],
	])('a second of %i contacts, the first without an id, then %i contacts: every placed one comes out', async (size, newer) => {
		const account = new Account('desc', [1, 0]);
		const list = account.lists[0];
		const afterActivation = () => {
			list.add(1);
			list.addUnreadable('no id');
			list.add(size - 1, true);
			list.add(newer);
		};
		// They did not: the page read to hold that second whole (tie-bridge.ts) was placed from the contacts with an id
		// alone, missed the second's edge by one, and was read again on every poll.
		const ids = await emitted(account, 0, { polls: 4, maxCalls: 2, pageSize: 24, afterActivation });
		expect(ids).toHaveLength(1 + size - 1 + newer);
	});
});

describe('Oldest first, pages of 24, ties in a new order on every request, a poll budget of 2 calls: a page break falls on a contact without a usable id', () => {
	// Shrunk from seed 2, order desc, ties unstable (unreadable contacts and 403s), and searched around.
	it.each([
		[3, 1],
		[3, 3],
		[12, 2],
	])('a second of 6 contacts, the first without an id, then %i contacts (tie seed %i): every placed one comes out once', async (after, seed) => {
		const account = new Account('asc', [2, 0]);
		const list = account.lists[0];
		const afterActivation = () => {
			list.tieSeed = seed;
			list.add(17);
			list.addUnreadable('no id');
			list.add(5, true);
			list.add(after);
		};
		// They did not: with the contact of that second on the older page of the break being the one without an id, the
		// break was not seen to fall inside the second, and the pages joined by the order of the reads (tie-bridge.ts).
		const ids = await emitted(account, 0, { polls: 6, maxCalls: 2, pageSize: 24, afterActivation });
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids).toHaveLength(17 + 5 + after);
	});
});

describe('Newest first, pages capped at 3, a poll budget of 2 calls: the walk reaches a bottom page of null dates alone while contacts are deleted', () => {
	// Shrunk from seed 20260415, order desc, ties stable (unreadable contacts and 403s).
	it('the page above it, read again after the list moved, is not taken for the boundary', async () => {
		const account = new Account('desc', [6, 1], 3);
		const [list, other] = account.lists;
		const first = () => list.contacts.splice(0, 1);
		const changes: Record<number, () => void>[] = [
			{ 2: () => (first(), list.add(3)) },
			{ 2: () => (list.addUnreadable('null date'), list.add(2)), 3: () => (first(), first(), first()), 4: first, 5: () => list.add(2) },
			{},
		];
		let poll = 0;
		const beforePoll = () => {
			account.between = changes[poll++];
		};
		const ids = await emitted(account, 0, { polls: 3, maxCalls: 2, every: 3_600_000, afterActivation: () => other.contacts.splice(0, 1), beforePoll });
		// Contact 7 was lost: page 2 read again, above the page of the null date, no longer held the cursor's contact
		// nor anything older, yet was taken for the boundary (boundary.ts), and 7 had moved below it.
		const left = list.contacts.filter((contact) => typeof contact.id === 'number' && contact.id > 6 && contact.date_added !== null).map((contact) => contact.id);
		expect(ids).toEqual(expect.arrayContaining(left));
	});
});

describe('Newest first, pages capped at 23 with the limit echoed, ties in a new order on every request: the bottom page holds a text id and a null date', () => {
	// Shrunk from seed 2, order asc then flipped to desc, ties unstable (unreadable contacts and 403s).
	it('that page, with a dated contact on it, is the boundary, and the contact of the text id\'s second comes out', async () => {
		const account = new Account('asc', [1, 0], 23);
		account.echoed = true;
		const list = account.lists[0];
		list.tieSeed = 1;
		const afterActivation = () => {
			list.addUnreadable('text id');
			list.contacts.splice(0, 1);
			list.add(1, true);
			list.add(10);
			list.order = 'desc';
			account.between = { 2: () => (list.add(11), list.addUnreadable('text id')), 3: () => list.addUnreadable('null date') };
		};
		// Contact 3 was lost: the walk stepped up from that page as if it held null dates alone, and page 1, read again
		// after contact 3 had moved below it (a new tie order), was taken for the boundary (boundary.ts).
		expect(await emitted(account, 0, { polls: 2, maxCalls: 2, pageSize: 24, every: 3_600_000, afterActivation })).toContain(3);
	});
});

describe('Newest first, pages capped at 3 with the limit echoed, a poll budget of 2 calls', () => {
	// Shrunk from seed 20260415 with TRIGGER_PROPERTY_REAL=1, order desc, ties none ("text id" and "no id" alike).
	it('a contact with a text id just above the cursor does not hold back the contacts above it', async () => {
		const account = new Account('desc', [1, 0], 3);
		account.echoed = true;
		const list = account.lists[0];
		const afterActivation = () => {
			list.addUnreadable('text id');
			list.add(9);
		};
		// Nothing came out, ever: each poll read page 1 and the page of the cursor, whose only new contact has no usable id
		// (next-cursor.ts: the next walk now starts past it).
		expect(await emitted(account, 0, { polls: 5, maxCalls: 2, afterActivation })).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11]);
	});
});

describe.each(['asc', 'desc'] as const)('Order %s, pages capped at 3 with the limit echoed, a poll budget of 2 calls: a run of contacts without a usable id above the cursor', (order) => {
	// The class of the case above: runs longer than a page and the budget, in either order.
	it.each([1, 2, 4, 7])('%i of them, then 9 contacts: all 9 come out', async (run) => {
		const account = new Account(order, [1, 0], 3);
		account.echoed = true;
		const list = account.lists[0];
		const afterActivation = () => {
			for (let index = 0; index < run; index++) list.addUnreadable(index % 2 === 0 ? 'text id' : 'no id');
			list.add(9);
		};
		const readable = Array.from({ length: 9 }, (_, index) => run + 2 + index);
		expect(await emitted(account, 0, { polls: 8, maxCalls: 2, afterActivation })).toEqual(readable);
	});
});

describe('Watch All Lists, pages capped at 3 with the limit echoed, a list answering 403 once while another is a one-second import larger than the budget', () => {
	// Shrunk from seed 20260415 with TRIGGER_PROPERTY_REAL=1, order asc and desc, ties stable.
	it('the contact added before the 403 comes out once the list answers again', async () => {
		const account = new Account('asc', [0, 0], 3);
		account.echoed = true;
		const [forbidden, bulk] = account.lists;
		const afterActivation = () => {
			forbidden.add(1);
			bulk.add(1);
			bulk.add(12, true);
			account.forbidden.set(0, 1);
		};
		// Today it never does: the failed read recorded the list's total, so only its daily check reads it again,
		// and the import, read in part each poll (so never up to date), takes every poll's budget first.
		expect(await emitted(account, 0, { polls: 10, maxCalls: 2, afterActivation })).toEqual([1]);
	});
});

describe('Watch All Lists, pages capped at 3 with the limit echoed, a change the totals hide while another list is a one-second import larger than the budget (no unreadable contact, no 403)', () => {
	// Seed 20260415, order desc, ties stable, when the generator drew its steps with other weights (and no
	// unreadable contact, no 403): a history the property can generate, which its current draws miss.
	it('deletions and one-second additions in both lists between the calls of one poll lose no contact', async () => {
		const account = new Account('desc', [4, 1], 3);
		account.echoed = true;
		const [first, second] = account.lists;
		const afterActivation = () => {
			first.remove(1);
			account.between = {
				2: () => first.add(2, true),
				3: () => {
					first.remove(2);
					second.remove(1);
					first.remove(3);
				},
				4: () => {
					second.add(2);
					second.remove(2);
					first.add(10, true);
				},
			};
		};
		// Today contact 3 never comes out: list 1's total stays 1 (one deleted, two added, one deleted), so only its
		// daily check can see it, and list 0, a one-second import read in part every poll, takes every poll's budget first.
		expect(await emitted(account, 1, { polls: 10, maxCalls: 2, afterActivation })).toEqual([3]);
	});
});

describe('Oldest first, a poll budget of 2 calls: a list of one second emits, then a contact with date_added null comes first and another second is added', () => {
	// Shrunk from seed 20260415, order asc, ties stable (unreadable contacts and 403s), once Watch All began another list only with 3 calls left.
	it('the contacts of that second come out once', async () => {
		const account = new Account('asc', [0, 0]);
		const [list, other] = account.lists;
		let poll = 0;
		const afterActivation = () => list.add(1);
		const beforePoll = () => {
			poll++;
			if (poll === 1)
				account.between = {
					2: () => {
						list.add(7, true);
						other.add(1);
					},
				};
			if (poll === 3) account.between = { 2: () => list.add(1) };
			if (poll === 4) list.addUnreadable('null date');
		};
		// Contact 8 came out twice: the one-second walk emitted 1 to 8 with no count of the contacts up to that second, the first
		// count (pages 1 and 2: the null date, 1 to 7) took 7 for the largest id out, and the search below the next second found 8.
		expect(await emitted(account, 0, { polls: 12, maxCalls: 2, every: 3_600_000, afterActivation, beforePoll })).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
	});
});

describe('Newest first, a poll budget of 2 calls: a list new since activation whose oldest page holds only a contact without an id', () => {
	// Shrunk from seed 1, order desc, ties none (unreadable contacts and 403s).
	it('the contacts above it come out', async () => {
		const account = new Account('desc', [0, 0]);
		const list = account.lists[1];
		const afterActivation = () => {
			list.addUnreadable('no id');
			list.add(8);
		};
		// None ever did: with no cursor yet the walk went to the bottom page, found nothing to emit on it, and spent the
		// budget there every poll without reading the page above it.
		expect(await emitted(account, 1, { polls: 4, maxCalls: 2, afterActivation })).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
	});
});

describe('Oldest first, pages capped at 3, a poll budget of 2 calls: the API turns newest first, and the list shrinks to one contact then grows within one poll', () => {
	// Shrunk from seed 3, order asc, ties none (unreadable contacts and 403s); no unreadable contact in it.
	it('the contact just above the cursor comes out', async () => {
		const account = new Account('asc', [0, 4], 3);
		const list = account.lists[1];
		const afterActivation = () => {
			list.order = 'desc';
			list.remove(1);
			// The poll's first page shows contact 4 alone (no order to read), then seven contacts arrive.
			account.between = {
				2: () => {
					list.remove(2);
					list.remove(3);
				},
				4: () => list.add(7),
			};
		};
		// Contact 5 was lost: the order was taken as oldest first from the page of one contact, the pages read after it
		// (newest first) were walked oldest first, and page 1 (11, 10, 9) stood for the oldest end.
		expect(await emitted(account, 1, { polls: 3, maxCalls: 2, every: 3_600_000, afterActivation })).toEqual([5, 6, 7, 8, 9, 10, 11]);
	});
});

describe('Newest first, pages capped at 3, a poll budget of 2 calls: a list new since activation gets a contact, then two without a usable id above it, while another list takes the poll', () => {
	// Shrunk from seed 3, order desc, ties stable (unreadable contacts and 403s).
	it('the contact below them comes out', async () => {
		const account = new Account('desc', [0, 0], 3);
		const [other, list] = account.lists;
		const afterActivation = () => {
			other.add(1);
			other.add(6, true);
			// List 0 is read; list 1, empty in /mylists, gets its contacts between that read's calls.
			account.between = { 2: () => list.add(1), 3: () => list.addUnreadable('no id'), 4: () => list.addUnreadable('text id') };
		};
		let poll = 0;
		const beforePoll = () => {
			if (++poll === 2) list.addUnreadable('text id');
		};
		// It never did: page 1 held the two text ids and the contact without an id, page 2 contact 1 alone; the order was read from
		// placed contacts only (order.ts: unknown, every poll), and a page 1 without one was taken for the boundary (boundary.ts).
		expect(await emitted(account, 1, { polls: 6, maxCalls: 2, afterActivation, beforePoll })).toEqual([1]);
	});
});

describe.each(['asc', 'desc'] as const)('Order %s, pages capped at 3, a poll budget of 2 calls: contacts without a usable id at the newest end, above the only contacts with one', (order) => {
	// The class of the case above: a newest page of such contacts alone left the order unknown, or was taken for the boundary.
	it.each([
		[0, 2],
		[0, 3],
		[1, 3],
		[1, 4],
		[2, 6],
	])('%i contacts at activation, then one added and %i without a usable id: it comes out', async (initial, run) => {
		const account = new Account(order, [initial, 0], 3);
		const list = account.lists[0];
		const afterActivation = () => {
			list.add(1);
			for (let index = 0; index < run; index++) list.addUnreadable(index % 2 === 0 ? 'text id' : 'no id');
		};
		expect(await emitted(account, 0, { polls: 4, maxCalls: 2, afterActivation })).toEqual([initial + 1]);
	});
});

describe('Late imports (contacts dated in the second of the list\'s first contact, committed later), shrunk from the late-import runs', () => {
	/** Adds `count` contacts dated in the second of the list's first contact. */
	const late = (list: FakeList, count: number) => {
		const time = Date.parse(list.contacts[0].date_added as string);
		for (let index = 0; index < count; index++) list.addDated(time);
	};
	/** `changes[n]` sets what lands between the page requests of poll n + 1. */
	const polls = (account: Account, changes: Record<number, () => void>[]) => {
		let poll = 0;
		return () => {
			account.between = changes[poll++] ?? {};
		};
	};

	// Seed 20260415, order desc, ties stable, a poll budget of 2 calls.
	it('newest first, then the API answers oldest first while a search for them goes on: each comes out', async () => {
		const account = new Account('desc', [2, 0]);
		const list = account.lists[0];
		const beforePoll = polls(account, [
			{ 2: () => (late(list, 1), list.add(2)) },
			{ 2: () => (late(list, 6), list.add(1), late(list, 1)) },
			{ 2: () => (list.order = 'asc') },
		]);
		// Contact 14 was lost: the search went on from where it stopped newest first, and oldest first the contacts of
		// that second come in another order: 14 lay among those the search had passed.
		const ids = await emitted(account, 0, { polls: 8, maxCalls: 2, afterActivation: () => list.add(1), beforePoll });
		expect([...ids].sort((a, b) => Number(a) - Number(b))).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
	});

	// Seed 20260415, order desc (turned oldest first after activation), ties none, a poll budget of 8 calls.
	it('oldest first, late contacts added between the page requests of a poll, on a page it read before: they come out', async () => {
		const account = new Account('desc', [9, 0]);
		const list = account.lists[0];
		const afterActivation = () => {
			late(list, 4);
			list.order = 'asc';
		};
		const beforePoll = polls(account, [{ 2: () => late(list, 1), 4: () => late(list, 7) }]);
		// Contacts 15 and 16 were lost: the search below the cursor took the page it had read before they arrived for
		// what that page holds now, and the count, short by them, was closed.
		const ids = await emitted(account, 0, { polls: 6, maxCalls: 8, afterActivation, beforePoll });
		expect([...ids].sort((a, b) => Number(a) - Number(b))).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21]);
	});

	// Seed 2, order asc, ties stable, a poll budget of 5 calls.
	it('oldest first, pages capped at 3 with the limit of 4 echoed, page 2 read first: the late contact comes out', async () => {
		const account = new Account('asc', [5, 0], 3);
		account.echoed = true;
		const list = account.lists[0];
		const beforePoll = polls(account, [{}, { 2: () => late(list, 1) }]);
		// Contact 7 was lost: page 2 (contacts 4 to 6 of 6) was placed at size 4, one place too far: the count below
		// the cursor came out at 7 with 6 contacts, so the late one made it right. Its 3 contacts past the total at size 4
		// tell the size as well as a short page that is not the last.
		const ids = await emitted(account, 0, { polls: 5, maxCalls: 5, afterActivation: () => list.add(1), beforePoll });
		expect(ids).toEqual([6, 7]);
	});

	// Seed 2, order asc, ties stable, pages capped at 3 with the limit echoed, a poll budget of 8 calls.
	it('oldest first, a search for them cut by the budget, then the API answers newest first and the walk of a sealed second carries the search: each comes out', async () => {
		const account = new Account('asc', [0, 2], 3);
		account.echoed = true;
		const [other, list] = account.lists;
		let poll = 0;
		const beforePoll = () => {
			poll++;
			account.between = poll === 1 ? { 2: () => (late(other, 8), late(list, 6), late(list, 8)) } : poll === 4 ? { 2: () => list.add(6, true) } : {};
			if (poll === 5) list.order = 'desc';
			if (poll === 6) other.add(1);
		};
		// Contacts 4 to 7 were lost: the search stopped oldest first at a place counted from the oldest end; the walk of the
		// sealed second's view newest first (it does not count) carried it into a cursor newest first, and the search at the
		// seal's daily read went on from that place, where newest first the contacts of that second come in the other
		// order: 4 to 7 lay above it. (Found by the full run with seed 2 once d360d1e changed which pages a poll reads.)
		// Hourly, then a day apart (the sealed second's daily read comes in the first of those, with the search).
		const at = (poll: number) => (poll <= 5 ? poll : 5 + 24 * (poll - 5)) * 3_600_000;
		const ids = await emitted(account, 1, { polls: 12, maxCalls: 8, at, afterActivation: () => other.add(8), beforePoll });
		expect([...ids].sort((a, b) => Number(a) - Number(b))).toEqual(Array.from({ length: 20 }, (_, index) => index + 3));
	});

	// Seed 8, order desc, ties none, a poll budget of 2 calls.
	it('a list empty at activation, late contacts added while its first walk reads it, on a page it read before: they come out', async () => {
		const account = new Account('desc', [0, 0]);
		const list = account.lists[0];
		// 3 contacts dated in the second of the list's second contact.
		const lateInSecond = () => [0, 1, 2].forEach(() => list.addDated(Date.parse(list.contacts[1].date_added as string)));
		const beforePoll = polls(account, [{ 3: () => late(list, 4), 4: () => (lateInSecond(), list.add(2)) }]);
		// Contacts 10 and 11 were lost: they landed among the contacts the first walk had read, and its count (the first
		// of the list) took them for contacts there before, by the largest id it read (12, added with them).
		const ids = await emitted(account, 0, { polls: 6, maxCalls: 2, every: 3_600_000, afterActivation: () => list.add(5), beforePoll });
		expect([...ids].sort((a, b) => Number(a) - Number(b))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
	});
});
