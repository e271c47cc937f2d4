import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Account } from './data';
import { answerWithFault } from './faults';
import { ApiError, errorReply, readBody, send, type Reply } from './http';
import type { SandboxState } from './state';

/** What a listener answers with: a JSON reply by default, or a body of another type (the CSV files). */
export type Answer = (req: IncomingMessage, url: URL, rawBody: string, account: Account | undefined) => Reply & { contentType?: string };

/** One listener on 127.0.0.1: logs each call, applies injected faults, then answers. */
export class Listener {
	private readonly server: Server;
	private readonly timers = new Set<NodeJS.Timeout>();

	constructor(
		private readonly host: 'api' | 'files',
		private readonly state: SandboxState,
		private readonly answer: Answer,
	) {
		this.server = createServer((req, res) => void this.serve(req, res));
	}

	/** Starts listening on loopback only; resolves to the port (a free one for 0). */
	listen(port: number): Promise<number> {
		return new Promise((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(port, '127.0.0.1', () => resolve((this.server.address() as AddressInfo).port));
		});
	}

	/** Stops at once: pending slow answers are dropped and open connections closed. */
	stop(): Promise<void> {
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		return new Promise((resolve) => {
			this.server.close(() => resolve());
			this.server.closeAllConnections();
		});
	}

	private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const key = req.headers['x-api-key'];
		const entry = this.state.log.start(req.method ?? '', url, this.host, key !== undefined);
		const account = typeof key === 'string' ? this.state.db.accountByKey(key) : undefined;
		if (account) entry.account = account.name;
		let reply: Reply & { contentType?: string };
		try {
			const rawBody = await readBody(req);
			this.state.log.recordBody(entry, rawBody);
			const fault = this.state.faults.take(this.host, url.pathname);
			if (fault) entry.fault = String(fault.kind);
			if (fault && fault.kind !== 'slow') {
				this.state.log.finish(entry, answerWithFault(fault, req, res));
				return;
			}
			if (fault) await this.delay(fault.slowMs ?? 2000);
			const variations = this.state.variations;
			reply = variations?.before(this.host, req, url, rawBody) ?? this.answer(req, url, rawBody, account);
		} catch (error) {
			if (!(error instanceof ApiError)) console.error('sandbox: unexpected error', error);
			reply = errorReply(error instanceof ApiError ? error : new ApiError(500, 'server_error', 'Unexpected sandbox error'));
		}
		if (this.state.variations) reply = this.state.variations.after(this.host, req, reply);
		const body = reply.contentType ? String(reply.body) : JSON.stringify(reply.body);
		const contentType = reply.contentType ?? 'application/json; charset=utf-8';
		// A delivery in pieces says when it is done (or cut off); the log records that.
		const delivery = { later: (ms: number, step: () => void) => void this.delay(ms).then(step), done: (status: number) => this.state.log.finish(entry, status) };
		if (!this.state.variations?.deliver(this.host, res, { status: reply.status, body, contentType, headers: reply.headers ?? {} }, delivery)) {
			send(res, reply.status, body, contentType, reply.headers);
			this.state.log.finish(entry, reply.status);
		}
	}

	private delay(ms: number): Promise<void> {
		return new Promise((resolve) => {
			const timer = setTimeout(() => {
				this.timers.delete(timer);
				resolve();
			}, ms);
			this.timers.add(timer);
		});
	}
}
