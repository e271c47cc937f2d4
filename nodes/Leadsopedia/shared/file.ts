import { NodeOperationError, type IExecuteSingleFunctions, type IHttpRequestOptions, type IN8nHttpFullResponse } from 'n8n-workflow';
import { apiError } from './errors';
import { credentialsOf, sendToApi } from './transport';

const MIME_BY_EXTENSION: Record<string, string> = {
	csv: 'text/csv',
	json: 'application/json',
	txt: 'text/plain',
	xls: 'application/vnd.ms-excel',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	zip: 'application/zip',
};

export interface ExportFile {
	data: Buffer;
	mimeType: string;
}

/** The response's Content-Type, else one guessed from the extension, else generic bytes. */
export function mimeTypeOf(contentType: unknown, extension: string): string {
	const declared = typeof contentType === 'string' ? contentType.split(';')[0].trim().toLowerCase() : '';
	if (declared && declared !== 'application/octet-stream') return declared;
	return MIME_BY_EXTENSION[extension.toLowerCase()] ?? 'application/octet-stream';
}

/** A file on another host gets no key at all: a plain request. */
async function fromFileHost(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
	operation: string,
	apiKey: string,
): Promise<IN8nHttpFullResponse> {
	try {
		return (await this.helpers.httpRequest(options)) as IN8nHttpFullResponse;
	} catch {
		throw apiError(this.getNode(), { operation, message: `Could not reach the file host to ${operation}`, apiKey });
	}
}

/**
 * Fetches an export file from its `url`. Files usually live on another host than the API:
 * the key goes with the request only when the file is on the base URL's own origin.
 */
export async function fetchExportFile(
	this: IExecuteSingleFunctions,
	fileUrl: string,
	extension: string,
	operation: string,
): Promise<ExportFile> {
	const credentials = await credentialsOf(this);
	let target: URL;
	try {
		// An empty link would resolve to the base URL itself, an API call with the key.
		target = fileUrl.trim() ? new URL(fileUrl, `${credentials.baseUrl}/`) : new URL('invalid:');
	} catch {
		target = new URL('invalid:');
	}
	if (target.protocol !== 'https:' && target.protocol !== 'http:') {
		throw new NodeOperationError(this.getNode(), 'The download has no valid file link', {
			itemIndex: this.getItemIndex(),
			description: 'Leadsopedia may still be preparing the export: try again later.',
		});
	}
	const options: IHttpRequestOptions = {
		method: 'GET',
		url: target.href,
		encoding: 'arraybuffer',
		json: false,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};
	const sameOrigin = target.origin === new URL(credentials.baseUrl).origin;
	const response = sameOrigin
		? (await sendToApi.call(this, credentials, options, { operation, repeatable: true })).response
		: await fromFileHost.call(this, options, operation, credentials.apiKey);
	if (response.statusCode >= 300) {
		throw apiError(this.getNode(), {
			operation,
			status: response.statusCode,
			message: `The file link answered ${response.statusCode} to ${operation}`,
			description: 'The export link may have expired: get the download again for a fresh link.',
			apiKey: credentials.apiKey,
		});
	}
	const data = Buffer.isBuffer(response.body) ? response.body : Buffer.from(response.body as ArrayBuffer);
	return { data, mimeType: mimeTypeOf(response.headers['content-type'], extension) };
}
