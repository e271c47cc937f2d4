/** Unit and integration tests: the node runs through n8n-core's real engine. */
module.exports = {
	testEnvironment: 'node',
	testMatch: ['<rootDir>/test/**/*.test.ts'],
	// tsconfig.test.json sets isolatedModules: ts-jest then only transpiles, which keeps each
	// file fast; `npm run typecheck` type-checks everything once.
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	setupFiles: ['<rootDir>/test/setup-env.ts'],
	// Generous: with both cores busy a test takes several times as long. Tests assert waits
	// and order, not wall-clock time; this only ends a test that hangs.
	testTimeout: 120000,
};
