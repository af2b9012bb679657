// Rows no valid app could have written, put straight into IndexedDB (as an old bug, another
// tool or a hostile backup might have): every page still opens, and Settings still exports
// and resets. The tester's cases: a review dated year -271821 crashed Today and Settings, a
// NaN in a card field made every later export unrestorable, a bad assignment row left the
// gradebook on "Loading...".
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { countRows, expect, test } from './fixtures';

/** Writes damaged rows into every table of the app's database. */
async function plantHostileRows(page: Page): Promise<void> {
	await page.evaluate(
		() =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('sahel-brief');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const tx = db.transaction(
						['cards', 'reviewLogs', 'attempts', 'assignments', 'submissions'],
						'readwrite'
					);
					const base = {
						stability: 3,
						difficulty: 5,
						elapsed_days: 0,
						scheduled_days: 1,
						learning_steps: 0,
						reps: 1,
						lapses: 0,
						state: 2
					};
					const review = {
						itemId: 'ghost',
						rating: 3,
						state: 2,
						due: new Date(),
						stability: 3,
						difficulty: 5,
						elapsed_days: 0,
						last_elapsed_days: 0,
						scheduled_days: 1,
						learning_steps: 0
					};
					const ancient = new Date(-8.64e15); // year -271821, the earliest Date there is
					tx.objectStore('cards').put({
						...base,
						itemId: 'ghost-nan',
						factIds: [],
						due: new Date(),
						stability: NaN
					});
					tx.objectStore('cards').put({
						...base,
						itemId: 'ghost-old',
						factIds: [],
						due: ancient,
						last_review: ancient
					});
					// one card's log (see review-log.ts) with three damaged ratings, and a log that
					// is not a list at all
					tx.objectStore('reviewLogs').put({
						itemId: 'ghost',
						last: new Date(),
						reviews: [
							{ ...review, uid: 'g1', review: ancient },
							{ ...review, uid: 'g2', review: new Date(0) },
							{ ...review, uid: 'g3', review: new Date(), stability: NaN }
						]
					});
					tx.objectStore('reviewLogs').put({ itemId: 'ghost-2', last: new Date(), reviews: 7 });
					tx.objectStore('attempts').put({
						id: 'ghost',
						kind: 'quiz',
						startedAt: ancient,
						answers: 7
					});
					tx.objectStore('attempts').put({
						id: 'ghost-a',
						kind: 'assignment',
						assignmentId: 'x',
						startedAt: new Date(NaN)
					});
					tx.objectStore('assignments').put({
						id: 'instructor:ghost',
						role: 'instructor',
						code: 'x',
						title: 'Ghost',
						createdAt: new Date()
					});
					tx.objectStore('assignments').put({
						id: 'student:ghost',
						role: 'student',
						code: 'x',
						title: 'Ghost',
						createdAt: ancient,
						data: {}
					});
					tx.objectStore('submissions').put({
						id: 'ghost',
						assignmentId: 'ghost',
						studentName: 'x',
						importedAt: new Date(),
						receipt: null
					});
					tx.oncomplete = () => {
						db.close();
						resolve();
					};
					tx.onerror = () => reject(tx.error);
				};
			})
	);
}

test('damaged rows in the database: every page opens, and Settings exports and resets', async ({
	page
}) => {
	// one real rating first, so the app has made its database
	await page.goto('/study');
	await expect(page.locator('#card-prompt')).not.toBeEmpty();
	await page.keyboard.press('Space');
	await expect(page.getByRole('region', { name: 'Answer' })).toBeVisible();
	await page.keyboard.press('3');
	await expect.poll(() => countRows(page, 'reviews')).toBe(1);
	await plantHostileRows(page);

	for (const [path, heading] of [
		['/', 'Today'],
		['/study', 'Study'],
		['/progress', 'Your progress'],
		['/read', 'Read the article'],
		['/quiz', 'Quiz'],
		['/a', 'My assignments'],
		['/gradebook', 'Gradebook'],
		['/settings', 'Settings']
	] as const) {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
		await expect(page.getByText('Loading…')).toHaveCount(0);
		await expect(page.getByText('Loading...')).toHaveCount(0);
	}
	await page.goto('/study');
	await expect(page.locator('#card-prompt')).not.toBeEmpty();

	await page.goto('/settings');
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export backup' }).click();
	const download = await downloading;
	await expect(page.getByTestId('backup-done')).toContainText('Backup saved as');
	// the export holds the good review only, so it restores
	const backup = JSON.parse(readFileSync((await download.path())!, 'utf8'));
	expect(backup.tables.reviews).toHaveLength(1);
	expect(backup.tables.cards.map((c: { itemId: string }) => c.itemId)).not.toContain('ghost-nan');

	await page.getByLabel('Type RESET to confirm').fill('RESET');
	await page.getByRole('button', { name: 'Reset progress' }).click();
	await expect(page.getByText(/Progress reset:/)).toBeVisible();
	expect(await countRows(page, 'reviews')).toBe(0);
	expect(await countRows(page, 'cards')).toBe(0);
});
