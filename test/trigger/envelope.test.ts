import type { IDataObject } from 'n8n-workflow';
import { PolledTrigger } from '../helpers/poll';
import { api, BASE_URL, useNock, v1 } from '../helpers/nock';
import { FakeList, type ApiOrder } from './fake-api';
import { drain, emittedIds } from './helpers';

interface Envelope {
	/** Whether the answer states the page size it used. */
	statesLimit: boolean;
	/** Whether pagesCount is stated or null. */
	statesPages: boolean;
}

/** Envelopes that leave out what the trigger would like to know, from a list in memory. */
describe.each<ApiOrder>(['asc', 'desc'])('Leadsopedia Trigger (%s) on envelopes without pagesCount or with a capped page size', (order) => {
	useNock();

	function serve(list: FakeList, envelope: Envelope): void {
		api()
			.get(v1('/contacts'))
			.query(true)
			.reply((uri) => {
				const query = new URL(uri, BASE_URL).searchParams;
				const page = Number(query.get('page'));
				const answer = list.answer(page, Number(query.get('limit')));
				const body: IDataObject = { contacts: answer.items, total: answer.total, page, pagesCount: envelope.statesPages ? answer.pagesCount : null };
				if (envelope.statesLimit) body.limit = answer.pageLimit;
				return [200, body];
			})
			.persist();
	}

	it.each<[string, number, Envelope]>([
		['pagesCount null', Infinity, { statesLimit: true, statesPages: false }],
		['pages capped at 500, stated', 500, { statesLimit: true, statesPages: true }],
		['pages capped at 500, pagesCount null', 500, { statesLimit: true, statesPages: false }],
		['pages capped at 500, neither limit nor pagesCount stated', 500, { statesLimit: false, statesPages: false }],
	])('1,500 contacts, %s: new contacts come out once', async (_case, cap, envelope) => {
		const list = new FakeList(order);
		list.pageCap = cap;
		list.add(1500);
		serve(list, envelope);
		const trigger = new PolledTrigger({ baseUrl: BASE_URL, parameters: { event: 'newContact', listId: { __rl: true, mode: 'id', value: '7' } } });
		await trigger.activate();
		expect(await trigger.poll()).toEqual({ items: null });
		const added = list.add(3).map((contact) => contact.id);
		expect(emittedIds(await trigger.poll())).toEqual(added);
		const more = list.add(1200).map((contact) => contact.id);
		expect(await drain(trigger)).toEqual(more);
	});
});
