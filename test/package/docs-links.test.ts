import fs from 'node:fs';
import path from 'node:path';
import { REPO, headingAnchors, localLinks } from './markdown';

describe.each(['README.md', 'CONTRIBUTING.md', 'CHANGELOG.md'])('links in %s', (file) => {
	it('point at files and sections that exist', () => {
		const broken = localLinks(file).filter((link) => {
			const [target, section] = link.split('#');
			const linked = target || file;
			if (!fs.existsSync(path.join(REPO, linked))) return true;
			return section !== undefined && !headingAnchors(linked).includes(section);
		});
		expect(broken).toEqual([]);
	});
});
