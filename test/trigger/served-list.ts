import type { IDataObject } from 'n8n-workflow';
import { PolledTrigger, type TriggerTiming } from '../helpers/poll';
import { api, BASE_URL, v1 } from '../helpers/nock';
import type { FakeList } from './fake-api';

export interface Envelope {
	/** Whether the answer states the page size it used. */
	statesLimit: boolean;
	/** Whether pagesCount is stated or null. */
	statesPages: boolean;
	/** Whether `limit` repeats the limit asked for instead of the size served (a cap that does not say so). */
	echoesLimit?: boolean;
}

/** Answers GET /contacts of list 7 on the mocked API from `list`, as it stands at each call (each answer `answerMs` late). */
export function serve(list: FakeList, envelope: Envelope = { statesLimit: true, statesPages: true }, answerMs = 0): void {
	api()
		.get(v1('/contacts'))
		.query(true)
		.delay(answerMs)
		.reply((uri) => {
			const query = new URL(uri, BASE_URL).searchParams;
			const page = Number(query.get('page'));
			const answer = list.answer(page, Number(query.get('limit')));
			const body: IDataObject = { contacts: answer.items, total: answer.total, page, pagesCount: envelope.statesPages ? answer.pagesCount : null };
			if (envelope.statesLimit) body.limit = envelope.echoesLimit ? Number(query.get('limit')) : answer.pageLimit;
			return [200, body];
		})
		.persist();
}

/** The trigger on list 7 of the mocked API (with `options`: other credentials, n8n's poll budget). */
export const triggerOnServed = (options: TriggerTiming = {}) =>
	new PolledTrigger({ baseUrl: BASE_URL, parameters: { event: 'newContact', listId: { __rl: true, mode: 'id', value: '7' } }, ...options });
