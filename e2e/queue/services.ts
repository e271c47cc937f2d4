/**
 * Redis and PostgreSQL from Debian's packages, each a private server for one run: loopback
 * only, a free port, its data folder under the run's work folder, stopped with the harness
 * (processes.ts ends every child). The system services the packages install are never used.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { freePort, start, stop, waitFor, type Started } from '../processes';

export interface Service {
	port: number;
	stop(): Promise<void>;
}

/** Debian keeps PostgreSQL's server programs off the PATH, one folder per major version. */
function postgresBin(program: string): string {
	const root = '/usr/lib/postgresql';
	const versions = (fs.existsSync(root) ? fs.readdirSync(root) : []).filter((name) => fs.existsSync(path.join(root, name, 'bin', program)));
	const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
	if (!newest) throw new Error(`PostgreSQL's ${program} not found under ${root}: apt-get install postgresql`);
	return path.join(root, newest, 'bin', program);
}

/** Sends `request` and answers true once the reply contains `expected`. */
function answers(port: number, request: string, expected: string): Promise<true | undefined> {
	return new Promise((resolve) => {
		const socket = net.connect(port, '127.0.0.1');
		let reply = '';
		const done = (value: true | undefined) => {
			socket.destroy();
			resolve(value);
		};
		socket.setTimeout(2_000, () => done(undefined));
		socket.on('connect', () => socket.write(request));
		socket.on('data', (chunk) => {
			reply += chunk.toString();
			if (reply.includes(expected)) done(true);
		});
		socket.on('error', () => done(undefined));
	});
}

async function untilReady(name: string, started: Started, ready: () => Promise<true | undefined>, logFile: string): Promise<Started> {
	let exited: number | string | undefined;
	void started.exited.then((code) => (exited = code));
	try {
		await waitFor(`${name} to accept connections (log: ${logFile})`, 60_000, async () => {
			if (exited !== undefined) throw new Error(`${name} exited (${exited}); see ${logFile}`);
			return await ready();
		});
	} catch (error) {
		await stop(started);
		throw error;
	}
	return started;
}

/** Redis without persistence: the queue lives as long as the run. */
export async function startRedis(workDir: string): Promise<Service> {
	const port = await freePort();
	const dir = path.join(workDir, 'redis');
	fs.mkdirSync(dir, { recursive: true });
	const logFile = path.join(dir, 'redis.log');
	const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir];
	const server = await untilReady('Redis', start('redis-server', args, { logFile }), () => answers(port, 'PING\r\n', '+PONG'), logFile);
	return { port, stop: () => stop(server) };
}

/**
 * PostgreSQL refuses to run as root: the cluster belongs to the `postgres` user (which the
 * package creates), trusting loopback connections, with its socket in its own folder.
 */
export async function startPostgres(workDir: string): Promise<Service> {
	const port = await freePort();
	const dir = path.join(workDir, 'postgres');
	const dataDir = path.join(dir, 'data');
	fs.mkdirSync(dir, { recursive: true });
	// The postgres user must reach its folder through the run's private work folder.
	fs.chmodSync(workDir, 0o711);
	fs.chownSync(dir, uidOf('postgres'), gidOf('postgres'));
	const logFile = path.join(workDir, 'postgres.log');
	const asPostgres = (program: string, args: string[]) => ['-u', 'postgres', '--', postgresBin(program), ...args];
	const initdb = start('runuser', asPostgres('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']), { logFile });
	const code = await initdb.exited;
	if (code !== 0) throw new Error(`initdb failed (${code}); see ${logFile}`);
	const args = ['-D', dataDir, '-p', String(port), '-h', '127.0.0.1', '-k', dir, '-c', 'fsync=off'];
	const server = await untilReady('PostgreSQL', start('runuser', asPostgres('postgres', args), { logFile }), () => pgReady(port), logFile);
	return { port, stop: () => stop(server) };
}

async function pgReady(port: number): Promise<true | undefined> {
	const check = start(postgresBin('pg_isready'), ['-h', '127.0.0.1', '-p', String(port), '-q'], { logFile: '/dev/null' });
	return (await check.exited) === 0 ? true : undefined;
}

function idOf(flag: '-u' | '-g', user: string): number {
	return Number(execFileSync('id', [flag, user], { encoding: 'utf8' }).trim());
}
const uidOf = (user: string) => idOf('-u', user);
const gidOf = (user: string) => idOf('-g', user);
