/**
 * The trigger's clock (Date.now) for a test file: it stands still but for the time a test
 * lets pass, so daily checks and the time a list may stay missing are exact.
 */
export function useTriggerClock(start = Date.UTC(2026, 0, 5, 10)): { pass(ms: number): void; set(ms: number): void } {
	let later = 0;
	beforeEach(() => {
		later = 0;
		jest.spyOn(Date, 'now').mockImplementation(() => start + later);
	});
	afterEach(() => jest.restoreAllMocks());
	return {
		pass: (ms) => {
			later += ms;
		},
		set: (ms) => {
			later = ms;
		},
	};
}
