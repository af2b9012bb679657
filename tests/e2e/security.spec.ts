import { test as withoutConsoleCheck, type Page } from '@playwright/test';
import { PAGES, expect, test } from './fixtures';
import { E2E_PORT } from '../../playwright.config';

/** Records CSP violations and requests to other origins for the rest of the test. */
async function watch(page: Page) {
	await page.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { __csp: string[] }).__csp = seen;
		document.addEventListener('securitypolicyviolation', (event) =>
			seen.push(`${event.violatedDirective}: ${event.blockedURI}`)
		);
	});
	const foreign: string[] = [];
	page.on('request', (request) => {
		const url = new URL(request.url());
		if (['data:', 'blob:'].includes(url.protocol)) return;
		if (url.host !== `127.0.0.1:${E2E_PORT}`) foreign.push(request.url());
	});
	return {
		violations: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp),
		foreign
	};
}

test('every page has a Content Security Policy, raises no violation and asks no other origin', async ({
	page
}) => {
	const watcher = await watch(page);
	for (const { path, heading } of PAGES) {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
		await page.waitForLoadState('networkidle');
		const policy = await page
			.locator('meta[http-equiv="content-security-policy"]')
			.getAttribute('content');
		expect(policy, `${path} has a CSP`).toContain("script-src 'self'");
		expect(policy).toContain("object-src 'none'");
		expect(policy).not.toContain("'unsafe-inline' 'self'; script");
		expect(await watcher.violations(), `CSP violations on ${path}`).toEqual([]);
	}
	expect(watcher.foreign).toEqual([]);
});

// the blocked script logs a console error by design, so this test does not fail on those
withoutConsoleCheck(
	'an inline script injected into a page is blocked by the policy',
	async ({ page }) => {
		const watcher = await watch(page);
		await page.goto('/');
		await page.evaluate(() => {
			const script = document.createElement('script');
			script.textContent = 'window.__ran = true';
			document.body.append(script);
		});
		expect(await page.evaluate(() => (window as { __ran?: boolean }).__ran)).toBeUndefined();
		expect((await watcher.violations()).join()).toContain('script-src');
	}
);
