import { addressKind } from './addresses';

/**
 * Where Download File follows the file host's redirects: export links often lead through
 * one or two (a CDN, a signed URL), but a redirect must not turn a file request into a
 * request to this machine, the local network or a cloud metadata service
 * (169.254.169.254), nor from https down to plain http.
 */
export const MAX_FILE_REDIRECTS = 5;

export const REDIRECT_POLICY = `Redirects are followed at most ${MAX_FILE_REDIRECTS} times, only to https, and never to a loopback, private or link-local address (except from an export link on this machine, such as the sandbox's, to this machine).`;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export const isRedirect = (status: number) => REDIRECT_STATUSES.has(status);

/** The redirect's target, resolved against the URL that answered; undefined when it names none. */
export function redirectTarget(location: unknown, from: URL): URL | undefined {
	const value = Array.isArray(location) ? location[0] : location;
	if (typeof value !== 'string' || !value.trim()) return undefined;
	try {
		return new URL(value, from);
	} catch {
		return undefined;
	}
}

/**
 * Why a redirect is not followed, in a few words, or undefined when it is. `link` is the
 * export link the API gave, `hop` counts this redirect from 1.
 */
export function redirectRefusal(link: URL, to: URL | undefined, hop: number): string | undefined {
	if (!to) return 'it names no valid address';
	if (hop > MAX_FILE_REDIRECTS) return `it is redirect number ${hop}`;
	const linkOnThisMachine = addressKind(link.hostname) === 'loopback';
	const kind = addressKind(to.hostname);
	if (kind === 'private') return 'that is a private, link-local or local-network address';
	if (kind === 'loopback' && !linkOnThisMachine) return 'that is this machine (a loopback address)';
	if (to.protocol === 'https:') return undefined;
	if (to.protocol === 'http:' && kind === 'loopback') return undefined;
	return 'it is not https';
}
