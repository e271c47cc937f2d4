import { LoadOptionsContext } from 'n8n-core';
import { Workflow } from 'n8n-workflow';
import { Leadsopedia } from '../../nodes/Leadsopedia/Leadsopedia.node.ts';
import { startSandbox, type Sandbox } from '../../sandbox';
import { additionalData, leadsopediaCredentials, nodeWithCredential } from '../helpers/engine';
import { nodeTypes } from '../helpers/node-types';

/**
 * The "From List" picker, called the way n8n's editor backend calls a listSearch method:
 * in a LoadOptionsContext for the node, with the filter the user typed.
 */
let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ intervalMs: 0 });
});
afterAll(async () => sandbox.stop());

async function search(filter?: string, paginationToken?: string, method: 'searchLists' | 'searchDownloads' = 'searchLists') {
	const node = nodeWithCredential('leadsopedia', 'Leadsopedia', 'n8n-nodes-leadsopedia.leadsopedia', { resource: 'contact', operation: 'getAll' });
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const context = new LoadOptionsContext(
		workflow,
		node,
		additionalData(leadsopediaCredentials(sandbox.baseUrl, { apiKey: sandbox.apiKey })),
		'parameters.listId',
	);
	sandbox.control.clearLog();
	return await new Leadsopedia().methods.listSearch[method].call(context, filter, paginationToken);
}

// The chosen result's name is saved in the workflow (cachedResultName): nothing in it may go stale, like a contact count.
test('lists the account’s lists by name only, in one call', async () => {
	const result = await search();
	expect(result.results).toEqual(sandbox.control.lists('demo').map((list) => ({ name: list.name, value: String(list.id) })));
	expect(result.paginationToken).toBeUndefined();
	expect(sandbox.control.requestLog().map((entry) => entry.query)).toEqual([{ page: '1', limit: '1000' }]);
});

test('filters by name, ignoring case', async () => {
	const result = await search('CUSTOM');
	expect(result.results.map((item) => item.name)).toEqual(['Customers']);
});

test('never shows another account’s lists', async () => {
	const result = await search('other team');
	expect(result.results).toEqual([]);
});

test('lists the account’s downloads by file name, in one call, filtered ignoring case', async () => {
	const downloads = sandbox.control.downloads('demo');
	const all = await search(undefined, undefined, 'searchDownloads');
	expect(all.results).toEqual(downloads.map((download) => ({ name: download.filename, value: String(download.id) })));
	expect(sandbox.control.requestLog().map((entry) => `${entry.method} ${entry.path}`)).toEqual(['GET /v1/downloads']);

	const wanted = downloads[0].filename;
	const some = await search(wanted.toUpperCase(), undefined, 'searchDownloads');
	expect(some.results.map((item) => item.name)).toEqual(downloads.filter((d) => d.filename.toLowerCase().includes(wanted.toLowerCase())).map((d) => d.filename));
});
