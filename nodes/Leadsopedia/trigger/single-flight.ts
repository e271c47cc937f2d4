/**
 * n8n's scheduler starts a poll without waiting for the previous one of the same trigger (and
 * an abandoned poll runs on in the background). Two polls reading the same saved cursor would
 * emit the same contacts, so a poll that starts while another of the same node runs in this
 * process is skipped: it returns nothing and changes nothing, and the next tick polls again.
 * Waiting instead would not do: n8n 2.x hands each poll a copy of the state taken when it starts.
 */
const running = new Set<string>();

/** Runs `poll` unless a poll of `key` is running; `skipped` otherwise. */
export async function unlessRunning<T>(key: string, poll: () => Promise<T>, skipped: T): Promise<T> {
	if (running.has(key)) return skipped;
	running.add(key);
	try {
		return await poll();
	} finally {
		running.delete(key);
	}
}
