// Screenshots of pages at phone and desktop size, light and dark, for a person to look at.
// Usage: node scripts/screenshots.js [/path ...]   (serves build/; run `npm run build` first)
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './chromium-path.js';
import { serveBuild } from './serve.js';

const paths = process.argv.slice(2).length ? process.argv.slice(2) : ['/', '/settings'];
const sizes = [
	{ name: 'phone', width: 390, height: 844 },
	{ name: 'desktop', width: 1280, height: 800 }
];
mkdirSync('screenshots', { recursive: true });
const server = await serveBuild({ root: 'build', port: 0 });
const browser = await chromium.launch({
	executablePath: chromiumPath(),
	args: CHROMIUM_ARGS
});
for (const size of sizes) {
	for (const colorScheme of /** @type {const} */ (['light', 'dark'])) {
		const page = await browser.newPage({ viewport: size, colorScheme });
		for (const path of paths) {
			await page.goto(`${server.url}${path}`);
			await page.waitForLoadState('networkidle');
			const name = `${path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home'}-${size.name}-${colorScheme}`;
			await page.screenshot({ path: `screenshots/${name}.png`, fullPage: false });
			console.log(`screenshots/${name}.png`);
		}
		await page.close();
	}
}
await browser.close();
await server.close();
