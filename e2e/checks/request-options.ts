import assert from 'node:assert/strict';
import { startProxy } from '../../test/helpers/loopback';
import { fromBody, idFromBody } from '../workflows';
import type { CheckGroup } from './context';

// The Request Options n8n's loader adds to the node, as a user sets them in its Settings tab;
// the proxy's address comes with each call, as the proxy starts after the workflows are imported.
const viaProxy = { proxy: fromBody('proxy') };

/** Proxy in Request Options carries the node's calls, to the API and to the file host. */
export const requestOptionChecks: CheckGroup = {
	workflows: [
		{ path: 'proxy-list-get', parameters: { resource: 'list', operation: 'get', listId: idFromBody('listId'), requestOptions: viaProxy } },
		{
			path: 'proxy-download-getFile',
			parameters: { resource: 'download', operation: 'getFile', downloadId: fromBody('downloadId'), binaryPropertyName: 'file', requestOptions: viaProxy },
			webhook: { responseData: 'firstEntryBinary', responseBinaryPropertyName: 'file' },
		},
	],

	async run({ runner, call, api, sandbox }) {
		const proxy = await startProxy();
		try {
			await runner.check('Request Options → Proxy carries the API call', async () => {
				const [expected] = sandbox.control.lists('demo');
				const [list] = await call('proxy-list-get', { listId: expected.id, proxy: proxy.origin });
				assert.equal(list.id, expected.id);
				assert.deepEqual(proxy.seen, [`GET ${sandbox.baseUrl}/mylists/${expected.id}`]);
			});
			await runner.check('Request Options → Proxy carries Download File to the file host as well', async () => {
				proxy.seen.length = 0;
				const content = 'email\nproxied@example.com\n';
				const { id, url } = sandbox.control.addDownload({ filename: 'proxied.csv', content });
				const response = await api.webhook('proxy-download-getFile', { downloadId: id, proxy: proxy.origin });
				assert.equal(response.status, 200, `webhook answered ${response.status}`);
				assert.equal(await response.text(), content);
				assert.deepEqual(proxy.seen, [`GET ${sandbox.baseUrl}/downloads/${id}`, `GET ${url}`]);
			});
		} finally {
			await proxy.stop();
		}
	},
};
