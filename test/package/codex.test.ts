import fs from 'node:fs';
import path from 'node:path';
import type { INodeType } from 'n8n-workflow';
import { LeadsopediaApi } from '../../credentials/LeadsopediaApi.credentials';
import { Leadsopedia } from '../../nodes/Leadsopedia/Leadsopedia.node';
import { LeadsopediaTrigger } from '../../nodes/Leadsopedia/LeadsopediaTrigger.node';
import { REPO, headingAnchors } from './markdown';

const REPOSITORY_URL = 'https://github.com/leadsopedia/n8n-nodes-leadsopedia';

/** The categories n8n's codex documentation lets a node choose from ("You must match the syntax"). */
const N8N_CATEGORIES = [
	'Analytics',
	'Communication',
	'Data & Storage',
	'Development',
	'Finance & Accounting',
	'Marketing & Content',
	'Miscellaneous',
	'Productivity',
	'Sales',
	'Utility',
];

interface Codex {
	node: string;
	nodeVersion: string;
	codexVersion: string;
	categories: string[];
	alias?: string[];
	resources: Record<string, Array<{ url: string }>>;
}

const readmeAnchors = headingAnchors('README.md');

/** A link into this package's README must land on a heading that exists. */
function expectReadmeSection(url: string) {
	const [page, section] = url.split('#');
	expect(page).toBe(REPOSITORY_URL);
	expect(readmeAnchors).toContain(section);
}

describe.each([
	['Leadsopedia', new Leadsopedia()],
	['LeadsopediaTrigger', new LeadsopediaTrigger()],
] as Array<[string, INodeType]>)('codex of %s', (file, node) => {
	const codex = JSON.parse(fs.readFileSync(path.join(REPO, 'nodes/Leadsopedia', `${file}.node.json`), 'utf8')) as Codex;

	it('names the node and its version as the package declares them', () => {
		expect(codex.node).toBe(`n8n-nodes-leadsopedia.${node.description.name}`);
		expect(Number(codex.nodeVersion)).toBe(node.description.version);
		expect(codex.codexVersion).toBe('1.0');
	});

	it("files the node under n8n's Sales and Marketing & Content categories only", () => {
		expect(codex.categories.filter((category) => !N8N_CATEGORIES.includes(category))).toEqual([]);
		expect(codex.categories).toEqual(expect.arrayContaining(['Sales', 'Marketing & Content']));
	});

	it('is found by the words people search for', () => {
		expect(codex.alias).toEqual(expect.arrayContaining(['leads', 'prospects', 'contacts', 'lead lists']));
	});

	it('links documentation and credential help to sections of the README', () => {
		const urls = Object.values(codex.resources).flatMap((links) => links.map((link) => link.url));
		expect(codex.resources.primaryDocumentation?.length).toBeGreaterThan(0);
		expect(codex.resources.credentialDocumentation?.length).toBeGreaterThan(0);
		urls.forEach(expectReadmeSection);
	});
});

it("the credential's documentation link lands on a section of the README", () => {
	expectReadmeSection(new LeadsopediaApi().documentationUrl);
});
