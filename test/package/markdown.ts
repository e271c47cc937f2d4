import fs from 'node:fs';
import path from 'node:path';

export const REPO = path.resolve(__dirname, '../..');

/** GitHub's anchor for a Markdown heading: lower case, punctuation dropped, spaces as hyphens. */
const anchor = (heading: string) =>
	heading
		.trim()
		.toLowerCase()
		.replace(/[^\p{L}\p{N} _-]/gu, '')
		.replace(/ /g, '-');

/** The lines of a Markdown file of the repository outside fenced code (where `#` starts a shell comment). */
function proseLines(file: string): string[] {
	let inCode = false;
	return fs
		.readFileSync(path.join(REPO, file), 'utf8')
		.split('\n')
		.filter((line) => {
			if (line.startsWith('```')) inCode = !inCode;
			return !inCode;
		});
}

/** The anchors GitHub gives the headings of a Markdown file of the repository. */
export function headingAnchors(file: string): string[] {
	return proseLines(file)
		.filter((line) => /^#{1,6} /.test(line))
		.map((line) => anchor(line.replace(/^#+ /, '')));
}

/** Links of a Markdown file that stay in the repository: `#section`, `FILE.md`, `FILE.md#section`. */
export function localLinks(file: string): string[] {
	return proseLines(file)
		.flatMap((line) => [...line.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]))
		.filter((target) => !/^[a-z]+:/i.test(target));
}
