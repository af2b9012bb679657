import type { Page } from '@playwright/test';
import { countRows, expect, test } from './fixtures';

/** Rates the first `n` study cards Good, by keyboard, and answers their fronts. */
async function studyCards(page: Page, n: number): Promise<string[]> {
	await page.goto('/study');
	const fronts: string[] = [];
	for (let i = 0; i < n; i++) {
		await expect(page.locator('#card-prompt')).not.toBeEmpty();
		fronts.push((await page.locator('#card-prompt').textContent())!.trim());
		await page.keyboard.press('Space');
		await expect(page.getByRole('region', { name: 'Answer' })).toBeVisible();
		await page.keyboard.press('3');
		await expect(page.getByRole('region', { name: 'Answer' })).toBeHidden();
	}
	return fronts;
}

const list = (page: Page) => page.getByRole('list', { name: 'Cards' });
const actions = (page: Page) => page.getByRole('region', { name: 'Actions on selected cards' });

test('search, select by touch, suspend, see it left out, and undo', async ({ page }) => {
	const [front] = await studyCards(page, 1);
	await page.goto('/cards');
	await expect(page.getByRole('heading', { name: 'Your cards' })).toBeVisible();
	const search = page.getByRole('searchbox', { name: 'Search front and back' });
	await search.fill(front!.slice(0, 30));
	const checkbox = list(page).getByRole('checkbox', { name: front! });
	await expect(checkbox).toBeVisible();
	await checkbox.tap();
	await expect(page.getByText('1 selected')).toBeVisible();
	await page.getByRole('button', { name: 'Suspend', exact: true }).tap();
	await expect(actions(page).getByRole('status')).toHaveText('Suspended 1 card.');
	await expect(list(page).getByText('Suspended', { exact: true })).toBeVisible();
	expect(await countRows(page, 'cardFlags')).toBe(1);

	await page.getByRole('combobox', { name: 'State', exact: true }).selectOption('suspended');
	await search.fill('');
	await expect(list(page).getByRole('listitem')).toHaveCount(1);

	await page.getByRole('button', { name: 'Undo' }).tap();
	await expect(actions(page).getByRole('status')).toHaveText('Undone: suspended 1 card.');
	await expect(page.getByText('No card matches')).toBeVisible();
	// the card's row stays, holding only when the suspension was taken back (for sync)
	expect(await countRows(page, 'cardFlags')).toBe(1);
});

test('by keyboard: bury a card, open its history and its sentence in the article', async ({
	page
}) => {
	const [front] = await studyCards(page, 1);
	await page.goto('/cards');
	await page.getByRole('combobox', { name: 'Sort by' }).selectOption('lastRating');
	const checkbox = list(page).getByRole('checkbox', { name: front! });
	await checkbox.focus();
	await page.keyboard.press('Space');
	await expect(checkbox).toBeChecked();
	await page.getByRole('button', { name: 'Bury until tomorrow' }).focus();
	await page.keyboard.press('Enter');
	await expect(actions(page).getByRole('status')).toHaveText('Buried until tomorrow: 1 card.');

	await list(page)
		.getByRole('button', { name: `Details: ${front}` })
		.focus();
	await page.keyboard.press('Enter');
	const details = page.getByRole('region', { name: 'Card details' });
	await expect(details).toBeVisible();
	await expect(details.getByRole('row')).toHaveCount(2); // the header and one rating
	await expect(details.getByRole('cell', { name: 'Good' })).toBeVisible();
	await expect(details.getByText('Buried')).toBeVisible();
	await expect(
		details.getByRole('link', { name: 'Read its sentence in the article' })
	).toHaveAttribute('href', /^\/read#p\d+:~:text=/);
});

test('a buried card is not studied today', async ({ page }) => {
	// bury the card /study would show first
	await page.goto('/study');
	const first = (await page.locator('#card-prompt').textContent())!.trim();
	await page.goto('/cards');
	await page.getByRole('searchbox', { name: 'Search front and back' }).fill(first.slice(0, 30));
	await list(page).getByRole('checkbox', { name: first }).tap();
	await page.getByRole('button', { name: 'Bury until tomorrow' }).tap();
	await expect(actions(page).getByRole('status')).toHaveText('Buried until tomorrow: 1 card.');
	await page.goto('/study');
	await expect(page.locator('#card-prompt')).not.toBeEmpty();
	await expect(page.locator('#card-prompt')).not.toHaveText(first);
});
