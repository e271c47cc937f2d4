/**
 * The total time one exchange may take, from sending the request to the last byte of the
 * answer. The HTTP client's `timeout` only limits silence: a server that sends a byte every
 * 250 ms never trips it, and would hold the node, the Test button and the key's lane for
 * as long as it likes.
 */
export class Deadline {
	private readonly timer: AbortSignal;

	private readonly cut = new AbortController();

	/** Aborts when the time is up, or when the reader hangs up (a body silent too long). */
	readonly signal: AbortSignal;

	constructor(readonly ms: number) {
		this.timer = AbortSignal.timeout(ms);
		this.signal = AbortSignal.any([this.timer, this.cut.signal]);
	}

	get expired(): boolean {
		return this.timer.aborted;
	}

	/** Ends the exchange now: the request this deadline's signal went with is aborted. */
	hangUp(): void {
		this.cut.abort();
	}

	get seconds(): number {
		return this.ms / 1000;
	}

	/** The signal for a request: the deadline or the execution's Stop, whichever comes first. */
	withStop(stop: AbortSignal | undefined): AbortSignal {
		return stop ? AbortSignal.any([stop, this.signal]) : this.signal;
	}

	/**
	 * Settles as `promise` does, or rejects when the time is up first; `onLate` gets a value
	 * that arrives after that (to free what it holds).
	 */
	async race<T>(promise: Promise<T>, onLate: (value: T) => void = () => undefined): Promise<T> {
		const { signal } = this;
		return await new Promise<T>((resolve, reject) => {
			const onExpiry = () => reject(new DeadlineExpired());
			if (signal.aborted) onExpiry();
			else signal.addEventListener('abort', onExpiry, { once: true });
			promise.then(
				(value) => {
					signal.removeEventListener('abort', onExpiry);
					if (signal.aborted) onLate(value);
					resolve(value);
				},
				(error: unknown) => {
					signal.removeEventListener('abort', onExpiry);
					reject(error);
				},
			);
		});
	}
}

/** Why an exchange ended without its whole answer, with the code a network error would carry. */
export class DeadlineExpired extends Error {
	readonly code = 'ETIMEDOUT';
}

export class BrokenOff extends Error {
	readonly code = 'ECONNRESET';
}

/** The codes a request that ran out of time ends with, whichever timer stopped it. */
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ECONNABORTED', 'ESOCKETTIMEDOUT']);

export const isTimeoutCode = (code: string) => TIMEOUT_CODES.has(code);

/** A response body asked for as a stream (typed here: node code imports nothing else). */
export type ByteStream = AsyncIterable<Buffer> & { destroy(error?: Error): void };

/** How reading a streamed body ended: all of it, cut short by the reader, out of time, or broken off (or silent too long). */
export type ReadEnd = 'whole' | 'cut' | 'expired' | 'broken';

/**
 * Reads a streamed body, handing each chunk to `onChunk` (false stops reading), and ends
 * it, freeing its connection, when the deadline passes first or, with `idleMs`, when no
 * byte came for that long (the HTTP client does not watch a body it streams). n8n's client
 * wraps the socket in a stream whose destroy() waits for the next byte: the request is
 * aborted through the deadline's signal as well.
 */
export async function readWithin(deadline: Deadline, body: ByteStream, onChunk: (chunk: Buffer) => boolean, idleMs?: number): Promise<ReadEnd> {
	const stop = () => {
		deadline.hangUp();
		body.destroy(new BrokenOff());
	};
	let silence: AbortSignal | undefined;
	const watchSilence = () => {
		silence?.removeEventListener('abort', stop);
		silence = idleMs === undefined ? undefined : AbortSignal.timeout(idleMs);
		silence?.addEventListener('abort', stop, { once: true });
	};
	if (deadline.expired) stop();
	deadline.signal.addEventListener('abort', stop, { once: true });
	watchSilence();
	try {
		for await (const chunk of body) {
			if (!onChunk(chunk)) return 'cut';
			watchSilence();
		}
		return deadline.expired ? 'expired' : 'whole';
	} catch {
		return deadline.expired ? 'expired' : 'broken';
	} finally {
		deadline.signal.removeEventListener('abort', stop);
		silence?.removeEventListener('abort', stop);
	}
}

const isStream = (body: unknown): body is ByteStream => typeof (body as ByteStream | undefined)?.[Symbol.asyncIterator] === 'function';

/** A body asked for as a stream (or already text, as some answers come) as text, read within the deadline. */
export async function textWithin(deadline: Deadline, body: unknown): Promise<string> {
	if (!isStream(body)) return typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString('utf8') : '';
	const chunks: Buffer[] = [];
	const end = await readWithin(deadline, body, (chunk) => chunks.push(Buffer.from(chunk)) > 0);
	if (end === 'expired') throw new DeadlineExpired();
	if (end === 'broken') throw new BrokenOff();
	return Buffer.concat(chunks).toString('utf8');
}

/** Frees a streamed body nobody will read: it holds its connection until then. */
export function release(body: unknown): void {
	if (isStream(body)) body.destroy();
}
