// On a 320 px and a 390 px phone, in English and in French: no page scrolls sideways and no
// word is broken in the middle (a word whose letters land on two lines shows as two boxes).
import type { Page } from '@playwright/test';
import { FRENCH_PAGES, PAGES, expect, test } from './fixtures';

/** Words (with the element that holds them) whose letters are laid out on more than one line. */
function brokenWords(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const broken: string[] = [];
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const parent = node.parentElement;
			if (!parent || parent.closest('.visually-hidden, svg, [hidden], script, style')) continue;
			const text = node.textContent ?? '';
			for (const match of text.matchAll(/[^\s]{2,}/g)) {
				const range = document.createRange();
				range.setStart(node, match.index);
				range.setEnd(node, match.index + match[0].length);
				const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
				if (lines.size > 1) broken.push(`${match[0]} (in <${parent.tagName.toLowerCase()}>)`);
			}
		}
		return broken;
	});
}

/** Elements told to break words anywhere: a word broken on purpose is still broken. */
function breakAnywhere(page: Page): Promise<string[]> {
	return page.evaluate(() =>
		[...document.querySelectorAll('body *')]
			.filter((element) => {
				const style = getComputedStyle(element);
				return (
					style.wordBreak === 'break-all' ||
					style.overflowWrap === 'anywhere' ||
					style.hyphens === 'auto'
				);
			})
			.map((element) => `<${element.tagName.toLowerCase()} class="${element.className}">`)
	);
}

for (const width of [320, 390]) {
	for (const { path, heading } of [...PAGES, ...FRENCH_PAGES]) {
		test(`${path} at ${width} px: no sideways scroll, no word broken`, async ({ page }) => {
			await page.setViewportSize({ width, height: 800 });
			await page.goto(path);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
			await page.waitForLoadState('networkidle');
			const widths = await page.evaluate(() => ({
				scroll: document.documentElement.scrollWidth,
				client: document.documentElement.clientWidth
			}));
			expect(widths.scroll, 'the page is wider than the screen').toBeLessThanOrEqual(widths.client);
			expect(await brokenWords(page)).toEqual([]);
			expect(await breakAnywhere(page)).toEqual([]);
		});
	}
}
