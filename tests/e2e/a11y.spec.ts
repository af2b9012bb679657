import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { FRENCH_PAGES, PAGES, expect, test } from './fixtures';

/** Runs axe on the page as it is now and expects no violation (WCAG 2.2 A and AA rules). */
async function expectNoViolations(page: Page, context: string) {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
		.analyze();
	const summary = results.violations.map(
		(violation) =>
			`${violation.id} (${violation.impact}): ${violation.nodes
				.slice(0, 3)
				.map((node) => node.target.join(' '))
				.join(', ')}`
	);
	expect(summary, `axe violations on ${context}`).toEqual([]);
}

for (const colorScheme of ['light', 'dark'] as const) {
	test.describe(`${colorScheme} theme`, () => {
		test.use({ colorScheme });

		for (const { path, heading } of [...PAGES, ...FRENCH_PAGES]) {
			test(`${path} has no accessibility violation @layout`, async ({ page }) => {
				await page.goto(path);
				await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
				// let client-side content (counts, lists) settle before auditing
				await page.waitForLoadState('networkidle');
				await expectNoViolations(page, `${path} (${colorScheme})`);
			});
		}

		test('a study card with its answer revealed has no accessibility violation', async ({
			page
		}) => {
			await page.goto('/study');
			await page.getByRole('button', { name: 'Show answer' }).click();
			await expect(page.getByRole('region', { name: 'Answer' })).toBeVisible();
			await expectNoViolations(page, `revealed card (${colorScheme})`);
		});

		test('own cards: the editor in Cards, a card marked in Read and the Make a card form', async ({
			page
		}) => {
			// three full-page scans, one of the whole article: longer than one flow's 30 s on CI
			test.slow();
			await page.goto('/cards');
			await page.getByRole('button', { name: 'Write a card' }).click();
			const form = page.getByRole('form', { name: 'Write your own card' });
			await form.getByRole('button', { name: 'Save card' }).click();
			await expect(form.getByRole('alert')).toBeVisible();
			await expectNoViolations(page, `the card editor with its message (${colorScheme})`);

			await page.goto('/read');
			const paragraph = page.locator('.article p[id]').first();
			await expect(page.locator('.article [role="button"]').first()).toBeVisible();
			await paragraph.evaluate((p) => {
				const range = document.createRange();
				range.selectNodeContents(p);
				getSelection()!.removeAllRanges();
				getSelection()!.addRange(range);
			});
			await page.getByRole('button', { name: 'Make a card' }).click();
			const dialog = page.getByRole('dialog', { name: 'Make a card' });
			await expect(dialog).toBeVisible();
			await expectNoViolations(page, `the Make a card form (${colorScheme})`);
			await dialog.getByRole('button', { name: 'Save card' }).click();
			await expect(page.getByText('Your card from this paragraph:')).toBeVisible();
			await expectNoViolations(page, `a paragraph with an own card (${colorScheme})`);
		});
	});
}

test('text zoomed to 200% loses nothing: no page scrolls sideways @layout', async ({ page }) => {
	for (const { path, heading } of PAGES) {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
		await page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow, `${path} is wider than the screen at 200% text`).toBeLessThanOrEqual(1);
		await expect(page.getByRole('heading', { level: 1 })).toBeInViewport();
	}
});

test('motion is removed when the user asks for reduced motion', async ({ page }) => {
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await page.goto('/');
	const longest = await page.evaluate(() => {
		let max = 0;
		for (const element of document.querySelectorAll('*')) {
			const style = getComputedStyle(element);
			for (const value of [style.transitionDuration, style.animationDuration]) {
				for (const part of value.split(',')) max = Math.max(max, parseFloat(part) || 0);
			}
		}
		return max;
	});
	expect(longest).toBeLessThan(0.01);
});
