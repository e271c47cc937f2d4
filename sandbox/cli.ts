/**
 * npm run sandbox -- [--port N] [--interval-ms MS] [--monthly-quota N] [--seed N] [--contacts N] [--order asc|desc] [--variations SEED]
 *
 * Default port 8787, so a demo credential's base URL stays the same between runs; --port 0
 * picks a free one. The first stdout line is exactly `listening on <baseUrl> key <api key>`.
 */
import { parseArgs } from 'node:util';
import { startSandbox, type SandboxOptions } from './index';

function number(name: string, raw: string | undefined): number | undefined {
	if (raw === undefined) return undefined;
	if (!/^\d+$/.test(raw)) throw new Error(`--${name} must be a non-negative integer, got "${raw}"`);
	return Number(raw);
}

function options(argv: string[]): SandboxOptions {
	const { values } = parseArgs({
		args: argv,
		options: {
			port: { type: 'string' },
			'interval-ms': { type: 'string' },
			'monthly-quota': { type: 'string' },
			seed: { type: 'string' },
			contacts: { type: 'string' },
			order: { type: 'string' },
			variations: { type: 'string' },
		},
	});
	if (values.order !== undefined && values.order !== 'asc' && values.order !== 'desc') {
		throw new Error(`--order must be asc or desc, got "${values.order}"`);
	}
	return {
		port: number('port', values.port) ?? 8787,
		intervalMs: number('interval-ms', values['interval-ms']),
		monthlyQuota: number('monthly-quota', values['monthly-quota']),
		seed: number('seed', values.seed),
		contacts: number('contacts', values.contacts),
		order: values.order,
		variations: number('variations', values.variations),
	};
}

async function main(): Promise<void> {
	const sandbox = await startSandbox(options(process.argv.slice(2)));
	console.log(`listening on ${sandbox.baseUrl} key ${sandbox.apiKey}`);
	console.log(`second account key ${sandbox.otherApiKey}; download files on ${sandbox.fileBaseUrl}; Ctrl-C stops`);
	const variation = sandbox.control.variation();
	if (variation) console.log(`variations mode (sandbox/VARIATIONS.md): ${JSON.stringify(variation)}`);
	const stop = () => void sandbox.stop().then(() => process.exit(0));
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

main().catch((error: Error) => {
	console.error(`sandbox: ${error.message}`);
	process.exit(1);
});
