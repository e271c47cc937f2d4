import { badRequest } from './http';
import { CONTACT_FIELDS, type ContactFields } from './types';

/** Input checks shared by the routes. Each failure is a 400 naming what is wrong. */

/** A positive integer, from a path segment, a query value or a JSON body (number or digit string). */
export function parseId(raw: unknown, name: string): number {
	const text = typeof raw === 'number' ? String(raw) : raw;
	if (typeof text !== 'string' || !/^[1-9]\d{0,14}$/.test(text)) {
		throw badRequest(`${name} must be a positive integer, got ${JSON.stringify(raw ?? null)}`);
	}
	return Number(text);
}

const EMAIL = /^[^\s@"<>,;]+@[^\s@"<>,;]+\.[^\s@"<>,;.]+$/;

export function parseEmail(raw: unknown, name = 'email'): string {
	if (typeof raw !== 'string' || raw.length > 254 || !EMAIL.test(raw)) {
		throw badRequest(`${name} must be an email address, got ${JSON.stringify(raw ?? null)}`);
	}
	return raw;
}

/** Unknown query parameters are an error, so a client that sends the wrong form hears about it. */
export function allowQuery(query: URLSearchParams, allowed: readonly string[]): void {
	for (const name of new Set(query.keys())) {
		if (!allowed.includes(name)) throw badRequest(`Unknown query parameter "${name}"`);
		if (query.getAll(name).length > 1) throw badRequest(`Query parameter "${name}" is given more than once`);
	}
}

export const MAX_LIMIT = 1000;
export const PAGING = ['page', 'limit'] as const;

export function parsePaging(query: URLSearchParams): { page: number; limit: number } {
	const page = query.get('page');
	const limit = query.get('limit');
	const parsed = { page: page === null ? 1 : parseId(page, 'page'), limit: limit === null ? 100 : parseId(limit, 'limit') };
	if (parsed.limit > MAX_LIMIT) throw badRequest(`limit must be at most ${MAX_LIMIT}, got ${parsed.limit}`);
	return parsed;
}

/** A JSON object body with only the given fields. */
export function parseBody(raw: string, contentType: string | undefined, allowed: readonly string[]): Record<string, unknown> {
	if (!/^application\/json\b/i.test(contentType ?? '')) throw badRequest('Content-Type must be application/json');
	let body: unknown;
	try {
		body = JSON.parse(raw);
	} catch {
		throw badRequest('Body is not valid JSON');
	}
	if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('Body must be a JSON object');
	const unknown = Object.keys(body).filter((field) => !allowed.includes(field));
	if (unknown.length) throw badRequest(`Unknown field(s) in body: ${unknown.join(', ')}`);
	return body as Record<string, unknown>;
}

/** An optional text field: string or null. */
export function parseText(raw: unknown, name: string, max = 255): string | null {
	if (raw === null) return null;
	if (typeof raw !== 'string' || raw.length > max) throw badRequest(`${name} must be a string of at most ${max} characters`);
	return raw;
}

/** The contact fields of a body, each checked. */
export function parseContactFields(body: Record<string, unknown>): Partial<ContactFields> {
	const fields: Partial<ContactFields> = {};
	for (const name of CONTACT_FIELDS) {
		const value = body[name];
		if (value === undefined) continue;
		if (name === 'email') fields.email = parseEmail(value);
		else if (name === 'country') {
			if (value !== null && typeof value !== 'string' && !Number.isInteger(value)) throw badRequest('country must be a string or an integer');
			fields.country = value as string | number | null;
		} else fields[name] = parseText(value, name);
	}
	return fields;
}
