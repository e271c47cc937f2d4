import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureN8n } from '../../e2e/install-n8n';
import { installDir, N8N_2 } from '../../e2e/versions';
import { standInNpm, type StandInNpm } from '../helpers/stand-in-npm';

/**
 * The install step of `npm run demo`, `npm run e2e:install` and `npm run test:e2e` on a
 * machine that never ran them: the cache root does not exist. npm is a stand-in (no
 * registry, no sqlite3 build); everything else is the real step.
 */
describe('ensureN8n on a machine without the cache', () => {
	const saved = { ...process.env };
	let npm: StandInNpm;
	let scratch: string;
	let cacheRoot: string;

	beforeEach(() => {
		npm = standInNpm();
		scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'leadsopedia-fresh-'));
		cacheRoot = path.join(scratch, 'not', 'yet', 'there');
		process.env.LEADSOPEDIA_E2E_CACHE = cacheRoot;
		process.env.PATH = `${npm.binDir}${path.delimiter}${saved.PATH ?? ''}`;
	});
	afterEach(() => {
		process.env = { ...saved };
		npm.remove();
		fs.rmSync(scratch, { recursive: true, force: true });
	});

	it('creates the cache root, installs into it and keeps the log beside the install', () => {
		expect(fs.existsSync(cacheRoot)).toBe(false);
		const progress: string[] = [];

		const install = ensureN8n(N8N_2, (line) => progress.push(line));

		const target = path.join(cacheRoot, 'n8n-2.40.7-node-24.21.0');
		expect(install.dir).toBe(target);
		expect(installDir(N8N_2)).toBe(target);
		expect(fs.existsSync(install.n8nBin)).toBe(true);
		expect(fs.realpathSync(install.node)).toBe(fs.realpathSync(process.execPath));
		expect(npm.calls()).toEqual([
			'install --no-package-lock --ignore-scripts --omit=dev',
			'rebuild sqlite3 --ignore-scripts=false --foreground-scripts',
		]);
		expect(progress).toEqual([
			`installing n8n 2.40.7 into ${target}: first run only, several minutes (full log in ${target}.install.log)`,
			'building sqlite3 for it',
		]);
		expect(fs.readFileSync(`${target}.install.log`, 'utf8')).toContain('stand-in npm install');
		// Nothing half-done is left beside it.
		expect(fs.readdirSync(cacheRoot).sort()).toEqual(['n8n-2.40.7-node-24.21.0', 'n8n-2.40.7-node-24.21.0.install.log']);
	});

	it('copies the sqlite3 another install of the cache built, of the same version, instead of building it', () => {
		const other = path.join(cacheRoot, 'n8n-2.41.1-node-24.21.0', 'node_modules/sqlite3');
		fs.mkdirSync(path.join(other, 'build/Release'), { recursive: true });
		fs.writeFileSync(path.join(other, 'package.json'), JSON.stringify({ name: 'sqlite3', version: '5.1.7' }));
		fs.writeFileSync(path.join(other, 'build/Release/node_sqlite3.node'), 'built for 2.41.1');
		const progress: string[] = [];

		const install = ensureN8n(N8N_2, (line) => progress.push(line));

		expect(npm.calls()).toEqual(['install --no-package-lock --ignore-scripts --omit=dev']);
		expect(progress.slice(1)).toEqual([`sqlite3 copied from ${path.join(other, 'build')}`]);
		expect(fs.readFileSync(path.join(install.dir, 'node_modules/sqlite3/build/Release/node_sqlite3.node'), 'utf8')).toBe('built for 2.41.1');
	});

	it('builds sqlite3 when the other install of the cache has another version', () => {
		const other = path.join(cacheRoot, 'n8n-2.41.1-node-24.21.0', 'node_modules/sqlite3');
		fs.mkdirSync(path.join(other, 'build/Release'), { recursive: true });
		fs.writeFileSync(path.join(other, 'package.json'), JSON.stringify({ name: 'sqlite3', version: '5.1.6' }));
		fs.writeFileSync(path.join(other, 'build/Release/node_sqlite3.node'), 'built for 2.41.1');

		ensureN8n(N8N_2, () => undefined);

		expect(npm.calls()).toEqual(['install --no-package-lock --ignore-scripts --omit=dev', 'rebuild sqlite3 --ignore-scripts=false --foreground-scripts']);
	});

	it('reuses a finished install without calling npm again', () => {
		ensureN8n(N8N_2, () => undefined);
		const progress: string[] = [];
		ensureN8n(N8N_2, (line) => progress.push(line));
		expect(npm.calls()).toHaveLength(2);
		expect(progress).toEqual([]);
	});
});
