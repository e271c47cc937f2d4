import type { IDataObject } from 'n8n-workflow';
import { downloadLocator } from '../../shared/descriptions';
import { endpoints } from '../../shared/endpoints';
import { fetchExportFile } from '../../shared/file';
import { defineOperation } from '../../shared/operation';
import { showFor, type OperationModule } from '../../shared/resource';

const show = showFor('download', 'getFile');
const BINARY_FIELD_LABEL = 'Put Output File in Field';

export const downloadGetFile: OperationModule = {
	operation: defineOperation({
		name: 'Download File',
		value: 'getFile',
		action: 'Download file',
		description: 'Fetch an export file (for example a CSV of leads) as binary data',
		method: 'GET',
		request: (params) => {
			params.text('binaryPropertyName', BINARY_FIELD_LABEL);
			return { path: endpoints.download(params.id('downloadId', 'Download')) };
		},
		async output(answer, params) {
			const download = (answer.body ?? {}) as IDataObject;
			const extension = String(download.extension ?? '').replace(/^\./, '');
			const file = await fetchExportFile.call(this, String(download.url ?? ''), extension, 'download file');
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
	],
};
