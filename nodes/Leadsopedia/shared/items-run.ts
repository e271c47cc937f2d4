import { NodeOperationError, sleep, type IExecuteSingleFunctions, type ITaskDataConnections, type NodeApiError } from 'n8n-workflow';
import { Stop } from './stop';

type ItemContext = Pick<IExecuteSingleFunctions, 'getNode' | 'getNodeParameter' | 'continueOnFail' | 'helpers'> &
	Partial<Pick<IExecuteSingleFunctions, 'getExecutionCancelSignal'>>;

export type ItemError = NodeApiError | NodeOperationError;

/** How much longer than n8n's pause between batches the run waits before it counts an item as refused. */
const VERDICT_MARGIN_MS = 1000;

/**
 * The input items of one node run, made to act as one run. RoutingNode (n8n-core
 * `routing-node.js`, 1.x and 2.x alike) starts every item's request in one loop, without
 * waiting between items unless Settings → Batching makes it sleep between batches; the
 * key's lane then sends their calls one by one. So that a run that will fail spends
 * nothing: no item calls before every item's input is checked, and once an item has failed
 * without Continue On Fail no further call starts (waiting items leave the lane).
 */
export class ItemsRun {
	private static readonly runs = new WeakMap<object, ItemsRun>();

	private arrived = 0;
	/** Bumped by every arrival: a verdict taken for an older one is void. */
	private generation = 0;
	private lastTurn: ItemTurn<ItemContext> | undefined;
	private failure: ItemError | undefined;
	private readonly stopped = new AbortController();
	private resolveOpened: () => void = () => undefined;
	/** Settles once every item's input is checked, or the run has failed. */
	private readonly opened = new Promise<void>((resolve) => (this.resolveOpened = resolve));

	private constructor(
		private readonly context: ItemContext,
		/** How many items RoutingNode starts; undefined when n8n does not say. */
		private readonly expected: number | undefined,
		/** How long n8n sleeps between batches (Settings → Batching); 0 when it does not batch. */
		private readonly gapMs: number,
	) {}

	/**
	 * The run this item belongs to. RoutingNode hands every item's context the same input
	 * object, its own for each run: an execution's run of the node, or one tool call of an
	 * AI agent (whose calls share the agent's execute data, so that cannot tell them apart).
	 */
	static of(context: ItemContext): ItemsRun {
		const input = inputOf(context);
		if (!input) return new ItemsRun(context, 1, 0);
		let run = ItemsRun.runs.get(input);
		if (!run) {
			run = new ItemsRun(context, (input.main ?? input.ai_tool)?.[0]?.length, batchingGapMs(context));
			ItemsRun.runs.set(input, run);
		}
		return run;
	}

	/**
	 * This item's input is checked: its turn waits until every item's is (n8n hands them over
	 * in one go, or batch by batch), or the run has failed.
	 */
	arrive<T extends ItemContext>(context: T): ItemTurn<T> {
		const turn = new ItemTurn(this, context, this.gapMs > 0 ? this.lastTurn : undefined);
		this.lastTurn = turn;
		this.count();
		return turn;
	}

	/** Settles once the turns may go: throws the failure that ended the run. */
	async allChecked(): Promise<void> {
		await this.opened;
		if (this.failure) throw this.failure;
	}

	/** An item that will not call (its input failed, with Continue On Fail): the others need not wait for it. */
	skipped(): void {
		this.count();
	}

	/** Ends the run for every other item (without Continue On Fail); the first failure is the one reported. */
	fail(error: ItemError): ItemError {
		if (!this.failure) {
			this.failure = error;
			this.stopped.abort();
			this.resolveOpened();
		}
		return this.failure;
	}

	/** The execution's Stop, also raised when another item has failed. */
	stopSignal(context: ItemContext): AbortSignal {
		return eitherSignal(context.getExecutionCancelSignal?.(), this.stopped.signal);
	}

	private count(): void {
		this.arrived++;
		const generation = ++this.generation;
		if (this.arrived === this.expected) this.resolveOpened();
		else void this.verdictAfterGap(generation);
	}

	/**
	 * No further item came within n8n's gap between items: it has handed over all it will.
	 * Missing items are ones n8n refused itself (an expression that failed): with Continue On
	 * Fail they became error items, without it the run has failed and nothing may call.
	 */
	private async verdictAfterGap(generation: number): Promise<void> {
		// Without Batching n8n hands every item over in one synchronous loop: any timer comes
		// after it. With it, n8n's own sleep starts a little after this one (timers take the
		// clock as they start, and a busy machine moves it): a second more keeps its next item
		// first. Only a refused item waits this out; a complete run opens at its last item.
		await sleep(this.gapMs > 0 ? this.gapMs + VERDICT_MARGIN_MS : 0);
		if (generation !== this.generation) return;
		if (this.expected !== undefined && this.arrived < this.expected && !this.context.continueOnFail()) {
			this.fail(
				new NodeOperationError(this.context.getNode(), 'Leadsopedia was not called: n8n refused an input item before the node ran it', {
					description: 'A failed input item ends the run without Continue On Fail, so no call was spent on the others.',
				}),
			);
		}
		this.resolveOpened();
	}
}

/**
 * One item's way to its calls. Its context raises Stop when another item has failed, so
 * every wait and call of the package ends and the item sends nothing more. Under Batching,
 * where the run's gate holds the early batches until the last is in, released together
 * their calls would bunch up: each item's first call goes out no sooner after the previous
 * item's than n8n handed it over after that item.
 */
export class ItemTurn<T extends ItemContext> {
	private readonly arrivedAt = Date.now();
	private markSent: (at: number) => void = () => undefined;
	/** When this item's first request went out (or it ended without one). */
	private readonly sent = new Promise<number>((resolve) => (this.markSent = resolve));
	readonly context: T;

	constructor(
		private readonly run: ItemsRun,
		context: T,
		private readonly previous: ItemTurn<ItemContext> | undefined,
	) {
		const signal = run.stopSignal(context);
		const sending = () => this.markSent(Date.now());
		const { helpers } = context;
		this.context = Object.create(context, {
			getExecutionCancelSignal: { value: () => signal },
			helpers: {
				value: Object.create(helpers, {
					httpRequestWithAuthentication: { value: noting(sending, helpers.httpRequestWithAuthentication) },
					httpRequest: { value: noting(sending, helpers.httpRequest) },
				}),
			},
		}) as T;
	}

	/** Waits for the run's gate, and under Batching for this item's place after the previous one. */
	async ready(): Promise<T> {
		await this.run.allChecked();
		if (this.previous) {
			const stop = Stop.of(this.context);
			const previousSentAt = await stop.until(this.previous.sent);
			await stop.pause(previousSentAt + (this.arrivedAt - this.previous.arrivedAt) - Date.now());
		}
		return this.context;
	}

	/** The item is done: whatever it did, the next one need not wait for its first request. */
	done(): void {
		this.markSent(Date.now());
	}
}

/** A request helper that first notes that a request goes out. */
function noting<F extends (...args: never[]) => unknown>(note: () => void, helper: F): F {
	return function (this: unknown, ...args: Parameters<F>) {
		note();
		return helper.apply(this, args);
	} as F;
}

/** The error, naming its item: reported from another item's result, it would name none. */
export function withItemIndex(error: ItemError, itemIndex: number): ItemError {
	error.context.itemIndex ??= itemIndex;
	return error;
}

/**
 * The input RoutingNode runs the items of: `(main ?? ai_tool)[0]`, already cut to one item
 * under Execute Once. n8n-core keeps it on every item's context (`inputData`, 1.x and 2.x
 * alike) without a getter for all of it; undefined when it is not there.
 */
function inputOf(context: ItemContext): ITaskDataConnections | undefined {
	const input = (context as { inputData?: unknown }).inputData;
	return typeof input === 'object' && input !== null ? (input as ITaskDataConnections) : undefined;
}

/** RoutingNode sleeps between batches only when Settings → Batching has an interval. */
function batchingGapMs(context: ItemContext): number {
	const options = context.getNodeParameter('requestOptions', {}) as { batching?: { batch?: { batchInterval?: unknown } } } | undefined;
	const interval = Number(options?.batching?.batch?.batchInterval ?? 0);
	return Number.isFinite(interval) && interval > 0 ? interval : 0;
}

function eitherSignal(first: AbortSignal | undefined, second: AbortSignal): AbortSignal {
	if (!first) return second;
	const either = new AbortController();
	for (const signal of [first, second]) {
		if (signal.aborted) either.abort();
		else signal.addEventListener('abort', () => either.abort(), { once: true });
	}
	return either.signal;
}
