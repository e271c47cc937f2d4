// n8n's verification scan (@n8n/scan-community-package) without the registry: the same
// lint of the packed tarball (compiled .js and package.json) and of the source (nodes/,
// credentials/, package.json) that `npx @n8n/scan-community-package <name>` runs on a
// published version. Its first step, the npm provenance check, needs a version that the
// publish workflow has put on npm, so it can only pass after the first release.
//
//   npm run build && npm run scan
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const repo = path.resolve(import.meta.dirname, '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'leadsopedia-scan-'));
// The scanner makes a temporary folder when loaded and leaves it: make it inside ours.
process.env.TMPDIR = work;
const { analyzePackage, SOURCE_FILE_PATTERNS } = await import('@n8n/scan-community-package/scanner/scanner.mjs');

function unpackTarball() {
	const [packed] = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: repo, encoding: 'utf8' }),
	);
	const unpacked = path.join(work, 'package');
	execFileSync('tar', ['-xzf', path.join(work, packed.filename), '-C', work]);
	return unpacked;
}

try {
	const scans = [
		['packed tarball', await analyzePackage(unpackTarball(), ['**/*.js', 'package.json'])],
		['source', await analyzePackage(repo, SOURCE_FILE_PATTERNS)],
	];
	for (const [what, result] of scans) {
		console.log(`${result.passed ? 'passed' : 'FAILED'}: ${what}${result.message ? ` (${result.message})` : ''}`);
		if (result.details) console.log(result.details);
	}
	process.exitCode = scans.every(([, result]) => result.passed) ? 0 : 1;
} finally {
	fs.rmSync(work, { recursive: true, force: true });
}
