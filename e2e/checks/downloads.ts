import assert from 'node:assert/strict';
import { fromBody } from '../workflows';
import type { CheckGroup } from './context';

const download = (operation: string, parameters: Record<string, unknown> = {}, webhook?: Record<string, unknown>) => ({
	path: `download-${operation}`,
	parameters: { resource: 'download', operation, ...parameters },
	webhook,
});
const downloadId = fromBody('downloadId');

/** Every download operation; Download File answers the file itself through the webhook. */
export const downloadChecks: CheckGroup = {
	workflows: [
		download('getAll', { returnAll: true, options: {} }),
		download('get', { downloadId }),
		download('delete', { downloadId }),
		download('getFile', { downloadId, binaryPropertyName: 'file' }, { responseData: 'firstEntryBinary', responseBinaryPropertyName: 'file' }),
	],

	async run({ runner, call, api, sandbox: { control } }) {
		await runner.check('download getAll returns every download of the account', async () => {
			assert.deepEqual(await call('download-getAll'), control.downloads('demo'));
		});
		await runner.check('download get returns the download', async () => {
			const [expected] = control.downloads('demo');
			assert.deepEqual(await call('download-get', { downloadId: expected.id }), [expected]);
		});
		await runner.check('download delete removes a download', async () => {
			const { id } = control.addDownload();
			const [deleted] = await call('download-delete', { downloadId: id });
			assert.deepEqual([deleted.deleted, String(deleted.id)], [true, String(id)]);
			assert.ok(!control.downloads().some((item) => item.id === id));
		});
		await runner.check('download getFile fetches the export file as binary data', async () => {
			const content = 'email,first_name\nfile.test@example.com,File\n';
			const { id, url } = control.addDownload({ filename: 'e2e-file.csv', content });
			const response = await api.webhook('download-getFile', { downloadId: id });
			assert.equal(response.status, 200, `webhook answered ${response.status}`);
			assert.equal(await response.text(), content);
			assert.match(response.headers.get('content-type') ?? '', /^text\/csv/);
			const fileCalls = control.requestLog().filter((entry) => entry.host === 'files');
			assert.ok(fileCalls.length > 0 && fileCalls.every((entry) => !entry.keyPresent), `the API key went to the file host ${new URL(url).host}`);
		});
	},
};
