// Renders the app icons from scripts/icon-source.svg with the system Chromium. Run by hand
// (`node scripts/icons.js`) when the icon changes; the PNGs are committed.
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumPath } from './chromium-path.js';

const svg = readFileSync(new URL('./icon-source.svg', import.meta.url), 'utf8');
const targets = [
	{ file: 'static/icons/icon-192.png', size: 192, inset: false },
	{ file: 'static/icons/icon-512.png', size: 512, inset: false },
	// maskable: the launcher crops to a circle or squircle, so the artwork has a wider margin
	{ file: 'static/icons/icon-maskable-512.png', size: 512, inset: true },
	{ file: 'static/apple-touch-icon.png', size: 180, inset: false }
];

const browser = await chromium.launch({ executablePath: chromiumPath() });
const page = await browser.newPage();
for (const { file, size, inset } of targets) {
	const art = inset ? svg.replace('scale(0.78)', 'scale(0.62)') : svg;
	await page.setViewportSize({ width: size, height: size });
	await page.setContent(
		`<style>html,body{margin:0}svg{display:block;width:${size}px;height:${size}px}</style>${art}`
	);
	await page.screenshot({ path: file, omitBackground: false });
	console.log(`wrote ${file}`);
}
await browser.close();
