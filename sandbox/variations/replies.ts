import type { Reply } from '../http';
import { toSecond } from './contacts-order';
import { QUOTA_BODIES, RATE_LIMITED_BODIES, type Body, type Variation } from './variation';

/** A reply as the listener sends it: JSON by default, else its body as text of `contentType`. */
export type SentReply = Reply & { contentType?: string };

const JSON_TYPE = 'application/json; charset=utf-8';

/** Every `id` as a number or a digit string, and every contact's date_added to the second. */
function rewrite(value: unknown, ids: Variation['ids']): unknown {
	if (Array.isArray(value)) return value.map((element) => rewrite(element, ids));
	if (typeof value !== 'object' || value === null) return value;
	return Object.fromEntries(
		Object.entries(value).map(([name, field]) => {
			if (name === 'id' && typeof field === 'number' && ids === 'string') return [name, String(field)];
			if (name === 'date_added' && typeof field === 'string' && 'email' in value) return [name, toSecond(field)];
			return [name, rewrite(field, ids)];
		}),
	);
}

const withBody = (reply: SentReply, body: Body): SentReply =>
	typeof body === 'string' ? { ...reply, body, contentType: 'text/plain; charset=utf-8' } : { ...reply, body };

/** An HTTP date `seconds` from now: a wait rounded up to a whole second, or for 0 this very second. */
export const httpDate = (now: number, seconds: number) =>
	new Date((seconds > 0 ? Math.ceil((now + seconds * 1000) / 1000) : Math.floor(now / 1000)) * 1000).toUTCString();

function retryAfter(form: 'seconds' | 'date' | 'absent', seconds: number, now: number): Record<string, string> {
	if (form === 'absent') return {};
	return { 'Retry-After': form === 'seconds' ? String(seconds) : httpDate(now, seconds) };
}

/** A 429 in this API's words and Retry-After form: for a spent quota or for calls too close together. */
export function tooManyCalls(variation: Variation, kind: 'quota' | 'rate', seconds: number, now: number): SentReply {
	const reply = { status: 429, body: '' };
	if (kind === 'quota') {
		return withBody({ ...reply, headers: retryAfter(variation.quota.retryAfter, seconds, now) }, QUOTA_BODIES[variation.quota.words]);
	}
	return withBody({ ...reply, headers: retryAfter(variation.rateLimited.retryAfter, seconds, now) }, RATE_LIMITED_BODIES[variation.rateLimited.words]);
}

const CREATED_BODIES = ['full', 'empty', 'empty-object', 'message'] as const;

/** A 201 as this API answers it: body form and Location form. */
function created(variation: Variation, reply: SentReply, random: () => number): SentReply {
	const form = variation.created.body === 'per-request' ? CREATED_BODIES[Math.floor(random() * CREATED_BODIES.length)] : variation.created.body;
	const location = reply.headers?.Location ?? '';
	const headers = { ...reply.headers, Location: variation.created.location === 'relative' ? location.replace(/^https?:\/\/[^/]+/, '') : location };
	if (form === 'empty') return { ...reply, headers, body: '', contentType: JSON_TYPE };
	if (form === 'empty-object') return { ...reply, headers, body: {} };
	if (form === 'message') return { ...reply, headers, body: { message: 'Created' } };
	return { ...reply, headers };
}

/** An error that quotes the key it came with, as a careless API might. */
function echoKey(reply: SentReply, key: string): SentReply {
	const body = reply.body as { message?: string };
	return { ...reply, body: { ...body, message: `${body.message ?? 'Error'} (API key ${key})` } };
}

/** The API's reply reshaped by the variation: ids, dates, 201s, 429s and errors. `key` is the request's X-Api-Key. */
export function reshapeReply(variation: Variation, reply: SentReply, now: number, random: () => number, key: string | undefined): SentReply {
	if (reply.contentType) return reply;
	if (reply.status >= 400 && reply.status !== 429 && variation.errors === 'echo-key' && key) return echoKey(reply, key);
	if (reply.status === 429) {
		const code = (reply.body as { error?: string }).error;
		const seconds = Number(reply.headers?.['Retry-After'] ?? 0);
		return tooManyCalls(variation, code === 'quota_exceeded' ? 'quota' : 'rate', seconds, now);
	}
	const rewritten = { ...reply, body: rewrite(reply.body, variation.ids) };
	return reply.status === 201 ? created(variation, rewritten, random) : rewritten;
}
