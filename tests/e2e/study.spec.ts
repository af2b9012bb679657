import type { Page } from '@playwright/test';
import { countRows, expect, test, waitForServiceWorker } from './fixtures';

const prompt = (page: Page) => page.locator('#card-prompt');

/** Reveals the card with the keyboard and rates it with a number key. */
async function studyByKeyboard(page: Page, key: '1' | '2' | '3' | '4') {
	const before = await prompt(page).textContent();
	await page.keyboard.press('Space');
	await expect(page.getByRole('region', { name: 'Answer' })).toBeVisible();
	await page.keyboard.press(key);
	// the rating is stored before the next card shows
	await expect(page.getByRole('region', { name: 'Answer' })).toBeHidden();
	return before;
}

test('a keyboard-only session of 10 cards stores 10 ratings and counts them on Today', async ({
	page,
	consoleErrors
}) => {
	await page.goto('/');
	await expect(page.getByTestId('new-today')).toHaveText('20');
	await expect(page.getByTestId('due-now')).toHaveText('0');

	await page.goto('/study');
	await expect(prompt(page)).not.toBeEmpty();
	const seen: string[] = [];
	for (let i = 0; i < 10; i++) {
		const text = await studyByKeyboard(page, i % 2 ? '4' : '3');
		seen.push(text ?? '');
		await expect(page.getByRole('region', { name: 'Answer' })).toBeHidden();
	}
	// no card shown twice in a row of ratings that push cards days or minutes away
	expect(seen[0]).not.toBe(seen[1]);
	expect(await countRows(page, 'reviews')).toBe(10);
	expect(await countRows(page, 'cards')).toBe(10);

	await page.getByRole('link', { name: 'Today' }).first().click();
	// the cards rated Good wait in a learning step; Easy ones graduate: 10 fewer new today
	await expect(page.getByTestId('new-today')).toHaveText('10');
	await expect(page.getByTestId('streak')).toHaveText('1');
	await expect(page.getByTestId('last-session')).toContainText('10 cards, 10 right');
	expect(consoleErrors).toEqual([]);
});

test('each rating button shows its next interval in its name; the answer cites its sentence', async ({
	page
}) => {
	await page.goto('/study');
	await page.getByRole('button', { name: 'Show answer' }).click();
	for (const name of ['Again', 'Hard', 'Good', 'Easy']) {
		await expect(
			page.getByRole('button', { name: new RegExp(`^${name} \\d+(m|h|d|mo|y)$`) })
		).toBeVisible();
	}
	const link = page.getByRole('link', { name: 'Read in context' });
	await expect(link).toHaveAttribute('href', /^\/read#p\d+:~:text=/);
	await expect(page.locator('blockquote')).not.toBeEmpty();
});

test('Undo takes back the last rating exactly, by button and by Ctrl+Z', async ({ page }) => {
	await page.goto('/study');
	const first = await studyByKeyboard(page, '3');
	await expect(prompt(page)).not.toHaveText(first!);
	expect(await countRows(page, 'reviews')).toBe(1);

	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(prompt(page)).toHaveText(first!);
	await expect.poll(() => countRows(page, 'reviews')).toBe(0);

	await studyByKeyboard(page, '1');
	await expect.poll(() => countRows(page, 'reviews')).toBe(1);
	await page.keyboard.press('Control+z');
	await expect(prompt(page)).toHaveText(first!);
	await expect.poll(() => countRows(page, 'reviews')).toBe(0);
	await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
});

test('reloading mid-session loses nothing and counts nothing twice', async ({ page }) => {
	await page.goto('/study');
	for (let i = 0; i < 3; i++) await studyByKeyboard(page, '4');
	await expect.poll(() => countRows(page, 'reviews')).toBe(3);
	await page.reload();
	await expect(prompt(page)).not.toBeEmpty();
	expect(await countRows(page, 'reviews')).toBe(3);
	await expect(page.getByLabel('Cards left today')).toContainText('17 new');
	await studyByKeyboard(page, '4');
	await expect.poll(() => countRows(page, 'reviews')).toBe(4);
});

test('swipes rate on a touch screen: left is Again, right is Good', async ({ page }) => {
	await page.goto('/study');
	const card = page.locator('article.study-card');
	const swipe = async (dx: number) => {
		const box = (await card.boundingBox())!;
		const x = box.x + box.width / 2;
		const y = box.y + 40;
		const init = { pointerType: 'touch', pointerId: 7, isPrimary: true, bubbles: true };
		await card.dispatchEvent('pointerdown', { ...init, clientX: x, clientY: y });
		await card.dispatchEvent('pointerup', { ...init, clientX: x + dx, clientY: y + 5 });
	};
	await page.getByRole('button', { name: 'Show answer' }).tap();
	const first = await prompt(page).textContent();
	await swipe(-150);
	await expect(page.getByText('Rated Again.')).toBeAttached();
	await expect.poll(() => countRows(page, 'reviews')).toBe(1);
	await page.getByRole('button', { name: 'Show answer' }).tap();
	await swipe(150);
	await expect(page.getByText('Rated Good.')).toBeAttached();
	await expect.poll(() => countRows(page, 'reviews')).toBe(2);
	expect(first).toBeTruthy();
	// a short drag is not a swipe
	await page.getByRole('button', { name: 'Show answer' }).tap();
	await swipe(30);
	await expect(page.getByRole('region', { name: 'Answer' })).toBeVisible();
	expect(await countRows(page, 'reviews')).toBe(2);
});

test('studying works offline, and the ratings are kept', async ({ page, context }) => {
	await page.goto('/');
	await waitForServiceWorker(page);
	await context.setOffline(true);
	await page.goto('/study');
	for (let i = 0; i < 2; i++) await studyByKeyboard(page, '3');
	await expect.poll(() => countRows(page, 'reviews')).toBe(2);
	await expect(page.getByText('You are offline.')).toBeVisible();
});

test('study settings are saved, kept in range and used by the queue', async ({ page }) => {
	await page.goto('/settings');
	const newPerDay = page.getByRole('spinbutton', { name: 'New cards per day' });
	await expect(newPerDay).toHaveValue('20');
	await newPerDay.fill('5');
	await newPerDay.press('Tab');
	await expect(page.getByText('Saved.')).toBeVisible();
	await page.reload();
	await expect(newPerDay).toHaveValue('5');
	await page.goto('/');
	await expect(page.getByTestId('new-today')).toHaveText('5');
});

/** Every row of one table of the app's database, read straight from IndexedDB. */
async function rows<T>(page: Page, table: string): Promise<T[]> {
	return page.evaluate(
		(table) =>
			new Promise<T[]>((resolve, reject) => {
				const open = indexedDB.open('sahel-brief');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					// ratings are kept one log per card (see review-log.ts)
					const name = table === 'reviews' ? 'reviewLogs' : table;
					const request = db.transaction(name).objectStore(name).getAll();
					request.onsuccess = () => {
						db.close();
						const result = request.result as T[];
						// a log's packed ratings (review-pack.ts: 12 numbers each, the rating first),
						// then its rows
						type Log = {
							itemId: string;
							reviews: T[];
							packed?: { uids: string[]; numbers: Float64Array };
						};
						const ratingsOf = (log: Log) => [
							...(log.packed?.uids ?? []).map(
								(uid, i) => ({ itemId: log.itemId, uid, rating: log.packed!.numbers[i * 12] }) as T
							),
							...log.reviews
						];
						resolve(name === 'reviewLogs' ? (result as Log[]).flatMap(ratingsOf) : result);
					};
					request.onerror = () => reject(request.error);
				};
			}),
		table
	);
}

test("two tabs rate the same card: both ratings count in its schedule, and Undo takes back only the tab's own", async ({
	page,
	context
}) => {
	const other = await context.newPage();
	await page.goto('/study');
	await other.goto('/study');
	const shown = await prompt(page).textContent();
	await expect(prompt(other)).toHaveText(shown!);

	await studyByKeyboard(page, '4'); // Easy here
	await studyByKeyboard(other, '1'); // Again in the other tab, which still showed the card
	await expect.poll(() => countRows(page, 'reviews')).toBe(2);
	const reviews = await rows<{ itemId: string; rating: number }>(page, 'reviews');
	const itemId = reviews[0]!.itemId;
	expect(reviews.map((review) => [review.itemId, review.rating])).toEqual([
		[itemId, 4],
		[itemId, 1]
	]);
	const card = async () =>
		(await rows<{ itemId: string; reps: number; state: number }>(page, 'cards')).find(
			(row) => row.itemId === itemId
		);
	// both ratings are in the card: rated twice, and Again after Easy sends it to relearning
	expect(await card()).toMatchObject({ reps: 2, state: 3 });

	// Undo here takes back Easy only: the card is what Again alone makes of a new card
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(page.getByText('Last rating undone.')).toBeAttached();
	await expect.poll(() => countRows(page, 'reviews')).toBe(1);
	expect((await rows<{ rating: number }>(page, 'reviews')).map((r) => r.rating)).toEqual([1]);
	expect(await card()).toMatchObject({ reps: 1, state: 1 });
	await other.close();
});
