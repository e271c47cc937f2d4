import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';
import { credentialProblem, credentialsFrom } from './credentials';
import { Deadline, isTimeoutCode, release, textWithin } from './deadline';
import { inTestTurn, TurnNotTaken } from './test-turn';
import { networkCodeOf } from './transport';

const SERVER_FAILURE = 'The Leadsopedia server failed to answer. The key may be fine: test again in a few minutes.';
const CHECK_BASE_URL = 'Check the Base URL: https://api.leadsopedia.com/v1 unless you go through a proxy.';

/** The Test button's message for each HTTP status the API gives: what is wrong and what to do. */
const ANSWERS: Record<number, string> = {
	401: 'Leadsopedia rejected the API key. Copy it again from Leadsopedia under Settings → API Key and paste it here.',
	403: 'The API key has no access to the Leadsopedia API. Check that your plan includes API access, or use a key of an account that has it.',
	404: 'No Leadsopedia API at this Base URL. Use https://api.leadsopedia.com/v1 unless you go through a proxy.',
	429: 'The Leadsopedia rate limit for this key is reached, so the key could not be checked now. Test again later.',
	500: SERVER_FAILURE,
	502: SERVER_FAILURE,
	503: SERVER_FAILURE,
};

interface FullResponse {
	statusCode: number;
	headers: Record<string, unknown>;
	body: unknown;
}

const failed = (message: string): INodeCredentialTestResult => ({ status: 'Error', message });

function isAccount(body: unknown): boolean {
	try {
		const account: unknown = typeof body === 'string' ? JSON.parse(body) : body;
		return typeof account === 'object' && account !== null && !Array.isArray(account);
	} catch {
		return false;
	}
}

function originOf(location: unknown, baseUrl: string): string | undefined {
	try {
		return new URL(String(location), baseUrl).origin;
	} catch {
		return undefined;
	}
}

function verdictOn(response: FullResponse, baseUrl: string): INodeCredentialTestResult {
	const status = response.statusCode;
	if (status >= 200 && status < 300) {
		return isAccount(response.body)
			? { status: 'OK', message: 'Connection successful!' }
			: failed(`The Base URL answered, but not as the Leadsopedia API does. ${CHECK_BASE_URL}`);
	}
	if (status >= 300 && status < 400) {
		const target = originOf(response.headers.location, baseUrl);
		return failed(
			`The Base URL answered with a redirect (${status})${target ? ` to ${target}` : ''}. The key is never sent on a redirect: enter the API's own address as the Base URL.`,
		);
	}
	return failed(ANSWERS[status] ?? `The Base URL answered ${status}, an answer the Leadsopedia API never gives. ${CHECK_BASE_URL}`);
}

function unreachable(origin: string, code: string, timeoutMs: number): string {
	if (isTimeoutCode(code)) {
		const seconds = timeoutMs / 1000;
		return `The Leadsopedia API at ${origin} did not answer within ${seconds} second${seconds === 1 ? '' : 's'} (${code}). Check the Base URL, or raise Timeout if the network is slow.`;
	}
	if (code.includes('CERT')) {
		return `The certificate of ${origin} is not trusted (${code}), so the key was not sent. Check the Base URL.`;
	}
	return `Could not reach the Leadsopedia API at ${origin} (${code}). Check the Base URL, and that this n8n can reach the internet.`;
}

/**
 * The credential dialog's Test button. A declarative `test` on the credential could only
 * name HTTP answers: n8n shows a bare code (ECONNREFUSED, ERR_BAD_REQUEST) for anything
 * else, and it sends a second call after a 401. This function says what is wrong and what
 * to do in every case, and spends at most one call of the key's quota, in its turn in the
 * key's lane (test-turn.ts).
 * Both nodes name it with `testedBy: 'leadsopediaApiTest'`.
 */
export async function leadsopediaApiTest(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const problem = credentialProblem(data);
	if (problem) return failed(problem.description ? `${problem.message}. ${problem.description}` : problem.message);

	const { apiKey, baseUrl, intervalMs, timeoutMs } = credentialsFrom(data);
	// A credential test's context has no httpRequest: request() is the one HTTP helper n8n
	// gives it (ICredentialTestFunctions), and it applies n8n's proxy settings. n8n's linter
	// flags `this.helpers.request` as deprecated for httpRequest, which does not exist here.
	const { request } = this.helpers;
	let response: FullResponse;
	try {
		// In the key's lane, like every call of the key in this process; Timeout counts from the call.
		response = await inTestTurn(apiKey, intervalMs, async () => {
			// request() takes no abort signal: the exchange is raced against Timeout, and the
			// body, asked for as a stream, is dropped (with its connection) when the time is up.
			const deadline = new Deadline(timeoutMs);
			const sent = request({
				method: 'GET',
				uri: `${baseUrl}/account`,
				headers: { 'X-Api-Key': apiKey, Accept: 'application/json' },
				json: false,
				// Every status comes back as an answer; a redirect is never followed with the key.
				simple: false,
				resolveWithFullResponse: true,
				followRedirect: false,
				timeout: timeoutMs,
				useStream: true,
			}) as Promise<FullResponse>;
			const answer = await deadline.race(sent, (late) => release(late.body));
			return { ...answer, body: await textWithin(deadline, answer.body) };
		});
	} catch (error) {
		if (error instanceof TurnNotTaken) return failed(error.message);
		// Only the code: the client's error holds the request, key header included.
		return failed(unreachable(new URL(baseUrl).origin, networkCodeOf(error), timeoutMs));
	}
	return verdictOn(response, baseUrl);
}
