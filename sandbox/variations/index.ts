import type { IncomingMessage, ServerResponse } from 'node:http';
import { hash, rng } from '../random';
import type { Contact } from '../types';
import { orderContacts } from './contacts-order';
import { deliverFile, fileRedirect } from './files';
import type { Delivery, Outgoing } from './pieces';
import { trickle } from './trickle';
import { reshapeEnvelope, servedLimit } from './paging';
import { reshapeReply, tooManyCalls, type SentReply } from './replies';
import type { Variation } from './variation';

export { METADATA_URL } from './files';
export { drawVariation, QUOTA_BODIES, RATE_LIMITED_BODIES, type Variation, type VariationOverrides } from './variation';

/**
 * The variations mode of a running sandbox: the hooks through which one drawn Variation
 * shapes its answers. Per-request choices (tie shuffles, busy 429s, per-request 201 bodies)
 * come from a generator seeded by the variation's seed and the request's number, so a run
 * with the same calls repeats.
 */
export class Variations {
	private requests = 0;
	/** Requests (method, URL, body) refused as busy once: never again, so any client that retries gets through. */
	private readonly refused = new Set<string>();

	constructor(
		readonly variation: Variation,
		private readonly now: () => number,
	) {}

	/** A fresh draw for one request's choices. */
	private random(): () => number {
		return rng(hash(this.variation.seed, ++this.requests));
	}

	/**
	 * An answer before the real one: a 429 as if another client of the key had just called
	 * (Retry-After 0; the same request at most once, so any client that retries gets
	 * through), or the file host's redirect. Undefined lets the call through.
	 */
	before(host: 'api' | 'files', req: IncomingMessage, url: URL, rawBody: string): SentReply | undefined {
		if (host === 'files') return fileRedirect(this.variation, req, url);
		const { busyRate } = this.variation.rateLimited;
		const request = `${req.method} ${url.pathname}${url.search} ${rawBody}`;
		if (busyRate === 0 || this.refused.has(request) || this.random()() >= busyRate) return undefined;
		this.refused.add(request);
		return tooManyCalls(this.variation, 'rate', 0, this.now());
	}

	/** The API's reply to `req` as this variation words it. */
	after(host: 'api' | 'files', req: IncomingMessage, reply: SentReply): SentReply {
		const key = req.headers['x-api-key'];
		return host === 'api' ? reshapeReply(this.variation, reply, this.now(), this.random(), typeof key === 'string' ? key : undefined) : reply;
	}

	/** One page of GET /contacts, from all the list's contacts. */
	contactPage(contacts: readonly Contact[], offset: number, count: number): Contact[] {
		return orderContacts(contacts, this.variation, this.random()).slice(offset, offset + count);
	}

	servedLimit(asked: number): number {
		return servedLimit(this.variation.paging, asked);
	}

	envelope(body: Record<string, unknown>, asked: number): Record<string, unknown> {
		return reshapeEnvelope(this.variation.paging, body, asked);
	}

	/** Sends a file, or a trickling API answer, the variation's way; false leaves it to the listener. */
	deliver(host: 'api' | 'files', res: ServerResponse, reply: Outgoing, delivery: Delivery): boolean {
		return host === 'files' ? deliverFile(this.variation, res, reply, delivery) : trickle(this.variation, res, reply, delivery);
	}
}
