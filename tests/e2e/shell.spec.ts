import { PAGES, expect, test } from './fixtures';

for (const { path, heading } of PAGES) {
	test(`${path} shows its heading and no console error @layout`, async ({
		page,
		consoleErrors
	}) => {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
		await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
		await expect(page).toHaveTitle(/Sahel Brief/);
		expect(consoleErrors).toEqual([]);
	});
}

test('every page is reachable from the navigation @layout', async ({ page, consoleErrors }) => {
	await page.goto('/');
	for (const { path, heading } of PAGES) {
		// the link is in the tab bar or the wide navigation, or in the phone header's menu
		const menu = page.getByText('Menu', { exact: true });
		const link = page.locator(`nav a[href="${path}"]:visible`).first();
		if ((await link.count()) === 0) await menu.click();
		await link.click();
		await expect(page).toHaveURL(new RegExp(`${path === '/' ? '/$' : path}$`));
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
		const current = page.locator(`nav a[href="${path}"][aria-current="page"]`);
		// the menu closes once its link has been followed; opened again, it marks the page
		if ((await current.locator('visible=true').count()) === 0) await menu.click();
		await expect(current.locator('visible=true')).not.toHaveCount(0);
		if (await page.getByRole('navigation', { name: 'More' }).isVisible()) await menu.click();
	}
	expect(consoleErrors).toEqual([]);
});

test('the skip link moves the keyboard to the page content @layout', async ({ page }) => {
	await page.goto('/quiz');
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Skip to content' });
	await expect(skip).toBeFocused();
	await expect(skip).toBeInViewport();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/#main$/);
	await expect(page.locator('main')).toBeFocused();
});

test('a theme chosen in Settings applies at once and survives a reload', async ({ page }) => {
	await page.emulateMedia({ colorScheme: 'light' });
	await page.goto('/settings');
	const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
	const light = await background();
	await page.getByRole('radio', { name: 'Dark' }).check();
	await expect.poll(background).not.toBe(light);
	const dark = await background();
	await page.reload();
	await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
	expect(await background()).toBe(dark);
	await page.getByRole('radio', { name: 'Same as this device' }).check();
	await expect.poll(background).toBe(light);
});

test('a theme chosen just before leaving the page is kept', async ({ page }) => {
	await page.emulateMedia({ colorScheme: 'light' });
	await page.goto('/settings');
	// reload at once, without waiting for the database write: the choice must not be lost
	await page.getByRole('radio', { name: 'Dark' }).check();
	await page.reload();
	await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	await page.goto('/');
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('Settings shows whether storage is persistent and how much is used', async ({ page }) => {
	await page.goto('/settings');
	await expect(page.getByTestId('storage-persisted')).toHaveText(
		/Yes, the browser will keep your data|Not yet: the browser may clear it/
	);
	await expect(page.getByTestId('storage-usage')).toHaveText(/\d+(\.\d)? (B|KB|MB|GB)/);
});
