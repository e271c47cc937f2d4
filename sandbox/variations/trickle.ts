import type { ServerResponse } from 'node:http';
import { sendInPieces, type Delivery, type Outgoing } from './pieces';
import type { Variation } from './variation';

const PIECES = 16;
const GAP_MS = 250;

/**
 * A successful API answer trickling in: 16 pieces 250 ms apart, 4 s in all, so a client
 * with only an idle timeout waits it out; false for any other answer (the caller sends it).
 */
export function trickle(variation: Variation, res: ServerResponse, reply: Outgoing, delivery: Delivery): boolean {
	if (variation.answers !== 'trickle' || reply.status >= 300) return false;
	// Leading spaces keep JSON valid and give a short body its 16 pieces.
	const bytes = Buffer.from(reply.body.padStart(PIECES, ' '));
	res.writeHead(reply.status, { ...reply.headers, 'Content-Type': reply.contentType, 'Content-Length': bytes.length });
	sendInPieces(res, bytes, PIECES, GAP_MS, reply.status, delivery);
	return true;
}
