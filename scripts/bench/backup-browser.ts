// Backup export and import of a 100,000-review database in the real Chromium, through the
// Settings page as a learner uses it: choose a file, Replace, Export backup. The Node
// benchmark in progress.ts times the same code over fake-indexeddb, which is far slower
// than a browser's IndexedDB; this one is the figure the 3 s aim is about.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { createBackup, serializeBackup } from '../../src/lib/storage/backup-format';
import { withAppPage } from './browser';
import { measuredOnce, type BenchResult, type Benchmark } from './measure';
import { syntheticStudyData } from './srs';

const AIM_MS = 3000;
/** How far the app's import may stay behind IndexedDB's own speed before the bench fails. */
const OVERHEAD_LIMIT = 1.5;

/**
 * The floor any import pays in this browser: `count` review-shaped rows put with the raw
 * IndexedDB API into a store with the app's keys and indexes, in one transaction, in a
 * database of its own (deleted afterwards).
 */
const RAW_PUT_MS = `async (count) => {
	const name = 'sahel-brief-bench-floor';
	const db = await new Promise((resolve, reject) => {
		const request = indexedDB.open(name, 1);
		request.onupgradeneeded = () => {
			const store = request.result.createObjectStore('reviews', { keyPath: 'id', autoIncrement: true });
			store.createIndex('itemId', 'itemId');
			store.createIndex('review', 'review');
		};
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
	});
	const start = Date.UTC(2024, 0, 1);
	const rows = Array.from({ length: count }, (_, i) => ({
		id: i + 1, itemId: 'item-' + (i % 400), rating: 3, state: 2,
		due: new Date(start + i * 900000), stability: 12.5, difficulty: 5.1, elapsed_days: 3,
		last_elapsed_days: 2, scheduled_days: 10, learning_steps: 0,
		review: new Date(start + i * 60000), previousDue: new Date(start)
	}));
	const t0 = performance.now();
	await new Promise((resolve, reject) => {
		const tx = db.transaction('reviews', 'readwrite');
		const store = tx.objectStore('reviews');
		for (const row of rows) store.put(row);
		tx.oncomplete = resolve;
		tx.onerror = () => reject(tx.error);
	});
	const ms = performance.now() - t0;
	db.close();
	await new Promise((resolve) => { indexedDB.deleteDatabase(name).onsuccess = resolve; });
	return ms;
}`;

/** Chooses `file` in Settings and resolves to [ms until the preview, ms from Replace to done]. */
async function importFile(page: Page, file: string): Promise<[number, number]> {
	const t0 = Date.now();
	await page.locator('#backup-file').setInputFiles(file);
	const replace = page.getByRole('button', { name: 'Replace', exact: true });
	await replace.waitFor({ timeout: 120_000 });
	const t1 = Date.now();
	await replace.click();
	// Settings asks once more before deleting what is here
	await page.getByRole('button', { name: 'Yes, replace' }).click();
	await page
		.getByTestId('backup-done')
		.filter({ hasText: 'Restored' })
		.waitFor({ timeout: 120_000 });
	return [t1 - t0, Date.now() - t1];
}

async function benchBackupInBrowser(): Promise<BenchResult[]> {
	const { now, cards, reviews } = syntheticStudyData();
	const tables = {
		cards,
		reviews,
		attempts: [],
		assignments: [],
		submissions: [],
		settings: [],
		cardFlags: [],
		ownCards: [],
		cardWordings: [],
		tombstones: []
	};
	const text = serializeBackup(createBackup(tables, now, 'bench'));
	const dir = mkdtempSync(join(tmpdir(), 'sahel-bench-'));
	const seed = join(dir, 'seed-backup.json');
	writeFileSync(seed, text);
	const mb = (Buffer.byteLength(text) / 1024 / 1024).toFixed(1);
	try {
		return await withAppPage(async (page, url) => {
			await page.goto(`${url}/settings`);
			// fill the empty database the way a learner restoring a phone would
			const [seedReadMs, seedWriteMs] = await importFile(page, seed);

			const t0 = Date.now();
			const [download] = await Promise.all([
				page.waitForEvent('download', { timeout: 120_000 }),
				page.getByRole('button', { name: 'Export backup' }).click()
			]);
			const exported = join(dir, download.suggestedFilename());
			await download.saveAs(exported);
			await page.getByTestId('backup-done').filter({ hasText: 'Backup saved' }).waitFor();
			const exportMs = Date.now() - t0;

			// the exported file back over the full database: the round trip of the aim
			const [readMs, writeMs] = await importFile(page, exported);
			const label = `${reviews.length} reviews, ${cards.length} cards, ${mb} MB`;
			const floorMs = Math.round(
				(await page.evaluate(`(${RAW_PUT_MS})(${reviews.length})`)) as number
			);
			return [
				measuredOnce(
					`reference: raw IndexedDB put of ${reviews.length} review rows, one transaction`,
					floorMs
				),
				measuredOnce(
					`browser backup: import into an empty database, read + check (${label})`,
					seedReadMs
				),
				measuredOnce('browser backup: import into an empty database, Replace -> done', seedWriteMs),
				measuredOnce('browser backup: Export backup -> file saved', exportMs),
				measuredOnce('browser backup: import of that file, read + check -> preview', readMs),
				measuredOnce(
					`browser backup: import of that file, Replace -> done (budget ${OVERHEAD_LIMIT} x reference)`,
					writeMs,
					Math.round(floorMs * OVERHEAD_LIMIT)
				),
				// the aim, printed for the note; it does not fail the bench, because IndexedDB
				// alone needs longer than that to store these rows here (see the reference line)
				measuredOnce(
					`browser backup: export + import (read, check, replace); aim ${AIM_MS / 1000} s`,
					exportMs + readMs + writeMs
				)
			];
		});
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

/** The browser backup benchmark, for `scripts/bench.ts`. */
export const backupBrowserBenchmarks: Benchmark[] = [
	{ name: 'browser-backup', run: benchBackupInBrowser }
];
