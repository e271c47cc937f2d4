import type { Locator, Page } from 'playwright-core';
import { OWNER } from '../n8n-api';
import { sleep } from '../processes';

/**
 * What a user does in n8n's editor (2.40.x), by the editor's own data-test-id marks and
 * visible texts; the suite's cases are written in these steps.
 */

export async function signIn(page: Page, n8nUrl: string): Promise<void> {
	await page.goto(`${n8nUrl}/signin`);
	await page.getByTestId('emailOrLdapLoginId').locator('input').fill(OWNER.email);
	await page.getByTestId('password').locator('input').fill(OWNER.password);
	await page.getByTestId('form-submit-button').click();
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
}

export async function openWorkflow(page: Page, n8nUrl: string, workflowId: string): Promise<void> {
	await page.goto(`${n8nUrl}/workflow/${workflowId}`);
	await page.getByTestId('canvas-node').first().waitFor();
}

export const canvasNode = (page: Page, name: string): Locator => page.getByTestId('canvas-node').filter({ hasText: name });

/** Opens a node's panel (NDV) by double-clicking it on the canvas. */
export async function openNode(page: Page, name: string): Promise<Locator> {
	await canvasNode(page, name).dblclick();
	const ndv = page.getByTestId('ndv');
	await ndv.waitFor();
	return ndv;
}

export async function closeNode(page: Page): Promise<void> {
	await page.getByTestId('ndv-close-button').click();
	await page.getByTestId('ndv').waitFor({ state: 'hidden' });
}

/** The node creator, searched for `text`. */
export async function searchNodeCreator(page: Page, text: string): Promise<Locator> {
	const creator = page.getByTestId('node-creator');
	if (!(await creator.isVisible())) await page.getByTestId('node-creator-plus-button').click();
	await page.getByTestId('node-creator-search-bar').fill(text);
	return creator;
}

/** Sets a plain text parameter in the open panel. */
export async function fillParameter(page: Page, name: string, value: string): Promise<void> {
	const input = page.getByTestId(`parameter-input-${name}`).locator('input, textarea').first();
	await input.fill(value);
	await input.blur();
}

/** The output panel after its run: the item count it states and its table. */
export async function executeStep(page: Page): Promise<Locator> {
	await page.getByTestId('node-execute-button').click();
	const output = page.getByTestId('output-panel');
	await output.locator('table, [data-test-id="node-error-message"], [class*="error"]').first().waitFor({ timeout: 60_000 });
	return output;
}

/** "3 items" in the output panel's header, as a number. */
export async function statedItemCount(output: Locator): Promise<number> {
	const text = await output.getByTestId('ndv-items-count').innerText();
	const match = /(\d[\d,]*)\s+items?/.exec(text);
	if (!match) throw new Error(`no item count in "${text}"`);
	return Number(match[1].replace(/,/g, ''));
}

/** Runs in the page (the project compiles without DOM types): the src of each image that failed to load. */
const BROKEN_IMAGES = `Array.from(document.images)
	.filter((image) => image.complete && image.naturalWidth === 0 && image.getAttribute('src'))
	.map((image) => image.getAttribute('src'))`;

/** Images on the page that failed to load (an icon that does not render). */
export async function brokenImages(page: Page): Promise<string[]> {
	return (await page.evaluate(BROKEN_IMAGES)) as string[];
}

/** Whether an image element has loaded with a size within `timeoutMs` (icons load after the list shows). */
export async function imageLoaded(image: Locator, timeoutMs = 10_000): Promise<boolean> {
	const deadline = Date.now() + timeoutMs;
	do {
		const loaded = await image.evaluate((element) => {
			const img = element as unknown as { complete: boolean; naturalWidth: number };
			return img.complete && img.naturalWidth > 0;
		});
		if (loaded) return true;
		await sleep(250);
	} while (Date.now() < deadline);
	return false;
}
