import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { Sandbox } from '../../sandbox';
import { sandboxCredential } from '../environment';
import { waitFor } from '../processes';
import { fromBody, SANDBOX_CREDENTIAL } from '../workflows';
import type { CheckGroup, Context } from './context';
import { recordedError } from './errors';
import { STAND_IN_KEY, startStandInHosts, type StandInHosts, type Trickle } from './stand-in-hosts';

const STAND_IN_CREDENTIAL = { id: 'leadsopediaStd01', name: 'Leadsopedia stand-in' };
/** The stand-in's key as pasted with a zero-width space, a zero-width joiner and a line feed in it. */
const SAVED_KEY = `${STAND_IN_KEY.slice(0, 8)}\u200B${STAND_IN_KEY.slice(8, 13)}\u200D${STAND_IN_KEY.slice(13)}\n`;
/** The key as sent and as saved (its line feed aside: JSON escapes it, so a search could not find it). */
const BOTH_KEYS = [STAND_IN_KEY, SAVED_KEY.trim()];
const SECONDS = 2;

const onStandIn = { credential: STAND_IN_CREDENTIAL };

/** Waits for the stand-in to see the trickled answer's connection closed, and answers it. */
async function closedTrickle(hosts: StandInHosts, path: string): Promise<Trickle> {
	return await waitFor(`the connection of ${path} to close`, 90_000, async () => hosts.trickles.find((trickle) => trickle.path === path && trickle.closed));
}

const describeTrickle = (trickle: Trickle, ms: number) => `..    ${trickle.path}: ${trickle.bytesSent} bytes trickled before the hang-up, failed after ${ms} ms`;

/**
 * The transport of issue 19 in a real n8n: the key header the nodes set themselves, keys
 * saved with invisible characters, total deadlines (Timeout for the API and the Test button,
 * Max Download Time for the file host) and Download File's redirect policy, against stand-in
 * hosts that answer what the sandbox never does. The stand-in credential is imported
 * pointing at the sandbox, then edited through the editor's REST call once the stand-ins
 * listen (their ports are unknown at import).
 */
export const transportChecks: CheckGroup = {
	credentials: (sandbox: Sandbox) => [sandboxCredential(sandbox, { ...SANDBOX_CREDENTIAL, ...STAND_IN_CREDENTIAL })],
	workflows: [
		{ path: 'stand-in-account', parameters: { resource: 'account', operation: 'get', requestOptions: { timeout: fromBody('timeoutMs') } }, ...onStandIn },
		{
			path: 'stand-in-getFile',
			parameters: { resource: 'download', operation: 'getFile', downloadId: fromBody('downloadId'), binaryPropertyName: 'file', options: { maxDownloadTime: SECONDS } },
			webhook: { responseData: 'firstEntryBinary', responseBinaryPropertyName: 'file' },
			...onStandIn,
		},
	],

	async run(context: Context) {
		const { runner, api } = context;
		const hosts = await startStandInHosts();
		const standInData = { apiKey: SAVED_KEY, baseUrl: `${hosts.api.origin}/v1`, requestInterval: 0, maxTries: 1 };
		const test = (data: Record<string, unknown>) => api.testCredential({ ...STAND_IN_CREDENTIAL, type: SANDBOX_CREDENTIAL.type }, { ...standInData, ...data });
		const failure = (path: string, body: Record<string, unknown>) => recordedError(context, path, body, BOTH_KEYS);
		const keysSeen = () => hosts.seen.map((request) => request.key);
		/** Download File through the webhook, which answers the file itself; the stand-ins' log starts empty. */
		const downloadsTheFile = async (downloadId: number) => {
			hosts.seen.length = 0;
			const response = await api.webhook('stand-in-getFile', { downloadId });
			const text = await response.text();
			assert.equal(response.status, 200, `webhook answered ${response.status}: ${text.slice(0, 300)}`);
			assert.equal(text, hosts.fileContent);
		};
		try {
			await api.rest('PATCH', `/rest/credentials/${STAND_IN_CREDENTIAL.id}`, { ...STAND_IN_CREDENTIAL, type: SANDBOX_CREDENTIAL.type, data: standInData });

			await runner.check('Test button: a key saved with a zero-width space, a joiner and a line feed in it goes out without them', async () => {
				hosts.seen.length = 0;
				assert.deepEqual(await test({}), { status: 'OK', message: 'Connection successful!' });
				assert.deepEqual(keysSeen(), [STAND_IN_KEY]);
			});
			await runner.check('Test button: a 401 quoting that key shows no key', async () => {
				hosts.accountAnswer = 'rejected';
				const result = await test({});
				assert.equal(result.status, 'Error', JSON.stringify(result));
				for (const key of BOTH_KEYS) assert.ok(!JSON.stringify(result).includes(key), `the key appears: ${JSON.stringify(result)}`);
			});
			await runner.check(`Test button: an answer trickled a byte every 250 ms is given up at the Timeout (${SECONDS} s), its connection closed`, async () => {
				const started = Date.now();
				const result = await test({ baseUrl: `${hosts.api.origin}/slow/v1`, timeout: SECONDS });
				const ms = Date.now() - started;
				assert.deepEqual(result, {
					status: 'Error',
					message: `The Leadsopedia API at ${hosts.api.origin} did not answer within ${SECONDS} seconds (ETIMEDOUT). Check the Base URL, or raise Timeout if the network is slow.`,
				});
				const trickle = await closedTrickle(hosts, '/slow/v1/account');
				console.log(describeTrickle(trickle, ms));
				assert.ok(trickle.hungUp, 'n8n read the trickle to its end');
			});
			await runner.check('a 401 quoting the key (saved with invisible characters) says the key was rejected; no key in the error or the execution data', async () => {
				hosts.accountAnswer = 'rejected';
				hosts.seen.length = 0;
				const error = await failure('stand-in-account', { timeoutMs: 60_000 });
				assert.match(String(error.message), /rejected the API key/);
				assert.match(String(error.description), /^Invalid API key /);
				assert.deepEqual(keysSeen(), [STAND_IN_KEY], 'the key went out as the Test button sends it');
			});
			await runner.check(`a node call whose answer trickles ends at the Timeout in all (${SECONDS} s in Request Options), not at a silence, its connection closed`, async () => {
				hosts.accountAnswer = 'trickled';
				hosts.trickles.length = 0;
				const started = Date.now();
				const error = await failure('stand-in-account', { timeoutMs: SECONDS * 1000 });
				const ms = Date.now() - started;
				assert.equal(error.message, 'Could not reach Leadsopedia to get account');
				assert.match(String(error.description), new RegExp(`^No complete answer arrived within ${SECONDS} s \\(ETIMEDOUT\\)`));
				const trickle = await closedTrickle(hosts, '/v1/account');
				console.log(describeTrickle(trickle, ms));
				assert.ok(trickle.hungUp, 'n8n read the trickle to its end');
			});
			await runner.check('Download File follows two redirects on this machine (one relative) to the file, never with the key', async () => {
				await downloadsTheFile(hosts.downloads.redirected);
				assert.deepEqual(hosts.seen, [
					{ path: `/v1/downloads/${hosts.downloads.redirected}`, key: STAND_IN_KEY },
					{ path: '/hop/2' },
					{ path: '/hop/1' },
					{ path: '/leads.csv' },
				]);
			});
			await runner.check("Download File reads a file on the API's own origin with the key, as a stream within its deadline", async () => {
				await downloadsTheFile(hosts.downloads.onApiOrigin);
				assert.deepEqual(keysSeen(), [STAND_IN_KEY, STAND_IN_KEY]);
			});
			await runner.check('Download File does not follow a redirect to the cloud metadata address (169.254.169.254), and says so', async () => {
				const error = await failure('stand-in-getFile', { downloadId: hosts.downloads.toMetadata });
				assert.equal(error.message, 'The file link redirected to http://169.254.169.254, which is not followed');
				assert.match(String(error.description), /^Not followed because that is a private, link-local or local-network address\. Redirects are followed at most/);
			});
			await runner.check(`Download File gives up a file trickled a byte every 250 ms at its Max Download Time (${SECONDS} s), its connection closed`, async () => {
				hosts.trickles.length = 0;
				const started = Date.now();
				const error = await failure('stand-in-getFile', { downloadId: hosts.downloads.trickled });
				const ms = Date.now() - started;
				assert.equal(error.message, `The file host did not send the whole file within the Max Download Time of ${SECONDS} s`);
				const trickle = await closedTrickle(hosts, '/slow.csv');
				console.log(describeTrickle(trickle, ms));
				assert.ok(trickle.hungUp, 'n8n read the trickle to its end');
			});
			await runner.check("Download File from the API's own origin (the key goes with it) refused with the key quoted: no key in the error or the execution data", async () => {
				hosts.seen.length = 0;
				const error = await failure('stand-in-getFile', { downloadId: hosts.downloads.refusedWithKey });
				assert.equal(error.message, 'The file link answered 403 to download file');
				assert.deepEqual(keysSeen(), [STAND_IN_KEY, STAND_IN_KEY], 'the key went to the API and to the file on its origin');
			});
			await runner.check("n8n's log holds the key in neither form after these cases", async () => {
				const log = fs.readFileSync(context.n8n.serverLog, 'utf8');
				for (const key of BOTH_KEYS) assert.ok(!log.includes(key), `the key appears in ${context.n8n.serverLog}`);
			});
		} finally {
			await hosts.stop();
		}
	},
};
