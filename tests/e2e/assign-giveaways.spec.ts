import { expect, test } from './fixtures';

test('hand-picked questions that give each other away are flagged; a random draw never holds one', async ({
	page
}) => {
	await page.goto('/assign');
	await page.getByRole('radio', { name: 'Pick by hand' }).check();
	await page.getByLabel(/search/i).fill('Vezilier arrested');
	const results = page.getByRole('list', { name: 'Questions found' });
	// the date question names the diplomat, and the diplomat question gives the date
	await results
		.getByRole('checkbox', {
			name: /On what date was the French diplomat Yann Vezilier arrested\?/
		})
		.first()
		.check();
	await results
		.getByRole('checkbox', { name: /Which French diplomat was arrested by Malian authorities/ })
		.first()
		.check();
	const warning = page.getByRole('status').filter({ hasText: 'give each other away' });
	await expect(warning).toBeVisible();
	await expect(warning).toContainText('shows the answer to');

	await page.getByRole('radio', { name: 'Random draw' }).check();
	await expect(page.getByRole('status').filter({ hasText: 'give each other away' })).toHaveCount(0);
});
