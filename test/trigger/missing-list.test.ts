import { MISSING_POLLS_KEPT } from '../../nodes/Leadsopedia/trigger/rotation';
import { pollWatched, recordPositions, type Watched } from '../../nodes/Leadsopedia/trigger/watch';
import { FakeList } from './fake-api';

/** Two lists in memory; `shown` says which ids GET /mylists lists. */
function account(shown: string[]) {
	const apis: Record<string, FakeList> = { '7': new FakeList('desc'), '8': new FakeList('desc') };
	apis['7'].add(3);
	apis['8'].add(3);
	const watched: Watched = {
		scope: 'all',
		lists: async () => ({ lists: shown.map((id) => ({ id, total: apis[id].contacts.length })), calls: 1 }),
		source: (id) => apis[id].source(),
	};
	return { apis, watched };
}

describe('Watch All Lists and a list missing from /mylists', () => {
	it(`keeps its cursor for ${MISSING_POLLS_KEPT} polls, then lets it go, so deleted lists do not grow the state`, async () => {
		const shown = ['7', '8'];
		const { apis, watched } = account(shown);
		const limits = { pageSize: 1000, maxCalls: 10 };
		let state = await recordPositions(watched, 1000);
		shown.splice(0, 1);
		for (let poll = 0; poll < MISSING_POLLS_KEPT; poll++) state = (await pollWatched(watched, state, limits)).state;
		expect(Object.keys(state.lists)).toEqual(['7', '8']);
		// Back within the bound: only what was added meanwhile is new.
		shown.unshift('7');
		const added = apis['7'].add(1).map((contact) => contact.id);
		const back = await pollWatched(watched, state, limits);
		expect(back.found.map((found) => found.contact.id)).toEqual(added);
		// Missing once more than the bound: it leaves the state.
		shown.splice(0, 1);
		state = back.state;
		for (let poll = 0; poll <= MISSING_POLLS_KEPT; poll++) state = (await pollWatched(watched, state, limits)).state;
		expect(Object.keys(state.lists)).toEqual(['8']);
	});
});
