import { expect, test } from './fixtures';

test('"Keep my data" says so when the browser refuses, and what to do', async ({ page }) => {
	// a browser that never promises to keep a site's data, as Chrome does for a site seldom used
	await page.addInitScript(() => {
		const no = async () => false;
		Object.defineProperty(StorageManager.prototype, 'persisted', { value: no });
		Object.defineProperty(StorageManager.prototype, 'persist', { value: no });
	});
	await page.goto('/settings');
	await expect(page.getByTestId('storage-persisted')).toHaveText(
		'Not yet: the browser may clear it when space runs low'
	);
	await page.getByRole('button', { name: 'Keep my data' }).click();
	await expect(page.getByTestId('persistence-outcome')).toHaveText(
		/^The browser said no, so it may still clear your data when space runs low\..*export a backup from time to time\.$/
	);
	// the button stays, so the learner can ask again later
	await expect(page.getByRole('button', { name: 'Keep my data' })).toBeEnabled();
});

test('"Keep my data" says so when the browser agrees', async ({ page }) => {
	await page.addInitScript(() => {
		let kept = false;
		Object.defineProperty(StorageManager.prototype, 'persisted', { value: async () => kept });
		Object.defineProperty(StorageManager.prototype, 'persist', {
			value: async () => (kept = true)
		});
	});
	await page.goto('/settings');
	await page.getByRole('button', { name: 'Keep my data' }).click();
	await expect(page.getByTestId('persistence-outcome')).toHaveText(
		'Done: the browser will keep your data, even when space runs low.'
	);
	await expect(page.getByTestId('storage-persisted')).toHaveText(
		'Yes, the browser will keep your data'
	);
	await expect(page.getByRole('button', { name: 'Keep my data' })).toHaveCount(0);
});
