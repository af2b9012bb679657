import { expect, test } from './fixtures';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
	expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
	return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('the manifest makes the app installable, with valid icons', async ({ page, request }) => {
	await page.goto('/');
	const href = await page.locator('link[rel="manifest"]').getAttribute('href');
	expect(href).toBeTruthy();
	const response = await request.get(new URL(href!, page.url()).href);
	expect(response.ok()).toBe(true);
	const manifest = await response.json();
	expect(manifest).toMatchObject({
		name: 'Sahel Brief',
		start_url: '/',
		scope: '/',
		display: 'standalone'
	});
	expect(manifest.short_name.length).toBeLessThanOrEqual(12);
	expect(manifest.description.length).toBeGreaterThan(20);
	expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
	expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);

	const wanted = [
		{ sizes: '192x192', purpose: 'any' },
		{ sizes: '512x512', purpose: 'any' },
		{ sizes: '512x512', purpose: 'maskable' }
	];
	for (const { sizes, purpose } of wanted) {
		const icon = manifest.icons.find(
			(candidate: { sizes: string; purpose?: string }) =>
				candidate.sizes === sizes && (candidate.purpose ?? 'any') === purpose
		);
		expect(icon, `${purpose} icon ${sizes}`).toBeTruthy();
		const image = await request.get(new URL(icon.src, page.url()).href);
		expect(image.headers()['content-type']).toBe('image/png');
		const { width, height } = pngSize(await image.body());
		expect(`${width}x${height}`).toBe(sizes);
	}

	const touchHref = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
	const touch = await request.get(new URL(touchHref!, page.url()).href);
	expect(pngSize(await touch.body())).toEqual({ width: 180, height: 180 });
});

test('a tab whose database is upgraded by another tab is told to reload', async ({
	page,
	context
}) => {
	await page.goto('/settings');
	// the page opens the database when it loads the saved theme
	await page.getByRole('radio', { name: 'Light' }).check();

	const other = await context.newPage();
	await other.goto('/gradebook');
	await other.evaluate(
		() =>
			new Promise<void>((resolve, reject) => {
				// a later app version opening the database at a higher schema version
				const request = indexedDB.open('sahel-brief', 1000);
				request.onsuccess = () => {
					request.result.close();
					resolve();
				};
				request.onerror = () => reject(request.error);
			})
	);
	await expect(
		page.getByRole('alert').filter({ hasText: 'Sahel Brief was updated in another tab' })
	).toBeVisible();
	await expect(page.getByRole('button', { name: 'Reload' })).toBeVisible();
});
