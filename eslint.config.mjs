// n8n's own community-node rule sets, exactly as `n8n-node lint` applies them, on the
// shipped code (nodes/, credentials/, package.json). The development folders are kept out:
// they are never published and need what node code may not use (process, timers,
// console). n8n-node's strict mode demands this file unchanged, hence "strict": false in
// package.json (CONTRIBUTING.md, Lint and n8n's checks).
import { config } from '@n8n/node-cli/eslint';

export default [
	...config,
	{ ignores: ['dist/**', 'scripts/**', 'sandbox/**', 'test/**', 'bench/**', 'e2e/**', 'examples/**', 'gulpfile.js', 'jest.config.js', 'index.js'] },
];
