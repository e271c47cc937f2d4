/**
 * A minimal check runner: the suite's cases share one running n8n, so they run in order,
 * each reported as it ends, closing with the line `N passed, M failed`.
 */
export class Runner {
	private passed = 0;
	/** Failures so far. */
	failed = 0;
	/** Names the n8n the following cases run in. */
	section = '';

	async check(check: string, body: () => Promise<void>): Promise<boolean> {
		const name = this.section ? `[${this.section}] ${check}` : check;
		const started = Date.now();
		try {
			await body();
			this.passed++;
			console.log(`ok    ${name} (${Date.now() - started} ms)`);
			return true;
		} catch (error) {
			this.failed++;
			console.log(`FAIL  ${name} (${Date.now() - started} ms)\n      ${describeError(error).replace(/\n/g, '\n      ')}`);
			return false;
		}
	}

	/** Prints the closing line; the exit code the process should end with. */
	finish(): number {
		console.log(`${this.passed} passed, ${this.failed} failed`);
		return this.failed === 0 && this.passed > 0 ? 0 : 1;
	}
}

function describeError(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/** Ends the process with the suite's exit code; an unexpected exception still ends with the closing line. */
export function exitWith(suite: () => Promise<number>): void {
	suite().then(
		(code) => process.exit(code),
		(error) => {
			console.error(error);
			console.log('0 passed, 1 failed');
			process.exit(1);
		},
	);
}
