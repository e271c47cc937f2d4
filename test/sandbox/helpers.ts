import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox';

/** A sandbox without the interval, for tests of behaviour rather than of the limits. */
export const startFast = (options: SandboxOptions = {}) => startSandbox({ intervalMs: 0, ...options });

/** One fast sandbox for a whole test file: filled in before its tests, stopped after them. */
export function useSandbox(options: SandboxOptions = {}): Sandbox {
	const sandbox = {} as Sandbox;
	beforeAll(async () => {
		Object.assign(sandbox, await startFast(options));
	});
	afterAll(() => sandbox.stop());
	return sandbox;
}

export interface CallOptions {
	/** The key to send; default the demo key; null sends none. */
	key?: string | null;
	/** A JSON body (sent with Content-Type: application/json). */
	body?: unknown;
	headers?: Record<string, string>;
}

export interface CallResult {
	status: number;
	headers: Headers;
	text: string;
	json: any;
}

/** One call to the sandbox API at `path` (below /v1). */
export async function call(sandbox: Sandbox, method: string, path: string, options: CallOptions = {}): Promise<CallResult> {
	const headers: Record<string, string> = { ...options.headers };
	const key = options.key === undefined ? sandbox.apiKey : options.key;
	if (key !== null) headers['X-Api-Key'] = key;
	let body: string | undefined;
	if (options.body !== undefined) {
		body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
		headers['Content-Type'] ??= 'application/json';
	}
	const response = await fetch(sandbox.baseUrl + path, { method, headers, body });
	const text = await response.text();
	let json: unknown;
	try {
		json = text ? JSON.parse(text) : undefined;
	} catch {
		json = undefined;
	}
	return { status: response.status, headers: response.headers, text, json };
}

/** Expects a JSON error answer `{error, message}` with this status. */
export function expectError(result: CallResult, status: number): void {
	expect({ status: result.status, error: typeof result.json?.error, message: typeof result.json?.message }).toEqual({
		status,
		error: 'string',
		message: 'string',
	});
}
