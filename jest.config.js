/** Unit and integration tests: the node runs through n8n-core's real engine. */
module.exports = {
	testEnvironment: 'node',
	testMatch: ['<rootDir>/test/**/*.test.ts'],
	// Type-checking happens once in `npm run typecheck`; transpiling alone keeps each file fast.
	transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true, tsconfig: 'tsconfig.test.json' }] },
	setupFiles: ['<rootDir>/test/setup-env.ts'],
	testTimeout: 30000,
};
