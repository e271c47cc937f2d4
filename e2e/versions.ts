import os from 'node:os';
import path from 'node:path';

/** One n8n release and the Node it runs on; `node: null` means the machine's own Node. */
export interface N8nFlavor {
	n8n: string;
	node: string | null;
	/** npm `overrides` for dependencies the registry here cannot serve as published. */
	overrides?: Record<string, string>;
	/** Environment n8n needs on this machine. */
	env?: Record<string, string>;
}

export const N8N_2: N8nFlavor = { n8n: '2.40.7', node: '24.21.0' };

/**
 * n8n 1.x on the machine's Node 20. n8n-nodes-base's xlsx comes from a host unreachable
 * here: a registry copy replaces it. Its default expression engine needs isolated-vm 6,
 * which needs Node 22 or later: the legacy engine (the one 1.x shipped with) runs instead.
 * Binary data goes to the filesystem as in 2.x: 1.123's webhook answers an in-memory binary
 * with `res.json(buffer)`, a JSON-encoded Buffer instead of the file (n8n's
 * webhook-request-handler.js, sendStaticResponse).
 */
const N8N_1: N8nFlavor = {
	n8n: '1.123.81',
	node: null,
	overrides: { xlsx: 'npm:@e965/xlsx@0.20.3' },
	env: { N8N_EXPRESSION_ENGINE: 'legacy', N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem' },
};

/**
 * The newest n8n the registry here serves whole: 2.41.1. npm's latest, 2.41.3, pins n8n's
 * own packages at versions the registry does not have: @n8n/agents 0.26.2, and with that
 * overridden to the served 0.26.1 (as N8N_1 overrides xlsx), `npm install` stops at
 * @n8n/ai-node-sdk 0.31.2; n8n-core 2.41.2 (the engine) and @n8n/n8n-nodes-langchain
 * 2.41.2 are missing too (newest served: 2.41.1). Overriding those would test 2.41.1's
 * engine under 2.41.3's name, so the line stays on 2.41.1 (checked 2026-12-02).
 */
const N8N_NEWEST: N8nFlavor = { n8n: '2.41.1', node: '24.21.0' };

const LINES = new Map<string, N8nFlavor>([
	['1', N8N_1],
	['2', N8N_2],
	['newest', N8N_NEWEST],
]);

/** `--n8n 1`, `--n8n 2` or `--n8n newest` picks one line; by default all three. */
export function flavorsFromArgs(argv: string[]): N8nFlavor[] {
	const index = argv.indexOf('--n8n');
	if (index < 0) return [N8N_2, N8N_NEWEST, N8N_1];
	const line = LINES.get(argv[index + 1]);
	if (!line) throw new Error(`--n8n takes ${[...LINES.keys()].join(', ')}, got "${argv[index + 1]}"`);
	return [line];
}

/** Root of all cached n8n installs; outside the repository so nothing downloaded is ever committed. */
function cacheRoot(): string {
	if (process.env.LEADSOPEDIA_E2E_CACHE) return path.resolve(process.env.LEADSOPEDIA_E2E_CACHE);
	const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
	return path.join(base, 'n8n-nodes-leadsopedia');
}

export function installDir(flavor: N8nFlavor): string {
	return path.join(cacheRoot(), `n8n-${flavor.n8n}-node-${flavor.node ?? process.versions.node}`);
}
