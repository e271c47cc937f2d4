import { NodeOperationError, sleep, type IExecuteSingleFunctions, type NodeApiError } from 'n8n-workflow';
import type { Stop } from './stop';

type ItemContext = Pick<IExecuteSingleFunctions, 'getNode' | 'getNodeParameter' | 'getExecuteData' | 'continueOnFail'> &
	Partial<Pick<IExecuteSingleFunctions, 'getExecutionCancelSignal'>>;

export type ItemError = NodeApiError | NodeOperationError;

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
	private firstArrivalAt = 0;
	private openedAt = 0;
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

	/** The run this item belongs to: all items of a node run share one execute data. */
	static of(context: ItemContext): ItemsRun {
		const executeData = context.getExecuteData?.();
		if (!executeData) return new ItemsRun(context, 1, 0);
		let run = ItemsRun.runs.get(executeData);
		if (!run) {
			run = new ItemsRun(context, itemCount(context), batchingGapMs(context));
			ItemsRun.runs.set(executeData, run);
		}
		return run;
	}

	/**
	 * This item's input is checked: waits until every item's is (n8n hands them over in one
	 * go, or batch by batch), or the run has failed. Throws the failure that ended the run.
	 */
	async checked(stop: Stop): Promise<void> {
		const arrivedAt = Date.now();
		this.arrive();
		await this.opened;
		if (this.failure) throw this.failure;
		// Under Batching the items keep n8n's spacing, counted from when the last one came.
		if (this.gapMs > 0) await stop.pause(this.openedAt + (arrivedAt - this.firstArrivalAt) - Date.now());
	}

	/** An item that will not call (its input failed, with Continue On Fail): the others need not wait for it. */
	skipped(): void {
		this.arrive();
	}

	/** Ends the run for every other item (without Continue On Fail); the first failure is the one reported. */
	fail(error: ItemError): ItemError {
		if (!this.failure) {
			this.failure = error;
			this.stopped.abort();
			this.open();
		}
		return this.failure;
	}

	/**
	 * The item's context, with the execution's Stop also raised when another item has failed:
	 * every wait and call of the package honours it, so the item sends nothing more.
	 */
	stoppable<T extends ItemContext>(context: T): T {
		const signal = eitherSignal(context.getExecutionCancelSignal?.(), this.stopped.signal);
		return Object.create(context, { getExecutionCancelSignal: { value: () => signal } }) as T;
	}

	private arrive(): void {
		if (this.arrived === 0) this.firstArrivalAt = Date.now();
		this.arrived++;
		const generation = ++this.generation;
		if (this.arrived === this.expected) this.open();
		else void this.verdictAfterGap(generation);
	}

	private open(): void {
		if (!this.openedAt) this.openedAt = Date.now();
		this.resolveOpened();
	}

	/**
	 * No further item came within n8n's gap between items: it has handed over all it will.
	 * Missing items are ones n8n refused itself (an expression that failed): with Continue On
	 * Fail they became error items, without it the run has failed and nothing may call.
	 */
	private async verdictAfterGap(generation: number): Promise<void> {
		// One millisecond more than n8n's own sleep, started before it: its next item comes first.
		await sleep(this.gapMs > 0 ? this.gapMs + 1 : 0);
		if (generation !== this.generation) return;
		if (this.expected !== undefined && this.arrived < this.expected && !this.context.continueOnFail()) {
			this.fail(
				new NodeOperationError(this.context.getNode(), 'Leadsopedia was not called: n8n refused an input item before the node ran it', {
					description: 'A failed input item ends the run without Continue On Fail, so no call was spent on the others.',
				}),
			);
		}
		this.open();
	}
}

/** The error, naming its item: reported from another item's result, it would name none. */
export function withItemIndex(error: ItemError, itemIndex: number): ItemError {
	error.context.itemIndex ??= itemIndex;
	return error;
}

/** The items RoutingNode runs: its input (main, or a tool's), one item under Execute Once. */
function itemCount(context: ItemContext): number | undefined {
	const data = context.getExecuteData().data;
	const items = (data?.main ?? data?.ai_tool)?.[0];
	if (!Array.isArray(items)) return undefined;
	return context.getNode().executeOnce === true ? Math.min(1, items.length) : items.length;
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
