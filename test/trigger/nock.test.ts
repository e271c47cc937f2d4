import type { IDataObject } from 'n8n-workflow';
import { PolledTrigger } from '../helpers/poll';
import { api, BASE_URL, requestLines, useNock, v1 } from '../helpers/nock';
import { emittedIds } from './helpers';

/** Exact requests and answers the sandbox never gives, against a mocked API. */
describe('Leadsopedia Trigger against a mocked API', () => {
	useNock();

	const contact = (id: number, extra: IDataObject = {}) => ({ id, email: `c${id}@example.com`, date_added: `2025-03-01 10:00:${String(id).padStart(2, '0')}`, ...extra });
	const page = (contacts: IDataObject[], total = contacts.length) => ({ contacts, total, page: 1, limit: 1000, pagesCount: Math.ceil(total / 1000), next: null, previous: null });
	const answer = (body: unknown) => api().get(v1('/contacts')).query({ list_id: '7', page: '1', limit: '1000' }).reply(200, body as IDataObject);
	const trigger = () => new PolledTrigger({ baseUrl: BASE_URL, parameters: { event: 'newContact', listId: { __rl: true, mode: 'id', value: '7' } } });

	it('asks for one page of 1000 of the list per idle poll, and tells the order from the data when it changes', async () => {
		const polled = trigger();
		answer(page([contact(1), contact(2)]));
		await polled.activate();
		answer(page([contact(1), contact(2)]));
		expect(await polled.poll()).toEqual({ items: null });
		// The API now answers newest first: the same two contacts, and a new one.
		answer(page([contact(3), contact(2), contact(1)]));
		expect(emittedIds(await polled.poll())).toEqual([3]);
		expect(requestLines()).toEqual(Array(3).fill('GET /v1/contacts?list_id=7&page=1&limit=1000'));
	});

	it.each([
		['contacts out of order', page([contact(2), contact(1), contact(3)]), /not ordered by date_added/],
		['an envelope without total', { contacts: [contact(1)] }, /has no total/],
		['an envelope without contacts', { total: 1 }, /has no "contacts" list/],
	])('fails on %s and keeps the cursor', async (_case, body, message) => {
		const polled = trigger();
		answer(page([contact(1)]));
		await polled.activate();
		const before = polled.memoryState();
		answer(body);
		const failed = await polled.poll();
		expect(failed.error?.message).toMatch(message);
		expect(polled.memoryState()).toEqual(before);
	});
});

describe('Leadsopedia Trigger watching every list against a mocked API', () => {
	useNock();

	const contact = (id: number) => ({ id, email: `c${id}@example.com`, date_added: `2025-03-01 10:00:${String(id).padStart(2, '0')}` });
	const lists = (ids: number[]) =>
		api()
			.get(v1('/mylists'))
			.query({ page: '1', limit: '1000' })
			.reply(200, { lists: ids.map((id) => ({ id, name: `L${id}`, total_contacts: 2 })), total: ids.length, page: 1, limit: 1000, pagesCount: 1 });
	const contacts = (listId: number, items: IDataObject[]) =>
		api()
			.get(v1('/contacts'))
			.query({ list_id: String(listId), page: '1', limit: '1000' })
			.reply(200, { contacts: items, total: items.length, page: 1, limit: 1000, pagesCount: 1 });

	it('keeps the cursor of a list missing once from /mylists: its old contacts never come out again', async () => {
		const polled = new PolledTrigger({ baseUrl: BASE_URL, parameters: { event: 'newContact', watchAllLists: true } });
		lists([7, 8]);
		contacts(7, [contact(2), contact(1)]);
		contacts(8, [contact(4), contact(3)]);
		await polled.activate();
		// A deletion between the page calls of /mylists hid list 7 from this poll; list 8 kept its total: no call.
		lists([8]);
		expect(await polled.poll()).toEqual({ items: null });
		api()
			.get(v1('/mylists'))
			.query({ page: '1', limit: '1000' })
			.reply(200, { lists: [7, 8].map((id) => ({ id, name: `L${id}`, total_contacts: id === 7 ? 3 : 2 })), total: 2, page: 1, limit: 1000, pagesCount: 1 });
		contacts(7, [contact(5), contact(2), contact(1)]);
		expect(emittedIds(await polled.poll())).toEqual([5]);
	});
});
