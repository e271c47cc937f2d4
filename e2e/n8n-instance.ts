import fs from 'node:fs';
import path from 'node:path';
import type { N8nInstall } from './install-n8n';
import { freePort, start, stop, waitFor, type Started } from './processes';

/** Fixed so that the credentials imported into a user folder stay readable across restarts. */
const ENCRYPTION_KEY = 'leadsopedia-e2e-not-a-secret';

/**
 * One private n8n: its own user folder and database, listening on loopback only. CLI
 * commands (import, execute) run only while the server is stopped: they share its
 * SQLite database.
 */
export class N8nInstance {
	private server: Started | undefined;
	private runs = 0;
	readonly baseUrl: string;

	constructor(
		private readonly install: N8nInstall,
		readonly userFolder: string,
		readonly port: number,
		/** One log file per process started, numbered in order. */
		readonly logDir: string,
	) {
		this.baseUrl = `http://127.0.0.1:${port}`;
		fs.mkdirSync(logDir, { recursive: true });
	}

	private logFile(command: string): string {
		return path.join(this.logDir, `${String(++this.runs).padStart(2, '0')}-${command.replace(/\W+/g, '-')}.log`);
	}

	private env(brokerPort: number): NodeJS.ProcessEnv {
		const inherited = Object.fromEntries(
			// npm_* from an enclosing `npm run`, and NODE_OPTIONS from tsx, are not n8n's business.
			Object.entries(process.env).filter(([name]) => !name.startsWith('npm_') && name !== 'NODE_OPTIONS'),
		);
		return {
			...inherited,
			PATH: `${path.dirname(this.install.node)}:${process.env.PATH ?? ''}`,
			N8N_USER_FOLDER: this.userFolder,
			DB_TYPE: 'sqlite',
			N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PORT: String(this.port),
			N8N_PROTOCOL: 'http',
			WEBHOOK_URL: `${this.baseUrl}/`,
			N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
			N8N_RUNNERS_BROKER_PORT: String(brokerPort),
			N8N_SECURE_COOKIE: 'false',
			GENERIC_TIMEZONE: 'UTC',
			// `n8n execute` prints its result JSON at info level.
			N8N_LOG_LEVEL: 'info',
			...this.install.env,
		};
	}

	/** Runs one n8n CLI command to completion; answers its output, or rejects with its tail. */
	async cli(args: string[], timeoutMs = 120_000): Promise<string> {
		if (this.server) throw new Error(`n8n ${args[0]} while the server runs would share its database`);
		const logFile = this.logFile(args[0]);
		const run = start(this.install.node, [this.install.n8nBin, ...args], { env: this.env(await freePort()), logFile });
		const timer = setTimeout(() => void stop(run), timeoutMs);
		const code = await run.exited;
		clearTimeout(timer);
		await stop(run); // its task runner, should one outlive it
		const output = fs.readFileSync(logFile, 'utf8');
		if (code !== 0) throw new Error(`n8n ${args.join(' ')} failed (${code}); see ${logFile}\n${output.slice(-3000)}`);
		return output;
	}

	/** Starts `n8n start` and waits until it reports ready. */
	async start(timeoutMs = 120_000): Promise<void> {
		if (this.server) return;
		const logFile = this.logFile('start');
		const server = start(this.install.node, [this.install.n8nBin, 'start'], { env: this.env(await freePort()), logFile });
		this.server = server;
		let exited: number | string | undefined;
		void server.exited.then((code) => (exited = code));
		try {
			const outcome = await waitFor(`n8n on ${this.baseUrl} to be ready (log: ${logFile})`, timeoutMs, async () => {
				if (exited !== undefined) return 'exited';
				// Not /healthz/readiness: n8n 1.x answers it before its REST routes exist. Nor any
				// 200: while it starts, n8n answers every path with an HTML page, then with 404s,
				// and its REST API's JSON comes seconds later (1.123, 2.40 and 2.41 alike).
				const response = await fetch(`${this.baseUrl}/rest/settings`);
				const json = response.headers.get('content-type')?.startsWith('application/json');
				return response.ok && json ? 'ready' : undefined;
			}, 500);
			if (outcome === 'exited') throw new Error(`n8n exited (${exited}) before it was ready; see ${logFile}`);
		} catch (error) {
			await this.stop();
			throw error;
		}
	}

	async stop(): Promise<void> {
		if (!this.server) return;
		await stop(this.server);
		this.server = undefined;
	}
}
