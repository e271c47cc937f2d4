import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

// n8n-core writes an instance config (encryption key) under N8N_USER_FOLDER on first use:
// keep it inside the project's ignored cache rather than in the home folder.
const userFolder = join(__dirname, '..', 'node_modules', '.cache', 'n8n-test-user');
mkdirSync(userFolder, { recursive: true });
process.env.N8N_USER_FOLDER = userFolder;
process.env.N8N_LOG_LEVEL = 'silent';

// n8n-workflow runs the regular expressions it checks parameters with (a resource locator's
// regex) in a vm with a 250 ms timeout. On a busy 2-core machine a trivial regex can miss that
// slice ("Regular expression execution timed out", seen once beside a CI run). The node's
// patterns are fixed, not a user's, so the tests run them natively.
/* eslint-disable-next-line @typescript-eslint/no-require-imports -- after the environment above is set */
const { setSafeRegexEngine } = require('n8n-workflow') as typeof import('n8n-workflow');
setSafeRegexEngine({
	exec: (pattern, input, flags) => new RegExp(pattern, flags).exec(input),
	test: (pattern, input, flags) => new RegExp(pattern, flags).test(input),
	replace: (pattern, input, flags, replacement) => input.replace(new RegExp(pattern, flags), replacement),
	matchAll: (pattern, input, flags) => Array.from(input.matchAll(new RegExp(pattern, flags?.includes('g') ? flags : `${flags ?? ''}g`))),
	split: (pattern, input, flags) => input.split(new RegExp(pattern, flags)),
});
