// n8n's own community-node rule sets, exactly as `n8n-node lint` applies them.
import { config } from '@n8n/node-cli/eslint';

export default [
	...config,
	{ ignores: ['dist/**', 'sandbox/**', 'test/**', 'bench/**', 'e2e/**', 'examples/**', 'gulpfile.js', 'jest.config.js', 'index.js'] },
];
