import fs from 'node:fs';
import path from 'node:path';
import { chromium, selectors, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`): a registry browser download does not work here. */
const CHROMIUM = '/usr/bin/chromium';

/** Headless, and nothing that phones home or updates itself while the suite runs. */
const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

/** The size README's screenshots are taken at. */
export const VIEWPORT = { width: 1400, height: 880 };

/**
 * Chromium with a new, empty profile in `profileDir` (a folder of the run's own): no
 * cookies, storage or settings carried over between runs.
 */
export async function launchBrowser(profileDir: string): Promise<{ context: BrowserContext; page: Page }> {
	if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium)`);
	fs.mkdirSync(profileDir, { recursive: true });
	if (fs.readdirSync(profileDir).length > 0) throw new Error(`the browser profile ${profileDir} is not empty`);
	// n8n's editor marks its elements with data-test-id.
	selectors.setTestIdAttribute('data-test-id');
	const context = await chromium.launchPersistentContext(path.resolve(profileDir), {
		executablePath: CHROMIUM,
		headless: true,
		args: CHROMIUM_ARGS,
		viewport: VIEWPORT,
		timezoneId: 'UTC',
		locale: 'en-US',
	});
	context.setDefaultTimeout(30_000);
	const page = context.pages()[0] ?? (await context.newPage());
	return { context, page };
}
