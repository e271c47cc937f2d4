import type { IBinaryData, IDataObject } from 'n8n-workflow';
import { TEST_API_KEY } from '../helpers/engine';
import { API_ORIGIN, api, expectCall, keylessHost, requestLines, run, useNock, v1, type CallCase } from '../helpers/nock';

const FILE_HOST = 'https://files.leadsopedia-cdn.test';
const CSV = 'email,first_name\njane@acme.com,Jane\n';

const download = (fields: IDataObject = {}) => ({
	id: 17,
	filename: 'leads-2024-05.csv',
	extension: 'csv',
	url: `${FILE_HOST}/exports/abc123/leads-2024-05.csv`,
	date_created: '2024-05-02T00:00:00Z',
	...fields,
});

const cases: CallCase[] = [
	{
		title: 'Get Many: one item per download',
		parameters: { resource: 'download', operation: 'getAll', limit: 5 },
		method: 'GET',
		path: '/downloads',
		query: { page: 1, limit: 5 },
		reply: { downloads: [download(), download({ id: 18 })], total: 2, page: 1, limit: 5, pagesCount: 1 },
		output: [download(), download({ id: 18 })],
	},
	{
		title: 'Get, with the download picked from the list',
		parameters: { resource: 'download', operation: 'get', downloadId: { __rl: true, mode: 'list', value: '17', cachedResultName: 'leads-2024-05.csv' } },
		method: 'GET',
		path: '/downloads/17',
		reply: download(),
		output: [download()],
	},
	{
		title: 'Get, with the ID typed By ID',
		parameters: { resource: 'download', operation: 'get', downloadId: { __rl: true, mode: 'id', value: '17' } },
		method: 'GET',
		path: '/downloads/17',
		reply: download(),
		output: [download()],
	},
	{
		title: 'Get, in a workflow saved when Download ID was a plain text field',
		parameters: { resource: 'download', operation: 'get', downloadId: '17' },
		method: 'GET',
		path: '/downloads/17',
		reply: download(),
		output: [download()],
	},
	{
		title: 'Delete',
		parameters: { resource: 'download', operation: 'delete', downloadId: '17' },
		method: 'DELETE',
		path: '/downloads/17',
		reply: '',
		output: [{ deleted: true, id: 17 }],
	},
];

describe('Download', () => {
	useNock();
	it.each(cases)('$title', expectCall);
});

describe('Download → Download File', () => {
	useNock();

	const getFile = (binaryPropertyName = 'data') => run({ resource: 'download', operation: 'getFile', downloadId: '17', binaryPropertyName });
	const apiAnswers = (fields: IDataObject = {}) => api().get(v1('/downloads/17')).reply(200, download(fields));
	const fileBytes = (binary: IBinaryData) => Buffer.from(binary.data, 'base64').toString('utf8');

	it('puts the file from another host in the binary field, without the key, with name and MIME type', async () => {
		apiAnswers();
		keylessHost(FILE_HOST).get('/exports/abc123/leads-2024-05.csv').reply(200, CSV, { 'Content-Type': 'text/csv; charset=utf-8' });

		const result = await getFile();

		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		const [item] = result.items;
		expect(item.json).toEqual(download());
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(item.binary?.data).toMatchObject({ fileName: 'leads-2024-05.csv', mimeType: 'text/csv', fileExtension: 'csv' });
		expect(fileBytes(item.binary!.data)).toBe(CSV);
		expect(requestLines()).toEqual(['GET /v1/downloads/17', 'GET /exports/abc123/leads-2024-05.csv']);
	});

	it('uses the chosen binary field name', async () => {
		apiAnswers();
		keylessHost(FILE_HOST).get('/exports/abc123/leads-2024-05.csv').reply(200, CSV, { 'Content-Type': 'text/csv' });

		const result = await getFile('export');

		expect(Object.keys(result.items[0].binary ?? {})).toEqual(['export']);
	});

	it.each([
		['application/octet-stream', { 'Content-Type': 'application/octet-stream' }],
		['no Content-Type', {}],
	])('takes the MIME type from the extension when the host sends %s', async (_title, headers) => {
		apiAnswers({ filename: 'leads.xlsx', extension: 'xlsx', url: `${FILE_HOST}/x/leads.xlsx` });
		keylessHost(FILE_HOST).get('/x/leads.xlsx').reply(200, Buffer.from([0x50, 0x4b, 0x03, 0x04]), headers);

		const result = await getFile();

		expect(result.items[0].binary?.data).toMatchObject({
			fileName: 'leads.xlsx',
			mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		});
		expect(Buffer.from(result.items[0].binary!.data.data, 'base64')).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
	});

	it('names a file without a filename after the download', async () => {
		apiAnswers({ filename: null, url: `${FILE_HOST}/x/17` });
		keylessHost(FILE_HOST).get('/x/17').reply(200, CSV, { 'Content-Type': 'text/csv' });

		const result = await getFile();

		expect(result.items[0].binary?.data).toMatchObject({ fileName: 'download-17.csv', mimeType: 'text/csv' });
	});

	it('does not send the key to the API host on another port (another origin)', async () => {
		apiAnswers({ url: `${API_ORIGIN}:8443/files/17.csv` });
		keylessHost(`${API_ORIGIN}:8443`).get('/files/17.csv').reply(200, CSV, { 'Content-Type': 'text/csv' });

		const result = await getFile();

		expect(result.error).toBeUndefined();
		expect(fileBytes(result.items[0].binary!.data)).toBe(CSV);
	});

	it('sends the key when the file is on the base URL’s own origin', async () => {
		apiAnswers({ url: `${API_ORIGIN}/v1/downloads/17/file` });
		api().get(v1('/downloads/17/file')).reply(200, CSV, { 'Content-Type': 'text/csv' });

		const result = await getFile();

		expect(result.error).toBeUndefined();
		expect(fileBytes(result.items[0].binary!.data)).toBe(CSV);
		expect(requestLines()).toEqual(['GET /v1/downloads/17', 'GET /v1/downloads/17/file']);
	});

	it('fails clearly, without the key, when the file host refuses an expired link', async () => {
		apiAnswers();
		keylessHost(FILE_HOST).get('/exports/abc123/leads-2024-05.csv').reply(403, '<html>AccessDenied</html>', { 'Content-Type': 'text/html' });

		const result = await getFile();

		expect(result.error?.message).toMatch(/file link answered 403/);
		expect(result.error?.description).toMatch(/expired/);
		expect(result.serialized).not.toContain(TEST_API_KEY);
	});

	it.each([null, '', 'ftp://files.example/leads.csv'])('fails clearly when the download has no usable file link (%p), after one call', async (url) => {
		apiAnswers({ url });

		const result = await getFile();

		expect(result.error?.message).toBe('The download has no valid file link');
		expect(requestLines()).toEqual(['GET /v1/downloads/17']);
	});
});
