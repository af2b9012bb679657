import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/chromium-path.js';
import { serveBuild } from './scripts/serve.js';
const server = await serveBuild({ root: 'build', port: 0 });
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
for (const size of [{ name: 'phone', width: 390, height: 844 }, { name: 'desktop', width: 1280, height: 800 }]) {
	const ctx = await browser.newContext({ viewport: size, colorScheme: size.name === 'phone' ? 'dark' : 'light' });
	const page = await ctx.newPage();
	await page.goto(`${server.url}/assign`);
	const types = page.getByRole('group', { name: 'Question types' });
	for (const box of await types.getByRole('checkbox').all()) {
		const name = (await box.evaluate((input) => input.parentElement?.textContent ?? '')).trim();
		await box.setChecked(name === 'Fill the gap');
	}
	await page.getByLabel('Number of questions').selectOption('20');
	await page.getByLabel('Title', { exact: true }).fill('Long answers');
	await page.getByLabel('Time limit in minutes (optional)').fill('30');
	await page.getByRole('button', { name: 'Create assignment' }).click();
	const link = await page.getByLabel('Assignment link', { exact: true }).inputValue();
	await page.goto(link);
	await page.getByLabel('Your name').fill('Aminata');
	await page.getByRole('button', { name: 'Start' }).click();
	await page.getByRole('textbox').fill('a typed answer');
	await page.screenshot({ path: `screenshots/attempt-${size.name}.png` });
	let seed = 7;
	const word = () => Array.from({ length: 8 }, () => String.fromCharCode(97 + ((seed = (seed * 48271) % 2147483647) % 26))).join('');
	for (let i = 0; i < 20; i++) {
		await page.getByRole('textbox').fill(Array.from({ length: 25 }, word).join(' '));
		await page.getByRole('button', { name: i === 19 ? 'Submit' : 'Next' }).click();
	}
	await page.getByRole('heading', { name: 'Submitted: hand in your receipt' }).waitFor();
	await page.screenshot({ path: `screenshots/receipt-parts-${size.name}.png`, fullPage: true, clip: { x: 0, y: 0, width: size.width, height: 2400 } });
	await page.goto(`${server.url}/a`);
	await page.getByRole('button', { name: 'Show receipt' }).waitFor();
	await page.screenshot({ path: `screenshots/my-assignments-${size.name}.png` });
	// a second tab on the same attempt
	const p2 = await ctx.newPage();
	await p2.goto(`${server.url}/quiz`);
	await p2.getByRole('button', { name: 'Start quiz' }).click();
	const p3 = await ctx.newPage();
	await p3.goto(`${server.url}/quiz`);
	await p3.getByRole('button', { name: 'Resume quiz' }).click();
	await p3.getByRole('button', { name: 'Continue here' }).waitFor();
	await p3.screenshot({ path: `screenshots/elsewhere-${size.name}.png` });
	await ctx.close();
}
await browser.close();
await server.close();
