import type { ServerResponse } from 'node:http';

/** What the listener gives a delivery: a delay it cancels when it stops, and where to say how it ended. */
export interface Delivery {
	later: (ms: number, step: () => void) => void;
	/** The status sent, once the body is all out; 0 when the client left before. */
	done: (status: number) => void;
}

/** A reply ready to send: its status, body text, Content-Type and other headers. */
export interface Outgoing {
	status: number;
	body: string;
	contentType: string;
	headers: Record<string, string>;
}

/**
 * Sends `bytes` in `pieces` pieces `gapMs` apart, after headers already written; tells
 * `done` whether the client stayed to the end.
 */
export function sendInPieces(res: ServerResponse, bytes: Buffer, pieces: number, gapMs: number, status: number, delivery: Delivery): void {
	const count = Math.max(1, Math.min(pieces, bytes.length));
	const boundary = (index: number) => Math.floor((index * bytes.length) / count);
	const sendPiece = (index: number) => {
		if (res.destroyed) return delivery.done(0);
		const piece = bytes.subarray(boundary(index), boundary(index + 1));
		if (index + 1 >= count) {
			res.end(piece);
			return delivery.done(status);
		}
		res.write(piece);
		delivery.later(gapMs, () => sendPiece(index + 1));
	};
	sendPiece(0);
}
