// Sync benchmarks in Node (fake-indexeddb stands in for the browser's IndexedDB, and is
// slower than Chromium's): a fresh device receiving 100,000 reviews from its sync space, and
// the size of the Y.Doc per 10,000 reviews.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import * as Y from 'yjs';
import { SahelDatabase } from '../../src/lib/storage/db';
import { createSyncStore } from '../../src/lib/storage/sync-store';
import { reviewCount } from '../../src/lib/storage/review-log';
import { SyncEngine } from '../../src/lib/sync/engine';
import { encodeReviewEvent } from '../../src/lib/sync/review-event';
import { syncMaps } from '../../src/lib/sync/sync-doc';
import { syntheticStudyData } from './srs';
import { measuredOnce, type Benchmark, type BenchResult } from './measure';

/** A sync document holding `count` reviews, as another device made it. */
function docWithReviews(count: number): Y.Doc {
	const { reviews } = syntheticStudyData();
	const doc = new Y.Doc();
	const map = syncMaps(doc).reviews;
	doc.transact(() => {
		for (let i = 0; i < count; i++) {
			const review = reviews[i % reviews.length]!;
			map.set(crypto.randomUUID(), encodeReviewEvent(review));
		}
	});
	return doc;
}

async function freshDeviceReceives(count: number): Promise<BenchResult[]> {
	const source = docWithReviews(count);
	const update = Y.encodeStateAsUpdate(source);
	const name = `bench-sync-${Date.now()}`;
	const db = new SahelDatabase(name);
	const doc = new Y.Doc();
	const engine = new SyncEngine(doc, createSyncStore({ db, now: () => new Date(2025, 5, 10, 12) }));
	const t0 = performance.now();
	Y.applyUpdate(doc, update, 'server');
	const t1 = performance.now();
	const report = await engine.run();
	const t2 = performance.now();
	const stored = await reviewCount(db);
	db.close();
	await Dexie.delete(name);
	if (stored !== count) throw new Error(`expected ${count} reviews stored, found ${stored}`);
	console.log(
		`sync: ${(update.byteLength / 1024 / 1024).toFixed(2)} MB update; ${report.added} reviews added, ${report.cards} cards replayed`
	);
	return [
		measuredOnce(`sync: apply the ${count}-review update to a fresh Y.Doc`, t1 - t0),
		measuredOnce(
			`sync: store ${count} arrived reviews and replay their cards (fake-indexeddb)`,
			t2 - t1
		),
		measuredOnce(`sync: a fresh device receives ${count} reviews, in all`, t2 - t0)
	];
}

function docSize(): BenchResult[] {
	const doc = docWithReviews(10_000);
	const bytes = Y.encodeStateAsUpdate(doc).byteLength;
	console.log(
		`sync: Y.Doc of 10,000 reviews: ${(bytes / 1024).toFixed(0)} KB encoded (${(bytes / 10_000).toFixed(0)} bytes a review)`
	);
	return [];
}

export const syncBenchmarks: Benchmark[] = [
	{ name: 'sync-size', run: docSize },
	{ name: 'sync-receive', run: () => freshDeviceReceives(100_000) }
];
