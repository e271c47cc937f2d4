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
	// Every core (jest's default leaves one to itself: one worker on a 2-core CI machine). The
	// randomized trigger tests are most of the suite's time and run side by side in their files.
	maxWorkers: '100%',
};
