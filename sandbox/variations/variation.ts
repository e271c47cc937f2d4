import { hash, pick, rng } from '../random';

/**
 * One API among those CONTRACT.md allows: every point the contract leaves open (see
 * sandbox/VARIATIONS.md), decided. A seed draws one; the same seed draws the same one.
 */
export interface Variation {
	seed: number;
	/** GET /contacts: oldest first or newest first. */
	order: 'asc' | 'desc';
	/**
	 * Contacts added within the same second (date_added is then given to the second): in the
	 * order's direction by id, against it, or shuffled anew on every request.
	 */
	ties: 'with-order' | 'against-order' | 'shuffled';
	paging: {
		/** Items a page holds: the asked `limit`, at most `cap`, or always `cap` whatever was asked. */
		size: 'asked' | 'capped' | 'fixed';
		cap: number;
		/** The envelope's `limit`: the size served, the size asked (echoed), or null. */
		limitField: 'served' | 'asked' | 'null';
		/** The envelope's `pagesCount`: at the size served, or null. */
		pagesCount: 'stated' | 'null';
		/** The envelope names the collection's size `total` or `count`. */
		countField: 'total' | 'count';
	};
	/** Every `id` written as a JSON number or as a string of digits. */
	ids: 'number' | 'string';
	created: {
		/** A 201's body: the created item, nothing, `{}`, a message, or one of those drawn per request. */
		body: 'full' | 'empty' | 'empty-object' | 'message' | 'per-request';
		/** The 201's Location: absolute, or relative to the host ('/v1/mylists/7'). */
		location: 'absolute' | 'relative';
	};
	rateLimited: {
		/** A rate 429's Retry-After: seconds, an HTTP date, or no header. */
		retryAfter: 'seconds' | 'date' | 'absent';
		/** Which of RATE_LIMITED_BODIES answers a rate 429. */
		words: number;
		/** The fraction of calls refused with a rate 429 as if another client of the key had just called (Retry-After 0; one request once at most). */
		busyRate: number;
	};
	quota: {
		/** A spent quota's Retry-After (it reaches the start of next month): seconds or an HTTP date. */
		retryAfter: 'seconds' | 'date';
		/** Which of QUOTA_BODIES answers a spent quota. */
		words: number;
	};
	/** Error messages as they are, or quoting the key the call carried (error bodies are not specified). */
	errors: 'plain' | 'echo-key';
	/**
	 * Where the file host's redirect leads: the same file on the same host, or the cloud
	 * metadata address 169.254.169.254 (a file host that is misconfigured or hostile).
	 */
	fileRedirectTo: 'same-host' | 'link-local';
	/**
	 * How the API sends a successful answer: `whole`, or trickling in 16 pieces 250 ms apart
	 * (4 s, each gap shorter than any idle timeout).
	 */
	answers: 'whole' | 'trickle';
	/**
	 * How the file host delivers: as is, slowly in pieces, without Content-Length (chunked),
	 * gzip-compressed, or after a same-host redirect.
	 */
	files: 'plain' | 'slow' | 'no-length' | 'gzip' | 'redirect';
}

/** A body of a 429 for calls too close together: text, or a JSON object, or nothing. */
export type Body = string | Record<string, unknown>;

/** Ways an API may word "too many calls, try again shortly". One says "quota" (issue 19 point 7). */
export const RATE_LIMITED_BODIES: readonly Body[] = [
	{ error: 'rate_limited', message: 'At most one call every 10 seconds per key' },
	{ error: 'too_many_requests', message: 'per-key quota: one call every 10 seconds' },
	'Too Many Requests',
	{ message: 'Slow down: wait before calling again' },
	'',
];

/** Ways an API may say the monthly quota is spent; every one says it is monthly. */
export const QUOTA_BODIES: readonly Body[] = [
	{ error: 'quota_exceeded', message: 'Monthly quota of 15000 calls is spent' },
	{ error: 'monthly_limit', message: 'You have used all calls of this month; calls resume next month' },
	'Monthly call quota exhausted',
];

/** Some choices of a variation, fixed; nested ones may be given in part. */
export type VariationOverrides = { [K in Exclude<keyof Variation, 'seed'>]?: Variation[K] extends object ? Partial<Variation[K]> : Variation[K] };

/** Draws a variation from a seed; `overrides` fix some of its choices (for tests of one choice). */
export function drawVariation(seed: number, overrides: VariationOverrides = {}): Variation {
	const random = rng(hash(seed, 0x76617279));
	const drawn: Variation = {
		seed,
		order: pick(random, ['asc', 'desc'] as const),
		ties: pick(random, ['with-order', 'against-order', 'shuffled'] as const),
		paging: {
			size: pick(random, ['asked', 'capped', 'fixed'] as const),
			cap: 2 + Math.floor(random() * 19),
			limitField: pick(random, ['served', 'asked', 'null'] as const),
			pagesCount: pick(random, ['stated', 'null'] as const),
			countField: pick(random, ['total', 'count'] as const),
		},
		ids: pick(random, ['number', 'string'] as const),
		created: {
			body: pick(random, ['full', 'empty', 'empty-object', 'message', 'per-request'] as const),
			location: pick(random, ['absolute', 'relative'] as const),
		},
		rateLimited: {
			retryAfter: pick(random, ['seconds', 'date', 'absent'] as const),
			words: Math.floor(random() * RATE_LIMITED_BODIES.length),
			busyRate: pick(random, [0, 0, 0.1, 0.3]),
		},
		quota: {
			retryAfter: pick(random, ['seconds', 'date'] as const),
			words: Math.floor(random() * QUOTA_BODIES.length),
		},
		files: pick(random, ['plain', 'slow', 'no-length', 'gzip', 'redirect'] as const),
		errors: pick(random, ['plain', 'echo-key'] as const),
		fileRedirectTo: pick(random, ['same-host', 'link-local'] as const),
		answers: pick(random, ['whole', 'whole', 'whole', 'trickle'] as const),
	};
	const merged = { ...drawn } as Record<string, unknown>;
	for (const [name, value] of Object.entries(overrides)) {
		const own = merged[name];
		merged[name] = typeof value === 'object' && typeof own === 'object' ? { ...own, ...value } : value;
	}
	return merged as unknown as Variation;
}
