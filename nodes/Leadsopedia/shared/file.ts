import { NodeOperationError, type IExecuteSingleFunctions, type IHttpRequestOptions, type IN8nHttpFullResponse } from 'n8n-workflow';
import { apiError } from './errors';
import { Stop } from './stop';
import { Deadline, isTimeoutCode, readWithin, release, type ByteStream } from './deadline';
import { isRedirect, redirectRefusal, redirectTarget, REDIRECT_POLICY } from './file-redirects';
import { connectionOptions, credentialsOf, networkCodeOf, sendToApi, type Connection } from './transport';

/** What Download File holds in memory at most unless the node says otherwise. */
export const DEFAULT_MAX_FILE_MB = 100;

/** How long fetching one file may take in all unless the node says otherwise: a big file needs longer than an API call. */
export const DEFAULT_MAX_DOWNLOAD_SECONDS = 600;

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

const MB = 1024 * 1024;

function outOfTime(context: IExecuteSingleFunctions, deadline: Deadline, bytes: number): NodeOperationError {
	return new NodeOperationError(context.getNode(), `The file host did not send the whole file within the Max Download Time of ${deadline.seconds} s`, {
		itemIndex: context.getItemIndex(),
		description: `${bytes} bytes had arrived. If the file is this large and its host this slow, raise Options → Max Download Time.`,
	});
}

/** A file on another host gets no key at all: a plain request, within the download's deadline. */
async function fromFileHost(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
	operation: string,
	apiKey: string,
	deadline: Deadline,
): Promise<IN8nHttpFullResponse> {
	try {
		return (await this.helpers.httpRequest({ ...options, abortSignal: deadline.withStop(Stop.of(this).signal) })) as IN8nHttpFullResponse;
	} catch (error) {
		Stop.of(this).check();
		if (deadline.expired) throw outOfTime(this, deadline, 0);
		const code = networkCodeOf(error);
		const seconds = Number(options.timeout) / 1000;
		throw isTimeoutCode(code)
			? apiError(this.getNode(), {
					operation,
					message: `The file host did not answer within ${seconds} s`,
					description: 'That is the Timeout of the Leadsopedia credential (or the shorter one in the node’s Request Options).',
					apiKey,
				})
			: apiError(this.getNode(), { operation, message: `Could not reach the file host to ${operation}`, description: `The connection failed (${code}).`, apiKey });
	}
}

function tooBig(context: IExecuteSingleFunctions, maxMb: number): NodeOperationError {
	return new NodeOperationError(context.getNode(), `The file is larger than the Max File Size of ${maxMb} MB`, {
		itemIndex: context.getItemIndex(),
		description: 'Nothing more of it was read. If the file is meant to be this large, raise Options → Max File Size.',
	});
}

/**
 * Reads the body within the download's deadline, refusing it by its Content-Length, or as
 * soon as more than the cap has arrived.
 */
async function readCapped(this: IExecuteSingleFunctions, response: IN8nHttpFullResponse, file: FileRequest, deadline: Deadline, idleMs: number): Promise<Buffer> {
	const body = response.body as ByteStream;
	const maxBytes = file.maxMb * MB;
	if (Number(response.headers['content-length']) > maxBytes) {
		body.destroy();
		throw tooBig(this, file.maxMb);
	}
	const chunks: Buffer[] = [];
	let size = 0;
	const end = await readWithin(deadline, body, (chunk) => {
		size += chunk.length;
		if (size > maxBytes) return false;
		chunks.push(chunk);
		return true;
	}, idleMs);
	if (end === 'cut') {
		body.destroy();
		throw tooBig(this, file.maxMb);
	}
	if (end === 'expired') throw outOfTime(this, deadline, size);
	if (end === 'broken') {
		Stop.of(this).check();
		throw new NodeOperationError(this.getNode(), `The file host broke off the file after ${size} bytes`, {
			itemIndex: this.getItemIndex(),
			description: `The connection failed or stalled longer than the Timeout while sending it: ${file.operation} again.`,
		});
	}
	return Buffer.concat(chunks, size);
}

export interface FileRequest {
	/** The download's `url`. */
	url: string;
	extension: string;
	operation: string;
	/** The node's Request Options. */
	connection: Connection;
	maxMb: number;
	/** Max Download Time: the whole fetch, from the request to the file's last byte. */
	maxDownloadMs: number;
}

/**
 * Follows the file host's redirects as far as shared/file-redirects.ts allows: never with
 * the key, wherever they lead, and within the download's deadline.
 */
async function followRedirects(
	this: IExecuteSingleFunctions,
	first: IN8nHttpFullResponse,
	link: URL,
	options: IHttpRequestOptions,
	operation: string,
	apiKey: string,
	deadline: Deadline,
): Promise<IN8nHttpFullResponse> {
	let response = first;
	let at = link;
	for (let hop = 1; isRedirect(response.statusCode); hop++) {
		release(response.body);
		const next = redirectTarget(response.headers.location, at);
		const refusal = redirectRefusal(link, next, hop);
		if (!next || refusal) {
			throw new NodeOperationError(this.getNode(), `The file link redirected to ${next?.origin ?? 'an invalid address'}, which is not followed`, {
				itemIndex: this.getItemIndex(),
				description: `Not followed because ${refusal}. ${REDIRECT_POLICY}`,
			});
		}
		at = next;
		response = await fromFileHost.call(this, { ...options, url: at.href }, operation, apiKey, deadline);
	}
	return response;
}

/**
 * Fetches an export file from its `url`. Files usually live on another host than the API:
 * the key goes with the request only when the file is on the base URL's own origin. On
 * either host, the credential's Timeout (or the node's shorter one) limits silence, Max
 * Download Time the whole fetch, and Max File Size what is read.
 */
export async function fetchExportFile(this: IExecuteSingleFunctions, file: FileRequest): Promise<ExportFile> {
	const { operation, connection } = file;
	const credentials = await credentialsOf(this);
	let target: URL;
	try {
		// An empty link would resolve to the base URL itself, an API call with the key.
		target = file.url.trim() ? new URL(file.url, `${credentials.baseUrl}/`) : new URL('invalid:');
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
		// Streamed, so that the size cap acts before the file is in memory.
		encoding: 'stream',
		json: false,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		// Each redirect is checked here before it is followed (shared/file-redirects.ts).
		disableFollowRedirect: true,
		...connectionOptions(credentials, connection),
	};
	const sameOrigin = target.origin === new URL(credentials.baseUrl).origin;
	let response: IN8nHttpFullResponse;
	let deadline: Deadline;
	if (sameOrigin) {
		({ response, deadline } = await sendToApi.call(this, credentials, options, { operation, repeatable: true, connection, deadlineMs: file.maxDownloadMs }));
	} else {
		deadline = new Deadline(file.maxDownloadMs);
		response = await fromFileHost.call(this, options, operation, credentials.apiKey, deadline);
	}
	response = await followRedirects.call(this, response, target, options, operation, credentials.apiKey, deadline);
	if (response.statusCode >= 300) {
		release(response.body);
		throw apiError(this.getNode(), {
			operation,
			status: response.statusCode,
			message: `The file link answered ${response.statusCode} to ${operation}`,
			description: 'The export link may have expired: get the download again for a fresh link.',
			apiKey: credentials.apiKey,
		});
	}
	// The Timeout of the request is how long the file host may stay silent.
	const data = await readCapped.call(this, response, file, deadline, Number(options.timeout));
	return { data, mimeType: mimeTypeOf(response.headers['content-type'], file.extension) };
}
