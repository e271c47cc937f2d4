import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { NODE_TYPE, SANDBOX_CREDENTIAL, TRIGGER_TYPE } from '../workflows';
import type { CheckGroup } from './context';

type IconUrl = string | { light: string; dark: string };
interface Codex {
	categories?: string[];
	alias?: string[];
}
interface TypeDescription {
	name: string;
	iconUrl?: IconUrl;
	properties?: Array<{ name: string; default?: unknown }>;
	codex?: Codex;
}

const PACKAGE_PREFIX = 'n8n-nodes-leadsopedia.';
const iconUrls = (icon: IconUrl | undefined) => (typeof icon === 'string' ? [icon] : icon ? [icon.light, icon.dark] : []);

/** The package as n8n loaded it from where its community-package installer puts it. */
export const packageChecks: CheckGroup = {
	async run({ runner, api, packageDir }) {
		const manifest = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { n8n: { nodes: string[] } };
		const nodes = (await api.rest<TypeDescription[]>('GET', '/types/nodes.json')).filter((node) => node.name.startsWith(PACKAGE_PREFIX));
		const credentials = (await api.rest<TypeDescription[]>('GET', '/types/credentials.json')).filter((type) => type.name === SANDBOX_CREDENTIAL.type);

		await runner.check('n8n loads every node, its AI-tool variant and the credential of the installed package', async () => {
			const names = nodes.map((node) => node.name);
			const baseNodes = names.filter((name) => !name.endsWith('Tool'));
			assert.ok(names.includes(NODE_TYPE) && names.includes(`${NODE_TYPE}Tool`), `loaded: ${names.join(', ')}`);
			assert.equal(new Set(baseNodes).size, manifest.n8n.nodes.length, `loaded: ${names.join(', ')}`);
			assert.equal(credentials.length, 1, 'credential type leadsopediaApi missing');
		});
		await runner.check('the trigger shows one Poll Times, every hour by default (not n8n’s every minute)', async () => {
			const trigger = nodes.find((node) => node.name === TRIGGER_TYPE);
			const pollTimes = (trigger?.properties ?? []).filter((property) => property.name === 'pollTimes');
			assert.deepEqual(
				pollTimes.map((property) => property.default),
				[{ item: [{ mode: 'everyHour' }] }],
			);
		});
		await runner.check("the package uses n8n's own n8n-workflow (no copy installed)", async () => {
			assert.ok(!fs.existsSync(path.join(packageDir, 'node_modules')), 'the package brought its own node_modules');
			assert.ok(!fs.existsSync(path.join(packageDir, '..', 'n8n-workflow')), 'n8n-workflow was installed beside the package');
		});
		await runner.check("n8n files every node under its codex's categories and search aliases", async () => {
			for (const nodePath of manifest.n8n.nodes) {
				const codex = JSON.parse(fs.readFileSync(path.join(packageDir, `${nodePath}on`), 'utf8')) as Codex & { node: string };
				const served = nodes.find((node) => node.name === codex.node)?.codex;
				assert.deepEqual({ categories: served?.categories, alias: served?.alias }, { categories: codex.categories, alias: codex.alias }, codex.node);
			}
		});
		await runner.check('n8n serves the light and dark icons of every node and the credential', async () => {
			const urls = [...nodes, ...credentials].flatMap((type) => iconUrls(type.iconUrl));
			assert.ok(urls.length >= 2 * (nodes.length + credentials.length), `icon urls: ${JSON.stringify(urls)}`);
			for (const url of new Set(urls)) {
				const response = await api.get(`/${url.replace(/^\//, '')}`);
				const body = await response.text();
				assert.equal(response.status, 200, `${url}: ${response.status}`);
				assert.match(response.headers.get('content-type') ?? '', /svg/, url);
				assert.match(body, /<svg[\s>]/, `${url} is not an SVG`);
			}
		});
	},
};
