// Untrusted text (assignment titles, instructions, names, receipts) goes through every input:
// nothing in it may run, and nothing may break the layout.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const HOSTILE = [
	'<script>window.__pwned = 1</script>',
	'<img src=x onerror="window.__pwned = 2">',
	'javascript:window.__pwned = 3',
	'" onmouseover="window.__pwned = 4" x="',
	'{@html "<b>x</b>"} ${window.__pwned = 5}',
	'\u202Eevil\u202C right-to-left override',
	'Z\u0351\u0352\u0357\u035B\u0346a\u0310\u0351l\u0313g\u0308o',
	'lone surrogate \uD800 here',
	'👩🏽‍🏫📚🇲🇱',
	'W'.repeat(400)
];

async function expectHarmless(page: Page) {
	expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
	expect(
		await page.locator('main script, main img, main [onerror], main [onmouseover]').count()
	).toBe(0);
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow, 'the page scrolls sideways').toBeLessThanOrEqual(1);
}

test('hostile text in an assignment and a student name shows as text and breaks nothing', async ({
	page
}) => {
	await page.goto('/assign');
	const title = HOSTILE[1]! + HOSTILE[6];
	await page.getByLabel('Title', { exact: true }).fill(title);
	await page.getByLabel('Your name').fill(HOSTILE[3]!);
	await page.getByLabel('Instructions').fill(HOSTILE.join('\n'));
	await page.getByLabel('Attempts allowed (0: no limit)').fill('0');
	await page.getByRole('button', { name: 'Create assignment' }).click();
	await expect(page.getByRole('heading', { name: /Share/ })).toContainText('<img src=x');
	await expectHarmless(page);

	const link = await page.getByLabel('Assignment link', { exact: true }).inputValue();
	await page.goto(link);
	await expect(page.getByRole('heading', { level: 2 })).toHaveText(title);
	await expect(page.getByText(HOSTILE[0]!)).toBeVisible();
	await expectHarmless(page);
	for (const name of [HOSTILE[0]!, HOSTILE[9]!.slice(0, 80)]) {
		await page.goto('/a');
		await page.goto(link);
		await page.getByLabel('Your name').fill(name);
		await page.getByRole('button', { name: 'Start' }).click();
		await page.getByRole('button', { name: 'Submit now' }).click();
		await expect(
			page.getByRole('heading', { name: 'Submitted: hand in your receipt' })
		).toBeVisible();
		await expectHarmless(page);
	}
	const receipt = await page.getByLabel('Your receipt', { exact: true }).inputValue();

	await page.goto('/gradebook');
	await page.getByLabel('Paste receipts, one per line').fill([...HOSTILE, receipt].join('\n'));
	await page.getByRole('button', { name: 'Import' }).click();
	await expect(page.getByRole('status').filter({ hasText: '1 receipt imported.' })).toBeVisible();
	await expect(page.getByText(`${HOSTILE.length} refused`)).toBeVisible();
	await expect(
		page.getByRole('region', { name: 'Students' }).getByRole('row', { name: /W{20}/ })
	).toBeVisible();
	await expectHarmless(page);
});
