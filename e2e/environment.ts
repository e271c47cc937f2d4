import fs from 'node:fs';
import path from 'node:path';
import { startSandbox, type Sandbox } from '../sandbox';
import { ensureN8n } from './install-n8n';
import { N8nApi } from './n8n-api';
import { N8nInstance } from './n8n-instance';
import { buildAndPack, installTarball } from './package-tarball';
import { freePort } from './processes';
import { installDir, type N8nFlavor } from './versions';
import { MCP_TOKEN_CREDENTIAL, SANDBOX_CREDENTIAL, writeWorkflows, type WorkflowJson } from './workflows';

export interface CredentialJson {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

export interface EnvironmentOptions {
	flavor: N8nFlavor;
	/** Scratch folder (n8n's user folder, logs, the packed tarball); outside the repository. */
	workDir: string;
	/** The packed package; built and packed here when absent. */
	tarball?: string;
	n8nPort?: number;
	/** Settings of the main n8n over the harness's defaults (queue mode's). */
	n8nEnv?: Record<string, string>;
	sandboxPort?: number;
	/** Credentials beside the sandbox one. */
	extraCredentials?: (sandbox: Sandbox) => CredentialJson[];
	workflows: WorkflowJson[];
	log: (message: string) => void;
}

export interface Environment {
	sandbox: Sandbox;
	n8n: N8nInstance;
	api: N8nApi;
	/** Where the packed package was installed. */
	packageDir: string;
	/** Queue mode's workers (none in regular mode). */
	workers?: N8nInstance[];
	close(): Promise<void>;
}

/**
 * A Leadsopedia credential pointing at the sandbox, as `n8n import:credentials` reads it.
 * No spacing between calls: the sandbox runs without the API's 10-second interval.
 */
export const sandboxCredential = (sandbox: Sandbox, credential = SANDBOX_CREDENTIAL, apiKey = sandbox.apiKey): CredentialJson => ({
	...credential,
	type: SANDBOX_CREDENTIAL.type,
	data: { apiKey, baseUrl: sandbox.baseUrl, requestInterval: 0 },
});

/** The AI-tools example's MCP token, for `n8n import:credentials`. */
export const mcpTokenCredential = (token: string): CredentialJson => ({ ...MCP_TOKEN_CREDENTIAL, data: { token } });

/** The sandbox key with the node's pacing on: calls through it queue in the key's lane in n8n. */
export const pacedSandboxCredential = (sandbox: Sandbox, credential: { id: string; name: string }, intervalSeconds: number): CredentialJson => {
	const paced = sandboxCredential(sandbox, { ...SANDBOX_CREDENTIAL, ...credential });
	return { ...paced, data: { ...paced.data, requestInterval: intervalSeconds } };
};

/**
 * Everything up to a stopped n8n with the package, credentials and workflows in place:
 * n8n from the cache, the package built, packed and installed like a user's, the
 * sandbox running. The caller starts n8n (CLI runs such as `n8n execute` come first).
 */
export async function prepareEnvironment(options: EnvironmentOptions): Promise<Environment> {
	const { workDir, log } = options;
	log(`n8n ${options.flavor.n8n} on Node ${options.flavor.node ?? process.versions.node}, cache ${installDir(options.flavor)}`);
	const install = ensureN8n(options.flavor, log);

	if (!options.tarball) log('building and packing the package');
	const tarball = options.tarball ?? buildAndPack(path.join(workDir, 'pack'));
	const userFolder = path.join(workDir, 'user');
	const packageDir = installTarball(tarball, userFolder);

	const sandbox = await startSandbox({ intervalMs: 0, port: options.sandboxPort ?? 0 });
	const n8n = new N8nInstance(install, userFolder, options.n8nPort ?? (await freePort()), path.join(workDir, 'logs'), { env: options.n8nEnv });
	const close = async () => {
		await n8n.stop();
		await sandbox.stop();
	};
	try {
		log('importing credentials and workflows');
		const credentialsFile = path.join(workDir, 'credentials.json');
		fs.writeFileSync(credentialsFile, JSON.stringify([sandboxCredential(sandbox), ...(options.extraCredentials?.(sandbox) ?? [])]));
		await n8n.cli(['import:credentials', `--input=${credentialsFile}`]);
		const workflowsDir = path.join(workDir, 'workflows');
		writeWorkflows(workflowsDir, options.workflows);
		await n8n.cli(['import:workflow', '--separate', `--input=${workflowsDir}`]);
	} catch (error) {
		await close();
		throw error;
	}
	return { sandbox, n8n, api: new N8nApi(n8n.baseUrl), packageDir, close };
}
