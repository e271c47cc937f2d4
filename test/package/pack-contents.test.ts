import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const REPO = path.resolve(__dirname, '../..');
const npm = (args: string[]) => execFileSync('npm', args, { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** Every file under `dir` (relative to the repository), sorted. */
function filesUnder(dir: string): string[] {
	return fs
		.readdirSync(path.join(REPO, dir), { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => path.relative(REPO, path.join(entry.parentPath, entry.name)))
		.sort();
}

/**
 * What the build makes of each source file: tsc's JavaScript, its declarations and its
 * source map (kept on purpose, as n8n's starter does: a stack trace names the node's
 * file and line), the codex JSON; gulp's icons.
 */
function builtFrom(source: string): string[] {
	const out = path.join('dist', source);
	if (source.endsWith('.ts')) {
		const base = out.slice(0, -'.ts'.length);
		return [`${base}.js`, `${base}.d.ts`, `${base}.js.map`];
	}
	if (/\.(json|svg|png)$/.test(source)) return [out];
	throw new Error(`no build rule for ${source}: ship it on purpose or keep it out of nodes/ and credentials/`);
}

describe('npm pack', () => {
	let packed: string[];

	beforeAll(() => {
		npm(['run', 'build', '--silent']);
		const [pack] = JSON.parse(npm(['pack', '--dry-run', '--json'])) as Array<{ files: Array<{ path: string }> }>;
		packed = pack.files.map((file) => file.path).sort();
	}, 120_000);

	it('ships README, LICENSE, CHANGELOG, package.json, index.js and the build of nodes/ and credentials/, nothing else', () => {
		const built = [...filesUnder('nodes'), ...filesUnder('credentials')].flatMap(builtFrom);
		const expected = ['CHANGELOG.md', 'LICENSE.md', 'README.md', 'index.js', 'package.json', ...built].sort();
		expect(packed).toEqual(expected);
	});

	it('ships every file the n8n section of package.json names', () => {
		const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { n8n: { nodes: string[]; credentials: string[] } };
		for (const file of [...manifest.n8n.nodes, ...manifest.n8n.credentials]) expect(packed).toContain(file);
	});
});
