/**
 * n8n in queue mode, as n8n's "Configuring queue mode" describes it: Redis carries the
 * executions, PostgreSQL holds the data, the main instance takes webhooks, triggers and
 * the editor, and workers (`n8n worker`) run the executions. Every process gets the same
 * encryption key (n8n-instance.ts) and keeps binary data in the database, where all of
 * them read it.
 */
import path from 'node:path';
import { prepareEnvironment, type Environment, type EnvironmentOptions } from '../environment';
import { ensureN8n, type N8nInstall } from '../install-n8n';
import { N8nInstance } from '../n8n-instance';
import { buildAndPack, installTarball } from '../package-tarball';
import { freePort } from '../processes';
import { WORKER_COUNT } from './options';
import { startPostgres, startRedis } from './services';

export interface QueueServices {
	/** Settings every n8n process of the cluster gets. */
	env: Record<string, string>;
	stop(): Promise<void>;
}

export async function startQueueServices(workDir: string): Promise<QueueServices> {
	const redis = await startRedis(workDir);
	const postgres = await startPostgres(workDir).catch(async (error: unknown) => {
		await redis.stop();
		throw error;
	});
	return {
		env: {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(postgres.port),
			DB_POSTGRESDB_DATABASE: 'postgres',
			DB_POSTGRESDB_USER: 'postgres',
			DB_POSTGRESDB_PASSWORD: '',
			N8N_DEFAULT_BINARY_DATA_MODE: 'database',
			// The editor's "Execute workflow" runs on a worker too (n8n 3 makes this the only way).
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
		},
		async stop() {
			await postgres.stop();
			await redis.stop();
		},
	};
}

/**
 * Starts the workers, each with its own user folder holding the package installed from
 * the tarball (a community package must be installed on every worker) and its own free
 * ports for its health server and task-runner broker.
 */
export async function startWorkers(install: N8nInstall, tarball: string, workDir: string, env: Record<string, string>): Promise<N8nInstance[]> {
	const workers: N8nInstance[] = [];
	try {
		for (let number = 1; number <= WORKER_COUNT; number++) {
			const folder = path.join(workDir, `worker-${number}`);
			installTarball(tarball, folder);
			const worker = new N8nInstance(install, folder, await freePort(), path.join(folder, 'logs'), { env, worker: true });
			workers.push(worker);
			await worker.start();
		}
	} catch (error) {
		for (const worker of workers) await worker.stop();
		throw error;
	}
	return workers;
}

/** prepareEnvironment's n8n as the main instance of a queue-mode cluster, its workers started. */
export async function prepareQueueEnvironment(options: EnvironmentOptions): Promise<Environment> {
	const tarball = options.tarball ?? buildAndPack(path.join(options.workDir, 'pack'));
	const services = await startQueueServices(options.workDir);
	let env: Environment | undefined;
	try {
		env = await prepareEnvironment({ ...options, tarball, n8nEnv: { ...services.env, ...options.n8nEnv } });
		options.log(`starting ${WORKER_COUNT} workers`);
		const workers = await startWorkers(ensureN8n(options.flavor), tarball, options.workDir, services.env);
		const mainClose = env.close;
		return {
			...env,
			workers,
			async close() {
				await mainClose();
				for (const worker of workers) await worker.stop();
				await services.stop();
			},
		};
	} catch (error) {
		await env?.close();
		await services.stop();
		throw error;
	}
}
