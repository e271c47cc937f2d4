import os from 'node:os';
import path from 'node:path';

/** One n8n release and the Node it runs on; `node: null` means the machine's own Node. */
export interface N8nFlavor {
	n8n: string;
	node: string | null;
	/** npm `overrides` for dependencies the registry here cannot serve as published. */
	overrides?: Record<string, string>;
}

export const N8N_2: N8nFlavor = { n8n: '2.40.7', node: '24.21.0' };

/** n8n 1.x runs on the machine's Node 20; n8n-nodes-base's xlsx comes from a host unreachable here. */
export const N8N_1: N8nFlavor = { n8n: '1.123.81', node: null, overrides: { xlsx: 'npm:@e965/xlsx@0.20.3' } };

/** `--n8n 1` picks the 1.x line; the default is 2.x. */
export function flavorFromArgs(argv: string[]): N8nFlavor {
	const index = argv.indexOf('--n8n');
	const major = index >= 0 ? argv[index + 1] : '2';
	if (major !== '1' && major !== '2') throw new Error(`--n8n takes 1 or 2, got "${major}"`);
	return major === '1' ? N8N_1 : N8N_2;
}

/** Root of all cached n8n installs; outside the repository so nothing downloaded is ever committed. */
export function cacheRoot(): string {
	if (process.env.LEADSOPEDIA_E2E_CACHE) return path.resolve(process.env.LEADSOPEDIA_E2E_CACHE);
	const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
	return path.join(base, 'n8n-nodes-leadsopedia');
}

export function installDir(flavor: N8nFlavor): string {
	return path.join(cacheRoot(), `n8n-${flavor.n8n}-node-${flavor.node ?? process.versions.node}`);
}
