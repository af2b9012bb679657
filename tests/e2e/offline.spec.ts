import { cpSync, mkdtempSync, appendFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveBuild } from '../../scripts/serve.js';
import { PAGES, expect, test, waitForServiceWorker } from './fixtures';

test('after one visit, every page and a deep link open with the server gone and the network off', async ({
	page,
	context
}) => {
	// our own server, so the test can really take it away
	const server = await serveBuild({ root: 'build', port: 0 });
	try {
		await page.goto(`${server.url}/`);
		await waitForServiceWorker(page);
	} finally {
		await server.close();
	}
	await context.setOffline(true);

	for (const { path, heading } of PAGES) {
		await page.goto(`${server.url}${path}`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
	}
	await page.goto(`${server.url}/read#p7`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Read the article');
	await expect(page.getByRole('status').getByText('You are offline.')).toBeVisible();

	// the app's own navigation works offline too
	await page
		.getByRole('navigation', { name: 'Sections' })
		.getByRole('link', { name: 'Quiz' })
		.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Quiz');
});

test('offline, a page reloaded with a query string still opens from the cache', async ({
	page,
	context
}) => {
	const server = await serveBuild({ root: 'build', port: 0 });
	try {
		await page.goto(`${server.url}/`);
		await waitForServiceWorker(page);
	} finally {
		await server.close();
	}
	await context.setOffline(true);

	// links shared or bookmarked with a query string, each opened and then reloaded
	const pages = [
		{ path: '/study?topic=x', heading: 'Study' },
		{ path: '/quiz?x=1', heading: 'Quiz' },
		{ path: '/read?p=3', heading: 'Read the article' },
		{ path: '/progress?utm_source=mail&from=today', heading: 'Your progress' },
		{ path: '/settings?tab=backup', heading: 'Settings' },
		{ path: '/?ref=home', heading: 'Today' },
		{ path: '/a?code=1#not-a-code', heading: 'My assignments' }
	];
	for (const { path, heading } of pages) {
		await page.goto(`${server.url}${path}`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
		await page.reload();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
	}
});

test('a new version waits for the learner: "Update available", then Later or Reload', async ({
	page
}) => {
	const root = mkdtempSync(join(tmpdir(), 'sahel-build-'));
	cpSync('build', root, { recursive: true });
	const server = await serveBuild({ root, port: 0 });
	try {
		await page.goto(`${server.url}/quiz`);
		await waitForServiceWorker(page);
		// the learner comes back: now the page is controlled by the installed worker
		await page.reload();
		expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
		const firstWorker = await page.evaluate(
			async () => (await navigator.serviceWorker.ready).active?.scriptURL
		);
		expect(firstWorker).toContain('/sw.js');

		// publish a new version: a changed service worker
		appendFileSync(join(root, 'sw.js'), '\n// next version\n');
		await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());

		const prompt = page.getByRole('alert').filter({ hasText: 'Update available' });
		await expect(prompt).toBeVisible();
		const marker = await page.evaluate(() => ((window as { marker?: number }).marker = Date.now()));

		await prompt.getByRole('button', { name: 'Later' }).click();
		await expect(prompt).toBeHidden();
		// no reload happened by itself
		expect(await page.evaluate(() => (window as { marker?: number }).marker)).toBe(marker);

		await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
		await page.reload();
		await expect(page.getByRole('alert').filter({ hasText: 'Update available' })).toBeVisible();
		await Promise.all([
			page.waitForEvent('framenavigated'),
			page.getByRole('button', { name: 'Reload' }).click()
		]);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Quiz');
		await expect(page.getByRole('alert')).toHaveCount(0);
	} finally {
		await server.close();
		rmSync(root, { recursive: true, force: true });
	}
});
