/**
 * A model of queue mode under load: N n8n workers sharing one API key, each pacing its own
 * lane (nodes/Leadsopedia/shared/pacing.ts), against an API that admits one call per
 * interval and answers 429 with a Retry-After otherwise (the sandbox's rule, sandbox/limits.ts).
 * Discrete events in simulated milliseconds, seeded: a run is a pure function of its inputs,
 * so thousands of runs take seconds and a result can be checked in `npm test`.
 *
 * The load is the e2e harness's (e2e/queue/load.ts): 24 executions started at once, 12 Get
 * Many over 3 pages and 12 Create or Update, handed to the workers at random as Redis does.
 * Timings are the ones measured in `npm run test:e2e -- --queue --load-log` runs: the first
 * call about 1.5 s after the load starts, 10–35 ms between a lane's turn and the call's
 * arrival at the API, an answer within a few ms.
 */
import { hash, rng } from '../../sandbox/random';
import type { KeySharing } from '../../nodes/Leadsopedia/shared/share';

export interface ModelLoad {
	workers: number;
	/** The API's interval and each worker's Seconds Between Calls. */
	intervalMs: number;
	maxTries: number;
	/** Retry-After in whole units of this (the sandbox: seconds). */
	retryAfterUnitMs: number;
	/** Calls of each execution, in order: 3 for a Get Many of 3 pages, 1 for a Create or Update. */
	executions: number[];
	/** Executions a worker runs at once (n8n worker's --concurrency, default 10); the rest wait in Redis. */
	concurrency: number;
	/** What a store the workers shared would give: one lane for all of them (not a scheme a community node can ship). */
	sharedLane?: boolean;
}

/** The e2e queue load at the API's interval scaled down to 1 s, default Max Tries. */
export const E2E_LOAD: Omit<ModelLoad, 'workers'> = {
	intervalMs: 1000,
	maxTries: 4,
	retryAfterUnitMs: 1000,
	executions: [...Array<number>(12).fill(3), ...Array<number>(12).fill(1)],
	concurrency: 10,
};

export interface ModelRun {
	/** Calls the API admitted. */
	calls: number;
	/** Calls it refused with 429. */
	refused: number;
	failedExecutions: number;
	/** From the load's start to the last answer, ms. */
	wallMs: number;
}

interface Call {
	worker: Worker;
	execution: number;
	step: number;
	tries: number;
}

interface Worker {
	/** Executions running on this worker. */
	running: number;
	lane: Lane;
}

interface Lane {
	queue: Call[];
	/** Whether a call of this lane is in flight. */
	busy: boolean;
	/** No call before this: one gap after the last answer, or a 429's hold. */
	nextAt: number;
	sharing: KeySharing;
}

type Event = { at: number; order: number; run: () => void };

/** One run of the load with each worker's lane following `sharing` (a fresh one per worker). */
export function simulate(load: ModelLoad, newSharing: (random: () => number) => KeySharing, seed: number): ModelRun {
	const random = rng(hash(seed, load.workers));
	const between = (low: number, high: number) => low + (high - low) * random();
	const events: Event[] = [];
	let order = 0;
	let now = 0;
	const at = (time: number, run: () => void) => {
		events.push({ at: time, order: order++, run });
	};

	const lanes: Lane[] = Array.from({ length: load.sharedLane ? 1 : load.workers }, (_, index) => ({
		queue: [],
		busy: false,
		nextAt: 0,
		sharing: newSharing(rng(hash(seed, load.workers, index + 1))),
	}));
	const workers: Worker[] = Array.from({ length: load.workers }, (_, index) => ({ running: 0, lane: lanes[load.sharedLane ? 0 : index] }));
	/** Executions no worker has taken yet: the next worker with a free slot takes the first. */
	const waiting: number[] = [];
	let lastAdmitted = -Infinity;
	let lastAnswer = 0;
	const run: ModelRun = { calls: 0, refused: 0, failedExecutions: 0, wallMs: 0 };

	const pump = (lane: Lane): void => {
		if (lane.busy || lane.queue.length === 0) return;
		if (now < lane.nextAt) {
			at(lane.nextAt, () => pump(lane));
			return;
		}
		const call = lane.queue.shift() as Call;
		lane.busy = true;
		call.tries++;
		at(now + between(10, 35), () => arrive(call.worker, call));
	};

	const arrive = (worker: Worker, call: Call) => {
		const { lane } = worker;
		const admitted = now - lastAdmitted >= load.intervalMs;
		const answeredAt = now + between(1, 5);
		if (admitted) {
			lastAdmitted = now;
			run.calls++;
			at(answeredAt, () => {
				lastAnswer = Math.max(lastAnswer, now);
				lane.busy = false;
				lane.sharing.admitted(now);
				lane.nextAt = now + load.intervalMs;
				const steps = load.executions[call.execution];
				if (call.step + 1 < steps) at(now + between(5, 20), () => enqueue({ ...call, step: call.step + 1, tries: 0 }));
				else finished(worker);
				pump(lane);
			});
			return;
		}
		run.refused++;
		const retryAfterMs = Math.max(1, Math.ceil((lastAdmitted + load.intervalMs - now) / load.retryAfterUnitMs)) * load.retryAfterUnitMs;
		at(answeredAt, () => {
			lastAnswer = Math.max(lastAnswer, now);
			lane.busy = false;
			// As transport.ts: the answer spent its turn; the retry waits the hold and joins the lane's tail.
			lane.nextAt = Math.max(now + load.intervalMs, lane.sharing.holdAfterRefusal(load.intervalMs, retryAfterMs, now));
			if (call.tries >= load.maxTries) {
				run.failedExecutions++;
				finished(worker);
			} else lane.queue.push(call);
			pump(lane);
		});
	};

	const enqueue = (call: Call) => {
		call.worker.lane.queue.push(call);
		pump(call.worker.lane);
	};

	const start = (worker: Worker, execution: number) => {
		worker.running++;
		enqueue({ worker, execution, step: 0, tries: 0 });
	};
	const finished = (worker: Worker) => {
		worker.running--;
		const execution = waiting.shift();
		if (execution !== undefined) at(now + between(5, 50), () => start(worker, execution));
	};
	load.executions.forEach((_, execution) => {
		at(between(1300, 1700), () => {
			const free = workers.filter((worker) => worker.running < load.concurrency);
			if (free.length === 0) waiting.push(execution);
			else start(free[Math.floor(random() * free.length)], execution);
		});
	});

	while (events.length > 0) {
		let next = 0;
		for (let index = 1; index < events.length; index++) {
			const event = events[index];
			const best = events[next];
			if (event.at < best.at || (event.at === best.at && event.order < best.order)) next = index;
		}
		const [event] = events.splice(next, 1);
		now = event.at;
		event.run();
	}
	run.wallMs = lastAnswer;
	return run;
}
