/** Unit and integration tests: the node runs through n8n-core's real engine. */
module.exports = {
	testEnvironment: 'node',
	testMatch: ['<rootDir>/test/**/*.test.ts'],
	// tsconfig.test.json sets isolatedModules: ts-jest then only transpiles, which keeps each
	// file fast; `npm run typecheck` type-checks everything once.
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	setupFiles: ['<rootDir>/test/setup-env.ts'],
	testTimeout: 30000,
};
