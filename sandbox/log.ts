import { performance } from 'node:perf_hooks';

/** One call as the sandbox saw it. It never holds an API key. */
export interface RequestLogEntry {
	method: string;
	/** The URL path as requested, e.g. '/v1/contacts/3' or '/files/1/leads.csv'. */
	path: string;
	query: Record<string, string>;
	/** The status answered; 0 while unanswered or when the connection was reset. */
	status: number;
	/** performance.timeOrigin + performance.now() at arrival: epoch ms with sub-ms precision. */
	startedAt: number;
	/** Milliseconds from arrival until the answer was handed to the socket (unset until then). */
	durationMs?: number;
	/** Whether the call carried an X-Api-Key header (any value). */
	keyPresent: boolean;
	/** The account whose key it carried, if the key is valid. */
	account?: string;
	/** Which listener took it. */
	host: 'api' | 'files';
	/** The injected fault that answered it, if any. */
	fault?: string;
	/** The request body, if any (keys redacted): tells apart calls that differ only there. */
	body?: string;
}

/** The request log. Any known key found in a path or query value is replaced by '[api-key]'. */
export class RequestLog {
	private entries: RequestLogEntry[] = [];
	private readonly listeners = new Set<(entry: RequestLogEntry) => void>();

	constructor(private readonly keys: () => readonly string[]) {}

	/** Records a call on arrival (so the log is in arrival order); `finish` completes it. */
	start(method: string, url: URL, host: 'api' | 'files', keyPresent: boolean): RequestLogEntry {
		const query: Record<string, string> = {};
		for (const [name, value] of url.searchParams) query[this.redact(name)] = this.redact(value);
		const entry: RequestLogEntry = {
			method,
			path: this.redact(url.pathname),
			query,
			status: 0,
			startedAt: performance.timeOrigin + performance.now(),
			keyPresent,
			host,
		};
		this.entries.push(entry);
		return entry;
	}

	recordBody(entry: RequestLogEntry, body: string): void {
		if (body) entry.body = this.redact(body);
	}

	/** Records the status answered and how long the answer took. */
	finish(entry: RequestLogEntry, status: number): void {
		entry.status = status;
		entry.durationMs = performance.timeOrigin + performance.now() - entry.startedAt;
		for (const listener of this.listeners) listener({ ...entry, query: { ...entry.query } });
	}

	/** Calls `listener` with each call as soon as it is answered; returns the way to stop. */
	onAnswered(listener: (entry: RequestLogEntry) => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	list(): RequestLogEntry[] {
		return this.entries.map((entry) => ({ ...entry, query: { ...entry.query } }));
	}

	clear(): void {
		this.entries = [];
	}

	private redact(text: string): string {
		return this.keys().reduce((result, key) => result.split(key).join('[api-key]'), text);
	}
}
