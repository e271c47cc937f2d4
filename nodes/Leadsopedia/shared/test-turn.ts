import { sleep } from 'n8n-workflow';
import { inTurn, keyFingerprint, type TurnWaits } from './pacing';

/** The longest the Test button waits for the key's turn: a user is looking at the dialog. */
export const TEST_TURN_WAIT_MS = 15_000;

/** The Test button left the key's lane without a call; `message` says why. */
export class TurnNotTaken extends Error {}

const inSeconds = (ms: number) => `${Math.ceil(ms / 1000)} s`;

function notTaken(waitMs?: number): TurnNotTaken {
	const when = waitMs === undefined ? 'did not come' : `comes in ${inSeconds(waitMs)}`;
	return new TurnNotTaken(
		`The key was not tested: a workflow is using it, and its next turn in the key's lane ${when} (more than ${inSeconds(TEST_TURN_WAIT_MS)}). A call now would meet the API's limit and could cost the workflow a 429. Test again when the workflow is done.`,
	);
}

/** Waits for the key's turn until a deadline: a wait known to end later gives up at once. */
class TurnDeadline implements TurnWaits {
	private readonly pressedAt = Date.now();
	private readonly endsAt = this.pressedAt + TEST_TURN_WAIT_MS;

	check(): void {}

	async pause(ms: number): Promise<void> {
		if (ms <= 0) return;
		// Counted from the press: a wait behind other calls adds to this one.
		if (Date.now() + ms > this.endsAt) throw notTaken(Date.now() + ms - this.pressedAt);
		await sleep(ms);
	}

	async until<T>(promise: Promise<T>): Promise<T> {
		const timer = new AbortController();
		const expired = sleep(this.endsAt - Date.now(), timer.signal).then(
			() => {
				throw notTaken();
			},
			() => undefined as never,
		);
		try {
			return await Promise.race([promise, expired]);
		} finally {
			// Clears the timer (n8n-workflow 2.x; 1.x's runs out unobserved).
			timer.abort();
		}
	}
}

/**
 * Runs the Test button's one call in the key's lane, as every call of the key in this n8n
 * process does, so that it neither gets a 429 for a good key nor costs a running workflow
 * one. Throws TurnNotTaken when the turn would come later than TEST_TURN_WAIT_MS.
 */
export async function inTestTurn<T>(apiKey: string, intervalMs: number, send: () => Promise<T>): Promise<T> {
	return await inTurn(keyFingerprint(apiKey), intervalMs, send, new TurnDeadline());
}
