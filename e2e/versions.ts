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

/** Root of all cached n8n installs; outside the repository so nothing downloaded is ever committed. */
export function cacheRoot(): string {
	if (process.env.LEADSOPEDIA_E2E_CACHE) return path.resolve(process.env.LEADSOPEDIA_E2E_CACHE);
	const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
	return path.join(base, 'n8n-nodes-leadsopedia');
}

export function installDir(flavor: N8nFlavor): string {
	return path.join(cacheRoot(), `n8n-${flavor.n8n}-node-${flavor.node ?? process.versions.node}`);
}
