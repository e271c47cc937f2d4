import { NodeOperationError, sleep, type IExecuteSingleFunctions, type INode } from 'n8n-workflow';

type StoppableContext = Pick<IExecuteSingleFunctions, 'getNode'> & Partial<Pick<IExecuteSingleFunctions, 'getExecutionCancelSignal'>>;

/**
 * The execution's Stop button as the package's calls and waits see it. n8n aborts the
 * HTTP request in flight itself; every wait (pacing, Retry-After, backoff) and every next
 * call is the package's to cut short. Contexts without a signal (the trigger's poll, list
 * search) wait as before.
 */
export class Stop {
	private constructor(
		private readonly node: INode,
		readonly signal: AbortSignal | undefined,
	) {}

	static of(context: StoppableContext): Stop {
		return new Stop(context.getNode(), context.getExecutionCancelSignal?.());
	}

	get requested(): boolean {
		return this.signal?.aborted === true;
	}

	error(): NodeOperationError {
		return new NodeOperationError(this.node, 'The execution was stopped', {
			description: 'Leadsopedia was called no further after the Stop.',
		});
	}

	/** Throws when the execution was stopped: check before each call. */
	check(): void {
		if (this.requested) throw this.error();
	}

	/** Settles as `promise` does, or rejects at once when the execution is stopped. */
	async until<T>(promise: Promise<T>): Promise<T> {
		const { signal } = this;
		if (!signal) return await promise;
		this.check();
		return await new Promise<T>((resolve, reject) => {
			const onStop = () => reject(this.error());
			signal.addEventListener('abort', onStop, { once: true });
			promise.then(
				(value) => {
					signal.removeEventListener('abort', onStop);
					resolve(value);
				},
				(error: unknown) => {
					signal.removeEventListener('abort', onStop);
					reject(error);
				},
			);
		});
	}

	/**
	 * Waits `ms`, cut short by a Stop. n8n-workflow 2.x's `sleep` takes the signal and clears
	 * its timer on abort; 1.x's ignores it, so its timer runs out unobserved: either way the
	 * waiter leaves at once and holds no lane.
	 */
	async pause(ms: number): Promise<void> {
		if (ms <= 0) return this.check();
		// On abort 2.x's sleep rejects: the Stop error from `until` is the one that counts.
		await this.until(sleep(ms, this.signal).catch(() => undefined));
	}
}
