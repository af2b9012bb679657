import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { countRows, expect, test } from './fixtures';

const TABLES = ['cards', 'reviews', 'attempts', 'assignments', 'submissions', 'settings'];

/** Rates `count` cards on /study with the keyboard (Space, then Good or Easy). */
async function study(page: Page, count: number) {
	await page.goto('/study');
	await expect(page.locator('#card-prompt')).not.toBeEmpty();
	for (let i = 0; i < count; i++) await rateOne(page, i % 2 ? '4' : '3');
}

async function rateOne(page: Page, key: '3' | '4') {
	await page.keyboard.press('Space');
	await expect(page.getByRole('region', { name: 'Answer' })).toBeVisible();
	await page.keyboard.press(key);
	await expect(page.getByRole('region', { name: 'Answer' })).toBeHidden();
}

async function allCounts(page: Page): Promise<Record<string, number>> {
	const counts: Record<string, number> = {};
	for (const table of TABLES) counts[table] = await countRows(page, table);
	return counts;
}

/** Exports a backup from Settings and returns the downloaded file's path and name. */
async function exportBackup(page: Page) {
	await page.goto('/settings');
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export backup' }).click();
	const download = await downloading;
	await expect(page.getByTestId('backup-done')).toContainText('Backup saved as');
	return { path: (await download.path())!, name: download.suggestedFilename() };
}

/** Deletes this site's IndexedDB, as "Clear site data" would, with no page holding it open. */
async function clearSiteData(page: Page) {
	const origin = new URL(page.url()).origin;
	const cdp = await page.context().newCDPSession(page);
	await page.goto('about:blank');
	await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'indexeddb' });
	await cdp.detach();
	return origin;
}

test('a backup restores the same counts after the site data is cleared', async ({ page }) => {
	await study(page, 5);
	await expect.poll(() => countRows(page, 'reviews')).toBe(5);
	await page.goto('/');
	await expect(page.getByTestId('streak')).toHaveText('1');
	const today = {
		due: await page.getByTestId('due-now').textContent(),
		new: await page.getByTestId('new-today').textContent()
	};
	await page.goto('/progress');
	await expect(page.getByTestId('total-reviews')).toHaveText('5');

	const backup = await exportBackup(page);
	expect(backup.name).toMatch(/^sahel-brief-backup-\d{4}-\d\d-\d\d\.json$/);
	await expect(page.getByTestId('last-backup')).toContainText('Last backup:');

	const origin = await clearSiteData(page);
	await page.goto(`${origin}/progress`);
	await expect(page.getByRole('heading', { name: 'Nothing studied yet' })).toBeVisible();

	await page.goto('/settings');
	await page.getByLabel('Choose a backup file').setInputFiles(backup.path);
	const preview = page.getByRole('region', { name: 'Backup to import' });
	await expect(preview.getByTestId('preview-reviews')).toHaveText('5');
	await expect(preview.getByTestId('preview-cards')).toContainText('5');
	await expect(preview.getByTestId('preview-attempts')).toHaveText('0');
	await preview.getByRole('button', { name: 'Replace' }).click();
	await preview.getByRole('button', { name: 'Yes, replace' }).click();
	await expect(page.getByTestId('backup-done')).toContainText('Restored: 5 reviews, 5 cards');
	// the file just restored is a backup of what is now stored
	await expect(page.getByTestId('last-backup')).toContainText('Last backup:');
	await expect(page.getByTestId('last-backup')).toContainText('No study since.');
	expect(await countRows(page, 'reviews')).toBe(5);
	expect(await countRows(page, 'cards')).toBe(5);

	await page.goto('/progress');
	await expect(page.getByTestId('total-reviews')).toHaveText('5');
	await expect(page.getByTestId('progress-streak')).toHaveText('1');
	await page.goto('/');
	await expect(page.getByTestId('streak')).toHaveText('1');
	await expect(page.getByTestId('due-now')).toHaveText(today.due!);
	await expect(page.getByTestId('new-today')).toHaveText(today.new!);
});

test('a broken or foreign backup is refused with its reason and changes nothing', async ({
	page
}) => {
	await study(page, 3);
	const { path } = await exportBackup(page);
	const good = readFileSync(path, 'utf8');
	const before = await allCounts(page);
	expect(before.reviews).toBe(3);

	const files = [
		{ text: good.slice(0, Math.floor(good.length / 2)), says: /cut off/ },
		{ text: '{"hello": "world"}', says: /not a Sahel Brief backup/ },
		{ text: 'reviews,cards\n3,3\n', says: /not JSON/ },
		{ text: good.replace('"formatVersion":1', '"formatVersion":99'), says: /newer version/ },
		{ text: good.replace(/"rating":\d/, '"rating":"good"'), says: /damaged/ },
		{ text: '', says: /empty/ }
	];
	for (const { text, says } of files) {
		await page.getByLabel('Choose a backup file').setInputFiles({
			name: 'backup.json',
			mimeType: 'application/json',
			buffer: Buffer.from(text)
		});
		await expect(page.getByRole('alert')).toContainText(says);
		await expect(page.getByRole('button', { name: 'Replace' })).toHaveCount(0);
		expect(await allCounts(page)).toEqual(before);
	}
	await page.goto('/progress');
	await expect(page.getByTestId('total-reviews')).toHaveText('3');
});

test('a first visit explains what the progress page will show and links to Study', async ({
	page
}) => {
	await page.goto('/progress');
	await expect(page.getByRole('heading', { name: 'Nothing studied yet' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Start studying' })).toHaveAttribute(
		'href',
		'/study'
	);
});

test('the progress page shows every chart, each with its table @layout', async ({ page }) => {
	await study(page, 4);
	await page.goto('/progress');
	await expect(page.getByTestId('total-reviews')).toHaveText('4');
	await expect(page.getByTestId('calendar-summary')).toContainText('4 reviews on 1 day');
	await expect(page.getByTestId('reviews-summary')).toContainText('4 reviews in the last 30 days');
	await expect(page.getByRole('img', { name: /Calendar of study days/ })).toBeVisible();
	await expect(
		page.getByRole('img', { name: /Reviews on each of the last 30 days/ })
	).toBeVisible();
	await expect(
		page.getByRole('img', { name: /Cards due on each of the next 30 days/ })
	).toBeVisible();
	await expect(page.getByTestId('retention-overall')).toContainText('no reviews of learned cards');

	const charts = [
		{ chart: 'Study calendar', table: 'Reviews per day, by week', rows: 27 },
		{ chart: 'Reviews per day', table: 'Reviews per day, newest first', rows: 31 },
		{ chart: 'Coming due', table: 'Cards due per day', rows: 31 },
		{ chart: 'Mastery by topic', table: 'Cards per topic', rows: 11 },
		{ chart: 'Quiz scores', table: 'Finished quizzes, newest first', rows: 2 }
	];
	for (const { chart, table, rows } of charts) {
		const toggle = page.getByRole('button', { name: `Show as table: ${chart}` });
		await expect(toggle).toHaveAttribute('aria-expanded', 'false');
		// by keyboard: on a phone the sticky header can cover a button Playwright scrolled to
		await toggle.press('Enter');
		const shown = page.getByRole('table', { name: table });
		await expect(shown).toBeVisible();
		await expect(shown.getByRole('row')).toHaveCount(rows);
		await expect(page.getByRole('button', { name: `Hide table: ${chart}` })).toHaveAttribute(
			'aria-expanded',
			'true'
		);
	}
	// today's row of the daily table holds the four ratings
	const daily = page.getByRole('table', { name: 'Reviews per day, newest first' });
	await expect(daily.getByRole('row').nth(1).getByRole('cell').last()).toHaveText('4');
});

test('Reset progress needs RESET typed, then deletes study progress only', async ({ page }) => {
	await study(page, 2);
	await page.goto('/settings');
	const reset = page.getByRole('button', { name: 'Reset progress' });
	const confirm = page.getByLabel('Type RESET to confirm');
	await expect(reset).toBeDisabled();
	await confirm.fill('RESE');
	await expect(reset).toBeDisabled();
	await confirm.fill('RESET');
	await expect(reset).toBeEnabled();
	const settingsBefore = await countRows(page, 'settings');
	await reset.click();
	await expect(page.getByTestId('reset-done')).toContainText('2 reviews, 2 cards');
	expect(await countRows(page, 'reviews')).toBe(0);
	expect(await countRows(page, 'cards')).toBe(0);
	expect(await countRows(page, 'settings')).toBe(settingsBefore);
	await expect(confirm).toHaveValue('');
	await expect(reset).toBeDisabled();
});

test('Reset progress keeps assignments and their receipts, as it says', async ({ page }) => {
	await study(page, 1);
	// an instructor trying their own assignment on this device: made, taken and handed in
	await page.goto('/assign');
	await page.getByLabel('Number of questions').selectOption('5');
	await page.getByLabel('Title', { exact: true }).fill('Kept through a reset');
	await page.getByLabel('Your name').fill('Dr Diallo');
	await page.getByRole('button', { name: 'Create assignment' }).click();
	const link = await page.getByLabel('Assignment link', { exact: true }).inputValue();
	await page.goto(link);
	await page.getByLabel('Your name').fill('Awa');
	await page.getByRole('button', { name: 'Start' }).click();
	await page.getByRole('button', { name: 'Submit now' }).click();
	const receipt = await page.getByLabel('Your receipt', { exact: true }).inputValue();
	await page.goto('/gradebook');
	await page.getByLabel('Paste receipts, one per line').fill(receipt);
	await page.getByRole('button', { name: 'Import' }).click();
	await expect(page.getByRole('status').filter({ hasText: '1 receipt imported.' })).toBeVisible();
	const before = await allCounts(page);

	await page.goto('/settings');
	const help = page.getByText(/^Deletes every study card, review and quiz attempt/);
	await expect(help).toContainText(
		'Your settings, assignments, your assignment attempts and their receipts, and the receipts imported into the gradebook stay.'
	);
	await page.getByLabel('Type RESET to confirm').fill('RESET');
	await page.getByRole('button', { name: 'Reset progress' }).click();
	await expect(page.getByTestId('reset-done')).toContainText(
		'1 review, 1 card and 0 quiz attempts deleted. Assignments and receipts were kept.'
	);
	expect(await allCounts(page)).toEqual({ ...before, cards: 0, reviews: 0 });

	await page.goto('/a');
	await expect(page.getByRole('link', { name: 'Kept through a reset' })).toBeVisible();
	await expect(page.getByText('Submitted')).toBeVisible();
});

test('after a week of study without a backup, Settings reminds the learner', async ({ page }) => {
	await study(page, 1);
	const { path } = await exportBackup(page);
	await expect(page.getByText(/days of study are in no backup/)).toHaveCount(0);
	// the same review on seven earlier days, in a file exported the day before them: a restore
	// counts as a backup made when its file was exported, so the week of study is in no backup
	const backup = JSON.parse(readFileSync(path, 'utf8'));
	const [review] = backup.tables.reviews;
	const daysBefore = (days: number) =>
		new Date(Date.parse(review.review) - days * 86_400_000).toISOString();
	backup.exportedAt = daysBefore(8);
	backup.tables.reviews = [1, 2, 3, 4, 5, 6, 7].map((daysAgo) => {
		return { ...review, id: daysAgo, review: daysBefore(daysAgo) };
	});
	await page.getByLabel('Choose a backup file').setInputFiles({
		name: 'week.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(backup))
	});
	await page.getByRole('button', { name: 'Replace' }).click();
	await page.getByRole('button', { name: 'Yes, replace' }).click();
	await expect(page.getByTestId('backup-done')).toContainText('Restored: 7 reviews');
	await expect(page.getByTestId('last-backup')).toContainText('7 days of study since.');
	await expect(page.getByText(/days of study are in no backup/)).toBeVisible();
	// Today reminds too, with a way to back up
	await page.goto('/');
	const reminder = page.getByRole('complementary', { name: 'Keep a copy of your progress' });
	await expect(reminder).toContainText('studied on 7 days');
	await reminder.getByRole('button', { name: 'Not now' }).click();
	await expect(reminder).toBeHidden();
});

test('two tabs studying at once neither lose nor double a review', async ({ page, context }) => {
	const second = await context.newPage();
	const errors: string[] = [];
	second.on('pageerror', (error) => errors.push(error.message));
	second.on('console', (message) => {
		if (message.type() === 'error') errors.push(message.text());
	});
	await study(page, 0);
	await study(second, 0);
	let ratings = 0;
	for (let i = 0; i < 6; i++) {
		await rateOne(page, '4');
		await rateOne(second, i % 2 ? '3' : '4');
		ratings += 2;
	}
	await expect.poll(() => countRows(page, 'reviews')).toBe(ratings);
	await page.goto('/progress');
	await expect(page.getByTestId('total-reviews')).toHaveText(String(ratings));
	await second.close();
	expect(errors).toEqual([]);
});
