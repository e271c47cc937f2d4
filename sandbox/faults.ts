import type { IncomingMessage, ServerResponse } from 'node:http';
import { send } from './http';
import { hash, rng } from './random';

/** Faults on demand for reliability tests: what a flaky API, proxy or network does. */

export type FaultStatus = 500 | 502 | 503 | 504 | 429;
export type FaultKind = FaultStatus | `${FaultStatus}` | 'reset' | 'slow' | 'malformed-json' | 'html' | 'empty';

export interface FaultSpec {
	/**
	 * 500/502/503/504: that status with a JSON error body. 429: rate-limited, with `Retry-After` only if `retryAfter` is set.
	 * 'reset': the connection is destroyed without an answer. 'slow': the real answer after `slowMs`.
	 * 'malformed-json': a cut-off JSON body. 'html': an HTML error page. 'empty': no body at all.
	 */
	kind: FaultKind;
	/** Fault the next `times` matching calls. Default 1, or unlimited when `rate` is given. */
	times?: number;
	/** Or fault this fraction (0..1) of matching calls, drawn from a generator seeded by `seed`, so a run repeats. */
	rate?: number;
	/** Seed of the `rate` draws; default: the sandbox seed. */
	seed?: number;
	/** Only calls whose path (as in the request log, e.g. '/v1/contacts') starts with this. */
	path?: string;
	/** Which listener: the API (default) or the file host of downloads. */
	host?: 'api' | 'files';
	/** For 'slow': the delay, default 2000 ms. */
	slowMs?: number;
	/** For 429: the `Retry-After` seconds, or the header's text as is (an HTTP date); without it, no header. */
	retryAfter?: number | string;
	/** Status of 'malformed-json' (default 200), 'html' (default 502) and 'empty' (default 200). */
	status?: number;
}

interface ActiveFault {
	spec: FaultSpec;
	remaining: number;
	draw?: () => number;
}

const KINDS = new Set(['500', '502', '503', '504', '429', 'reset', 'slow', 'malformed-json', 'html', 'empty']);

/**
 * Faults waiting to happen. They act in front of the API, like a gateway: a faulted call is
 * not authenticated, not counted against the limits and changes nothing ('slow' excepted,
 * which delays the real call).
 */
export class Faults {
	private active: ActiveFault[] = [];

	constructor(private readonly seed: number) {}

	add(specs: FaultSpec | readonly FaultSpec[]): void {
		for (const spec of Array.isArray(specs) ? specs : [specs as FaultSpec]) {
			if (!KINDS.has(String(spec.kind))) throw new Error(`Unknown fault kind ${spec.kind}`);
			if (spec.rate !== undefined && !(spec.rate >= 0 && spec.rate <= 1)) throw new Error('rate must be between 0 and 1');
			if (spec.times !== undefined && !(Number.isInteger(spec.times) && spec.times > 0)) throw new Error('times must be a positive integer');
			this.active.push({
				spec,
				remaining: spec.times ?? (spec.rate === undefined ? 1 : Infinity),
				// Seeded per spec, not per position in the queue: the same spec repeats the same pattern.
				draw: spec.rate === undefined ? undefined : rng(hash(spec.seed ?? this.seed)),
			});
		}
	}

	clear(): void {
		this.active = [];
	}

	/** The fault for this call, if one applies; it is used up. */
	take(host: 'api' | 'files', path: string): FaultSpec | undefined {
		for (const fault of this.active) {
			const { spec } = fault;
			if ((spec.host ?? 'api') !== host || !path.startsWith(spec.path ?? '')) continue;
			if (fault.draw && fault.draw() >= (spec.rate as number)) continue;
			if (--fault.remaining === 0) this.active.splice(this.active.indexOf(fault), 1);
			return spec;
		}
		return undefined;
	}
}

/** Answers a call with its fault ('slow' is not answered here); returns the status sent, 0 for a reset. */
export function answerWithFault(spec: FaultSpec, req: IncomingMessage, res: ServerResponse): number {
	const kind = String(spec.kind);
	if (kind === 'reset') {
		req.socket.destroy();
		return 0;
	}
	const json = 'application/json; charset=utf-8';
	if (kind === 'malformed-json') {
		send(res, spec.status ?? 200, '{"error": "sandbox fault", "items": [{"id": 1, "na', json);
		return spec.status ?? 200;
	}
	if (kind === 'html') {
		const status = spec.status ?? 502;
		send(res, status, `<!DOCTYPE html><html><head><title>${status} Error</title></head><body><h1>${status} Error</h1><p>The server could not handle the request.</p></body></html>`, 'text/html; charset=utf-8');
		return status;
	}
	if (kind === 'empty') {
		send(res, spec.status ?? 200, '', json);
		return spec.status ?? 200;
	}
	const status = Number(kind);
	const headers: Record<string, string> = spec.retryAfter === undefined ? {} : { 'Retry-After': String(spec.retryAfter) };
	const body = status === 429
		? { error: 'rate_limited', message: 'Too many requests (injected fault)' }
		: { error: 'server_error', message: `Injected fault ${status}` };
	send(res, status, JSON.stringify(body), json, headers);
	return status;
}
