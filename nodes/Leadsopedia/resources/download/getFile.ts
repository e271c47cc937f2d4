import type { IDataObject } from 'n8n-workflow';
import { downloadLocator, optionsCollection } from '../../shared/descriptions';
import { endpoints } from '../../shared/endpoints';
import { DEFAULT_MAX_DOWNLOAD_SECONDS, DEFAULT_MAX_FILE_MB, fetchExportFile } from '../../shared/file';
import { defineOperation } from '../../shared/operation';
import type { ItemParams } from '../../shared/params';
import { showFor, type OperationModule } from '../../shared/resource';

const show = showFor('download', 'getFile');
const BINARY_FIELD_LABEL = 'Put Output File in Field';
const MAX_FILE_SIZE_LABEL = 'Max File Size (MB)';
/** A Node.js Buffer holds up to about 2 GB on the Node versions n8n runs on. */
const MAX_FILE_MB_CEILING = 2047;
const MAX_DOWNLOAD_TIME_LABEL = 'Max Download Time (Seconds)';
/** A day: longer than any export should take, well within Node's timers. */
const MAX_DOWNLOAD_SECONDS_CEILING = 86_400;

const maxFileMb = (params: ItemParams) => params.count('options.maxFileSize', MAX_FILE_SIZE_LABEL, 1, MAX_FILE_MB_CEILING, DEFAULT_MAX_FILE_MB);
const maxDownloadTime = (params: ItemParams) =>
	params.count('options.maxDownloadTime', MAX_DOWNLOAD_TIME_LABEL, 1, MAX_DOWNLOAD_SECONDS_CEILING, DEFAULT_MAX_DOWNLOAD_SECONDS);

export const downloadGetFile: OperationModule = {
	operation: defineOperation({
		name: 'Download File',
		value: 'getFile',
		action: 'Download file',
		description: 'Fetch an export file (for example a CSV of leads) as binary data',
		method: 'GET',
		request: (params) => {
			// Checked here too, so that bad input in any item stops the run before its first call.
			params.text('binaryPropertyName', BINARY_FIELD_LABEL);
			maxFileMb(params);
			maxDownloadTime(params);
			return { path: endpoints.download(params.id('downloadId', 'Download')) };
		},
		async output(answer, params, connection) {
			const download = (answer.body ?? {}) as IDataObject;
			const extension = String(download.extension ?? '').replace(/^\./, '');
			const maxMb = maxFileMb(params);
			const maxDownloadSeconds = maxDownloadTime(params);
			const url = String(download.url ?? '');
			const file = await fetchExportFile.call(this, { url, extension, operation: 'download file', connection, maxMb, maxDownloadMs: maxDownloadSeconds * 1000 });
			const fileName = String(download.filename ?? `download-${download.id}${extension ? `.${extension}` : ''}`);
			const binary = await this.helpers.prepareBinaryData(file.data, fileName, file.mimeType);
			return [{ json: download, binary: { [params.text('binaryPropertyName', BINARY_FIELD_LABEL)]: binary } }];
		},
	}),
	fields: [
		downloadLocator(show),
		{
			displayName: BINARY_FIELD_LABEL,
			name: 'binaryPropertyName',
			type: 'string',
			required: true,
			default: 'data',
			placeholder: 'e.g. data',
			hint: 'The name of the output binary field to put the file in',
			displayOptions: { show },
		},
		optionsCollection(show, [
			{
				displayName: MAX_DOWNLOAD_TIME_LABEL,
				name: 'maxDownloadTime',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_DOWNLOAD_SECONDS_CEILING },
				default: DEFAULT_MAX_DOWNLOAD_SECONDS,
				description: 'How long fetching the file may take in all, from the request to its last byte. The credential’s Timeout still limits how long the file host may stay silent.',
			},
			{
				displayName: MAX_FILE_SIZE_LABEL,
				name: 'maxFileSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_FILE_MB_CEILING },
				default: DEFAULT_MAX_FILE_MB,
				description: 'A larger file fails the item instead of filling n8n’s memory (for example a wrong link)',
			},
		]),
	],
};
