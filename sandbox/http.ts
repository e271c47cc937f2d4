import type { IncomingMessage, ServerResponse } from 'node:http';

/** An answer that is not a success. The server turns it into a JSON `{error, message}` body. */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
		readonly headers: Record<string, string> = {},
	) {
		super(message);
	}
}

export const badRequest = (message: string) => new ApiError(400, 'bad_request', message);
export const notFound = (message: string) => new ApiError(404, 'not_found', message);
export const forbidden = (message: string) => new ApiError(403, 'forbidden', message);

/** What a route answers: a status, a JSON body, maybe headers (Location). */
export interface Reply {
	status: number;
	body: unknown;
	headers?: Record<string, string>;
}

export function send(res: ServerResponse, status: number, body: string, contentType: string, headers: Record<string, string> = {}): void {
	res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body), ...headers });
	res.end(body);
}

export const errorReply = (error: ApiError): Reply => ({
	status: error.status,
	body: { error: error.code, message: error.message },
	headers: error.headers,
});

const MAX_BODY = 1_000_000;

/** The whole request body as text; too large a body is a 400 (the reply waits until it is all read). */
export async function readBody(req: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req as AsyncIterable<Buffer>) {
		size += chunk.length;
		if (size <= MAX_BODY) chunks.push(chunk);
	}
	if (size > MAX_BODY) throw badRequest(`Request body is larger than ${MAX_BODY} bytes`);
	return Buffer.concat(chunks).toString('utf8');
}
