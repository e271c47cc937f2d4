/**
 * The browser suite: a new user's steps in the real n8n editor (2.x, the e2e harness's,
 * with the packed package and the sandbox), in Debian's headless Chromium.
 *
 *   npm run test:ui                 # ends with "N passed, M failed"
 *   npm run screenshots             # the same run, saving README's pictures in docs/screenshots
 *
 * Asserts on texts, counts and images that load, not on pixels. Logs, n8n's user folder
 * and the browser profile are kept in a temporary folder when a case failed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Locator } from 'playwright-core';
import { prepareEnvironment, type Environment } from '../environment';
import { REPO } from '../package-tarball';
import { killChildrenOnExit } from '../processes';
import { exitWith, Runner } from '../runner';
import { N8N_2 } from '../versions';
import { readExamples } from '../workflows';
import { launchBrowser } from './browser';
import { uiCases, type UiContext } from './cases';

const SCREENSHOTS_DIR = path.join(REPO, 'docs', 'screenshots');

/** A failed check on one of issue 13's points says which. */
const uxPoint: UiContext['uxPoint'] = async (point, what, check) => {
	try {
		await check();
	} catch (error) {
		throw new Error(`issue 13 point ${point}, ${what}: ${(error as Error).message}`);
	}
};

async function main(): Promise<number> {
	killChildrenOnExit();
	const takeScreenshots = process.argv.includes('--screenshots');
	const runner = new Runner();
	runner.section = `n8n ${N8N_2.n8n}, Chromium`;
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'leadsopedia-ui-'));
	const examples = readExamples();
	let env: Environment | undefined;
	let browser: BrowserContext | undefined;
	try {
		const ready = await runner.check('set-up: n8n with the packed package, the sandbox, the examples; Chromium with an empty profile', async () => {
			env = await prepareEnvironment({ flavor: N8N_2, workDir, workflows: [...examples.values()], log: (message) => console.log(`..    ${message}`) });
			await env.n8n.start();
			// Creates the owner account the cases sign in with.
			await env.api.signIn();
			browser = (await launchBrowser(path.join(workDir, 'chromium-profile'))).context;
		});
		if (!ready || !env || !browser) return runner.finish();
		if (takeScreenshots) fs.mkdirSync(SCREENSHOTS_DIR, { recursive: true });
		const context: UiContext = {
			page: browser.pages()[0],
			n8nUrl: env.n8n.baseUrl,
			sandbox: env.sandbox,
			examples: new Map([...examples].map(([file, workflow]) => [file, { id: workflow.id, name: workflow.name }])),
			async shot(name: string, area?: Locator) {
				if (takeScreenshots) await (area ?? context.page).screenshot({ path: path.join(SCREENSHOTS_DIR, `${name}.png`), animations: 'disabled' });
			},
			uxPoint,
		};
		for (const uiCase of uiCases) {
			const passed = await runner.check(uiCase.name, () => uiCase.run(context));
			if (!passed) await context.page.screenshot({ path: path.join(workDir, `failed-${runner.failed}.png`) }).catch(() => undefined);
		}
	} finally {
		await browser?.close().catch(() => undefined);
		await env?.close();
	}
	const code = runner.finish();
	if (code === 0) fs.rmSync(workDir, { recursive: true, force: true });
	else console.log(`..    logs, n8n's user folder and screenshots of failures kept in ${workDir}`);
	return code;
}

exitWith(main);
