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
			// a compound may wrap after its hyphen ("counter-/terror"); runs longer than any word
			// (links, codes) may wrap anywhere: they could never fit a phone's line
			for (const match of text.matchAll(/[^\s-]{2,30}(?![^\s-])/g)) {
				if (match.index > 0 && !/[\s-]/.test(text[match.index - 1]!)) continue;
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

/** Text told to break words anywhere: a word broken on purpose is still broken. Codes and
 * links (one long run with no space) may, since they could never fit a line. */
function breakAnywhere(page: Page): Promise<string[]> {
	return page.evaluate(() =>
		[...document.querySelectorAll('body *')]
			.filter((element) => {
				const style = getComputedStyle(element);
				const text = element.textContent?.trim() ?? '';
				const code = text.length > 30 && !/\s/.test(text);
				return (
					style.wordBreak === 'break-all' ||
					style.hyphens === 'auto' ||
					(style.overflowWrap === 'anywhere' && !code && text !== '')
				);
			})
			.map((element) => `<${element.tagName.toLowerCase()}>: ${element.textContent?.slice(0, 40)}`)
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
