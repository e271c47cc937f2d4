import type { IDataObject } from 'n8n-workflow';
import { PolledTrigger, type TriggerTiming } from '../helpers/poll';
import { api, BASE_URL, requestLines, v1 } from '../helpers/nock';
import { FakeList, type ApiOrder } from './fake-api';

/**
 * An account of several lists on the mocked API, as it stands at each call: GET /mylists
 * (paged, with each list's `total_contacts`) and GET /contacts of each list. A test can hide a
 * list from /mylists, make one answer 403, or change contacts between polls.
 */
export class ServedAccount {
	readonly lists = new Map<string, FakeList>();
	/** Lists GET /mylists leaves out (they still answer GET /contacts). */
	readonly hidden = new Set<string>();
	/** Lists whose GET /contacts answers 403. */
	readonly forbidden = new Set<string>();
	/**
	 * Contacts whose date_added the database cannot order (null, "0000-00-00 00:00:00"), per
	 * list: sorted first oldest first and last newest first, as MySQL sorts NULL. Lists of one page.
	 */
	readonly undated = new Map<string, IDataObject[]>();

	constructor(private readonly order: ApiOrder = 'desc') {
		this.serve();
	}

	/** A list with `count` contacts, each a second after the previous. */
	add(id: string, count = 0): FakeList {
		const list = new FakeList(this.order);
		list.add(count);
		this.lists.set(id, list);
		return list;
	}

	/** The trigger on the account: every list, or one. */
	trigger(parameters: IDataObject = { watchAllLists: true }, budget?: TriggerTiming): PolledTrigger {
		return new PolledTrigger({ baseUrl: BASE_URL, parameters: { event: 'newContact', ...parameters }, ...budget });
	}

	/** Calls that reached the API since the last `takeCalls`, as `GET /v1/...` lines. */
	takeCalls(): string[] {
		const lines = requestLines().slice(this.taken);
		this.taken += lines.length;
		return lines;
	}

	private taken = 0;

	private serve(): void {
		api()
			.get(v1('/mylists'))
			.optionally()
			.query(true)
			.reply((uri) => {
				const query = new URL(uri, BASE_URL).searchParams;
				const page = Number(query.get('page') ?? 1);
				const limit = Number(query.get('limit') ?? 100);
				const shown = [...this.lists].filter(([id]) => !this.hidden.has(id));
				const lists = shown
					.slice((page - 1) * limit, page * limit)
					.map(([id, list]) => ({ id: Number(id), name: `List ${id}`, total_contacts: list.contacts.length + (this.undated.get(id)?.length ?? 0) }));
				return [200, { lists, total: shown.length, page, limit, pagesCount: Math.ceil(shown.length / limit) }];
			})
			.persist();
		api()
			.get(v1('/contacts'))
			.optionally()
			.query(true)
			.reply((uri) => {
				const query = new URL(uri, BASE_URL).searchParams;
				const id = String(query.get('list_id'));
				const list = this.lists.get(id);
				if (!list || this.forbidden.has(id)) return [403, { error: 'forbidden', message: 'You do not have access to this list' }];
				const page = Number(query.get('page'));
				const answer = list.answer(page, Number(query.get('limit')));
				const undated = this.undated.get(id) ?? [];
				const contacts = this.order === 'asc' ? [...undated, ...answer.items] : [...answer.items, ...undated];
				return [200, { contacts, total: answer.total + undated.length, page, limit: answer.pageLimit, pagesCount: answer.pagesCount }];
			})
			.persist();
	}
}
