import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const REPO = path.resolve(__dirname, '..');
const PACKAGE_NAME = 'n8n-nodes-leadsopedia';

function npm(args: string[], cwd: string): string {
	return execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

/** Builds the package and packs it the way `npm publish` would; returns the tarball's path. */
export function buildAndPack(destination: string): string {
	npm(['run', 'build', '--silent'], REPO);
	fs.mkdirSync(destination, { recursive: true });
	const [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', destination], REPO)) as { filename: string }[];
	return path.join(destination, packed.filename);
}

/**
 * Installs the tarball where n8n's community-package installer puts packages:
 * `<user folder>/.n8n/nodes/node_modules/<name>`. Peer dependencies are left out, as
 * n8n's installer does, so `require('n8n-workflow')` resolves to n8n's own copy.
 */
export function installTarball(tarball: string, userFolder: string): string {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	fs.mkdirSync(nodesDir, { recursive: true });
	if (!fs.existsSync(path.join(nodesDir, 'package.json'))) {
		fs.writeFileSync(path.join(nodesDir, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true }));
	}
	npm(['install', '--ignore-scripts', '--omit=peer', '--no-package-lock', '--no-audit', '--no-fund', tarball], nodesDir);
	return path.join(nodesDir, 'node_modules', PACKAGE_NAME);
}
