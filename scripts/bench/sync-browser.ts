// A fresh phone joining a sync space that holds 100,000 reviews, in the real Chromium: the
// space's document is written into a sync server's store, the page joins it with the typed
// code, and the time runs from Join until every review is in the phone's IndexedDB (download,
// Yjs, validation, the write and the replay of every card).
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { startSyncServer } from '../sync-server/server';
import { formatCode, newSpaceSecret, spaceIdFor } from '../../src/lib/sync/space-code';
import { withAppPage } from './browser';
import { measuredOnce, type BenchResult, type Benchmark } from './measure';
import { syntheticStudyData } from './srs';
import { itemCount, spaceDoc, type SpaceForm } from './sync-space';

// the sync server the test build's Content Security Policy allows (SYNC_ORIGIN at build time)
const PORT = Number(new URL(process.env.SYNC_ORIGIN ?? 'ws://127.0.0.1:4190').port);
/**
 * The budget, Join to stored. The aim is 2 s; measured on the 2-core machine of the latest
 * session it takes 2.4 to 3.1 s (see the README's figures): the steps the app marks show where.
 */
const BUDGET_MS = 4_000;

/**
 * The floor any arrival pays in this browser: `count` review rows with the app's indexes
 * (itemId, review, a unique uid) put with the raw IndexedDB API in one transaction.
 */
const RAW_PUT_MS = `async (count) => {
	const name = 'sahel-brief-bench-sync-floor';
	const db = await new Promise((resolve, reject) => {
		const request = indexedDB.open(name, 1);
		request.onupgradeneeded = () => {
			const store = request.result.createObjectStore('reviews', { keyPath: 'id', autoIncrement: true });
			store.createIndex('itemId', 'itemId');
			store.createIndex('review', 'review');
			store.createIndex('uid', 'uid', { unique: true });
		};
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
	});
	const start = Date.UTC(2024, 0, 1);
	const rows = Array.from({ length: count }, (_, i) => ({
		uid: crypto.randomUUID(), itemId: 'item-' + (i % 400), rating: 3, state: 2,
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

/**
 * How many cards' logs (see storage/review-log.ts) are stored: a cheap count to poll, as one
 * transaction writes every log of an arrival. With `ratings`, the ratings they hold (slower).
 */
const COUNT_STORED = `(ratings) => new Promise((resolve) => {
	const open = indexedDB.open('sahel-brief');
	open.onsuccess = () => {
		const db = open.result;
		if (!db.objectStoreNames.contains('reviewLogs')) { db.close(); resolve(0); return; }
		const store = db.transaction('reviewLogs').objectStore('reviewLogs');
		const request = ratings ? store.getAll() : store.count();
		request.onsuccess = () => {
			db.close();
			// (a log's packed ratings, see storage/review-pack.ts, and its rows)
			resolve(ratings ? request.result.reduce((sum, log) => sum + (log.packed ? log.packed.uids.length : 0) + log.reviews.length, 0) : request.result);
		};
	};
	open.onerror = () => resolve(-1);
})`;

/** The steps of the bulk arrival, as the app marked them (see stepClock in sync/owned-rows.ts). */
const STEP_MARKS = `performance
	.getEntriesByType('mark')
	.filter((entry) => entry.name.startsWith('sahel-sync:'))
	.map((entry) => [entry.name.slice('sahel-sync:'.length), entry.startTime])`;

/** What each step of the arrival took: from one mark to the next, in the order they were made. */
function stepResults(marks: [string, number][]): BenchResult[] {
	const sorted = [...marks].sort((a, b) => a[1] - b[1]);
	const out: BenchResult[] = [];
	for (let i = 1; i < sorted.length; i++) {
		const [name, t] = sorted[i]!;
		if (name === 'done' && sorted[i - 1]![0] === 'done') continue;
		out.push(
			measuredOnce(`browser-sync:   step ${sorted[i - 1]![0]} -> ${name}`, t - sorted[i - 1]![1])
		);
	}
	return out;
}

/** A fresh phone joins a space whose document is in `form`; the steps are timed for 'lines'. */
async function benchFreshDevice(form: SpaceForm): Promise<BenchResult[]> {
	const policy = readFileSync('build/index.html', 'utf8');
	if (!policy.includes(`ws://127.0.0.1:${PORT}`)) {
		throw new Error(
			`build/ does not allow ws://127.0.0.1:${PORT}: run SYNC_ORIGIN=ws://127.0.0.1:${PORT} npm run build first`
		);
	}
	const { reviews } = syntheticStudyData();
	const cardCount = new Set(reviews.map((r) => r.itemId)).size;
	const doc = spaceDoc(reviews, form);
	const items = itemCount(doc);
	const secret = newSpaceSecret();
	const dataDir = mkdtempSync(join(tmpdir(), 'sahel-bench-sync-'));
	mkdirSync(join(dataDir, 'docs'), { recursive: true });
	writeFileSync(
		join(dataDir, 'docs', `${await spaceIdFor(secret)}.ydoc`),
		Y.encodeStateAsUpdate(doc)
	);
	const server = await startSyncServer({ port: PORT, dataDir, log: () => {} });
	try {
		return await withAppPage(async (page, url) => {
			await page.goto(`${url}/sync`);
			await page.getByLabel(/type its code/).fill(formatCode(secret));
			const t0 = Date.now();
			await page.getByRole('button', { name: 'Join' }).click();
			for (;;) {
				const logs = (await page.evaluate(`(${COUNT_STORED})(false)`)) as number;
				if (logs >= cardCount) break;
				if (Date.now() - t0 > 120_000)
					throw new Error(`only ${logs} of ${cardCount} cards' reviews arrived in 2 minutes`);
				await page.waitForTimeout(20);
			}
			const ms = Date.now() - t0;
			const stored = (await page.evaluate(`(${COUNT_STORED})(true)`)) as number;
			if (stored !== reviews.length)
				throw new Error(`expected ${reviews.length} reviews stored, found ${stored}`);
			await page
				.getByRole('status', { name: 'On this device' })
				.filter({ hasText: 'Synced' })
				.waitFor();
			// (polled every 100 ms or so by the locator: a bound, not a frame)
			const syncedMs = Date.now() - t0;
			if (form !== 'lines') {
				const how =
					form === 'list'
						? `the version before wrote (${items} items, a list value a review)`
						: `earlier versions wrote (${items} items: a map entry a review)`;
				return [measuredOnce(`browser-sync: the same from a space ${how}`, ms)];
			}
			const steps = (await page.evaluate(STEP_MARKS)) as [string, number][];
			const origin = (await page.evaluate('performance.timeOrigin')) as number;
			const firstRun = Math.min(...steps.filter(([n]) => n === 'run').map(([, t]) => t));
			const floor = (await page.evaluate(`(${RAW_PUT_MS})(${reviews.length})`)) as number;
			return [
				// pairing, the download, Yjs and the local copy of the document, before storage
				measuredOnce('browser-sync:   Join -> the first run of the mirror', origin + firstRun - t0),
				...stepResults(steps),
				measuredOnce(
					`browser-sync: for comparison, ${reviews.length} rows put one per rating (the schema before logs)`,
					floor
				),
				measuredOnce(
					`browser-sync: a fresh phone receives ${reviews.length} reviews (Join to stored; ${items} items, as this version writes them)`,
					ms,
					BUDGET_MS
				),
				measuredOnce('browser-sync: ... and the page says Synced', syncedMs)
			];
		});
	} finally {
		await server.stop();
		rmSync(dataDir, { recursive: true, force: true });
	}
}

export const syncBrowserBenchmarks: Benchmark[] = [
	{
		name: 'browser-sync',
		run: async () => [
			...(await benchFreshDevice('lines')),
			...(await benchFreshDevice('list')),
			...(await benchFreshDevice('map'))
		]
	}
];
