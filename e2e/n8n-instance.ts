import fs from 'node:fs';
import path from 'node:path';
import type { N8nInstall } from './install-n8n';
import { readyForSignIn } from './n8n-ready';
import { freePort, start, stop, waitFor, type Started } from './processes';

/** Fixed so that the credentials imported into a user folder stay readable across restarts. */
const ENCRYPTION_KEY = 'leadsopedia-e2e-not-a-secret';

export interface InstanceOptions {
	/** Settings over the defaults below, e.g. queue mode's database and Redis. */
	env?: Record<string, string>;
	/** A queue-mode worker (`n8n worker`): `port` is then its health server's. */
	worker?: boolean;
}

/**
 * One private n8n: its own user folder and database, listening on loopback only. CLI
 * commands (import, execute) run only while the server is stopped: they share its
 * SQLite database.
 */
export class N8nInstance {
	private server: Started | undefined;
	private runs = 0;
	readonly baseUrl: string;
	/** The log of the server (or worker) process last started. */
	serverLog = '';

	constructor(
		private readonly install: N8nInstall,
		readonly userFolder: string,
		readonly port: number,
		/** One log file per process started, numbered in order. */
		readonly logDir: string,
		private readonly options: InstanceOptions = {},
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
			...(this.options.worker ? { QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(this.port) } : {}),
			...this.options.env,
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

	/** Starts `n8n start` (or `n8n worker`) and waits until it takes a sign-in (a worker: until it reports ready). */
	async start(timeoutMs = 120_000): Promise<void> {
		if (this.server) return;
		const command = this.options.worker ? 'worker' : 'start';
		const logFile = this.logFile(command);
		const server = start(this.install.node, [this.install.n8nBin, command], { env: this.env(await freePort()), logFile });
		this.server = server;
		this.serverLog = logFile;
		let exited: number | string | undefined;
		void server.exited.then((code) => (exited = code));
		try {
			const outcome = await waitFor(`n8n on ${this.baseUrl} to be ready (log: ${logFile})`, timeoutMs, async () => {
				if (exited !== undefined) return 'exited';
				if (this.options.worker) return (await fetch(`${this.baseUrl}/healthz/readiness`)).ok ? 'ready' : undefined;
				return (await readyForSignIn(this.baseUrl)) ? 'ready' : undefined;
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
