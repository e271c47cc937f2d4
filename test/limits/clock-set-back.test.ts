import { inTurn, type TurnWaits } from '../../nodes/Leadsopedia/shared/pacing';

/** Records the waits the lane asks for instead of waiting. */
function recordingWaits(): TurnWaits & { paused: number[] } {
	const paused: number[] = [];
	return {
		paused,
		until: async (promise) => await promise,
		pause: async (ms) => {
			if (ms > 0) paused.push(ms);
		},
		check: () => undefined,
	};
}

describe('the key lane when the clock is set back', () => {
	afterEach(() => jest.restoreAllMocks());

	it('waits at most one interval, not the time the clock went back', async () => {
		const now = jest.spyOn(Date, 'now');
		const waits = recordingWaits();
		now.mockReturnValue(Date.UTC(2026, 0, 7));
		await inTurn('clock-set-back', 1000, async () => 'first', waits);
		// Two days back, as a corrected clock or a test's clock may go.
		now.mockReturnValue(Date.UTC(2026, 0, 5));
		await inTurn('clock-set-back', 1000, async () => 'second', waits);
		expect(waits.paused).toEqual([1000]);
	});
});
