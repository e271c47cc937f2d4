/**
 * The waits asked of n8n's `sleep`, recorded with when they were asked and ended, so that
 * tests assert the waits the code asks for and the order of events rather than wall-clock
 * gaps, which a busy machine stretches. Covers the copy the node reaches through
 * n8n-workflow (pacing, backoff, Retry-After) and the one n8n-core's runner uses (Batching).
 */
export interface Wait {
	ms: number;
	/** Whose copy of `sleep`: the node's (through n8n-workflow) or n8n-core's runner. */
	owner: 'n8n-workflow' | 'n8n-core';
	/** On the sandbox log's clock (`performance.timeOrigin + performance.now()`). */
	askedAt: number;
	/** When it ran out or was cut short; undefined while pending. */
	endedAt?: number;
}

type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const now = () => performance.timeOrigin + performance.now();

// Each package has its own copy of @n8n/utils: spy on each one's `sleep`.
const sleepModules = (['n8n-workflow', 'n8n-core'] as const).map((owner) => ({
	owner,
	module: require(require.resolve('@n8n/utils/sleep', { paths: [require.resolve(owner)] })) as { sleep: Sleep },
}));

/** Records every wait asked during each test of the file; returns the ones of the running test. */
export function recordWaits(): () => Wait[] {
	const waits: Wait[] = [];
	let spies: jest.SpyInstance[] = [];
	beforeEach(() => {
		waits.length = 0;
		spies = sleepModules.map(({ owner, module }) => {
			const real = module.sleep;
			return jest.spyOn(module, 'sleep').mockImplementation(async (ms: number, signal?: AbortSignal) => {
				const wait: Wait = { ms, owner, askedAt: now() };
				waits.push(wait);
				try {
					return await real(ms, signal);
				} finally {
					wait.endedAt = now();
				}
			});
		});
	});
	afterEach(() => {
		for (const spy of spies) spy.mockRestore();
	});
	return () => [...waits];
}

/** The waits asked between two moments (say, two calls' arrivals), in order. */
export const askedBetween = (waits: Wait[], from: number, to: number): Wait[] => waits.filter((wait) => wait.askedAt >= from && wait.askedAt <= to);

/**
 * How long these waits planned to keep the code waiting: the length of the union of their
 * spans, each from when it was asked to when it was asked to end. Waits for the same moment
 * (two callers waiting for one turn) count once; a wait after a wait counts both.
 */
export function plannedMs(waits: Wait[]): number {
	const spans = waits.map((wait) => [wait.askedAt, wait.askedAt + Math.max(0, wait.ms)]).sort((a, b) => a[0] - b[0]);
	let total = 0;
	let coveredUntil = -Infinity;
	for (const [start, end] of spans) {
		total += Math.max(0, end - Math.max(start, coveredUntil));
		coveredUntil = Math.max(coveredUntil, end);
	}
	return total;
}
