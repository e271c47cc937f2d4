import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../e2e/processes';
import { REPO } from '../../e2e/package-tarball';
import { standInNpm } from '../helpers/stand-in-npm';

interface Exit {
	code: number;
	stdout: string;
	stderr: string;
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<Exit> {
	return new Promise((resolve) => {
		execFile(cmd, args, { cwd: REPO, env, timeout: 100_000 }, (error, stdout, stderr) =>
			resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
		);
	});
}

/**
 * `npm run demo` as a newcomer runs it: a home folder with nothing in it, so no cache of
 * n8n. The home folder matters only for that cache (n8n's user folder and the tarball go
 * to the demo's scratch folder), so the start runs up to the step after the install:
 * npm is a stand-in that installs a stand-in n8n and refuses to build the package.
 */
test('the demo starts from an empty home folder: n8n is installed under it, then the package is built', async () => {
	const npm = standInNpm();
	const home = fs.mkdtempSync(path.join(os.tmpdir(), 'leadsopedia-empty-home-'));
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'leadsopedia-demo-test-'));
	try {
		const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, PATH: `${npm.binDir}${path.delimiter}${process.env.PATH ?? ''}` };
		delete env.LEADSOPEDIA_E2E_CACHE;
		delete env.XDG_CACHE_HOME;

		const demo = await run(
			path.join(REPO, 'node_modules/.bin/tsx'),
			['test/e2e/demo-start-child.ts', workDir, String(await freePort()), String(await freePort())],
			env,
		);

		const install = path.join(home, '.cache/n8n-nodes-leadsopedia/n8n-2.40.7-node-24.21.0');
		expect(demo.stdout.split('\n').filter((line) => line.startsWith('demo: '))).toEqual([
			`demo: n8n 2.40.7 on Node 24.21.0, cache ${install}`,
			`demo: installing n8n 2.40.7 into ${install}: first run only, several minutes (full log in ${install}.install.log)`,
			'demo: building sqlite3 for it',
			'demo: building and packing the package',
		]);
		expect(fs.existsSync(path.join(install, 'node_modules/n8n/bin/n8n'))).toBe(true);
		// It stopped where the stand-in npm refused, after the install.
		expect(demo.stderr).toContain('stand-in npm: "npm run build --silent" is not run in this test');
		expect(demo.code).toBe(1);
		expect(npm.calls()).toEqual([
			'install --no-package-lock --ignore-scripts --omit=dev',
			'rebuild sqlite3 --ignore-scripts=false --foreground-scripts',
			'run build --silent',
		]);
	} finally {
		npm.remove();
		fs.rmSync(home, { recursive: true, force: true });
		fs.rmSync(workDir, { recursive: true, force: true });
	}
}, 120_000);
