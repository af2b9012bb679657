// Sync benchmarks in Node (fake-indexeddb stands in for the browser's IndexedDB, and is
// slower than Chromium's): a fresh device receiving 100,000 reviews from its sync space, and
// the size of the Y.Doc per 10,000 reviews; each for a space as this version writes it and as
// earlier versions did (see sync-space.ts).
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import * as Y from 'yjs';
import { SahelDatabase } from '../../src/lib/storage/db';
import { createSyncStore } from '../../src/lib/storage/sync-store';
import { reviewCount } from '../../src/lib/storage/review-log';
import { SyncEngine } from '../../src/lib/sync/engine';
import { syntheticStudyData } from './srs';
import { measuredOnce, type Benchmark, type BenchResult } from './measure';
import { itemCount, spaceDoc, type SpaceForm } from './sync-space';

/** A sync document holding `count` reviews, as other devices made it. */
function docWithReviews(count: number, form: SpaceForm = 'lines'): Y.Doc {
	const { reviews } = syntheticStudyData();
	return spaceDoc(
		Array.from({ length: count }, (_, i) => reviews[i % reviews.length]!),
		form
	);
}

const FORM_LABEL: Record<SpaceForm, string> = {
	lines: 'as this version writes it',
	list: 'as the version before wrote it, a list value a review',
	map: 'written by earlier versions, a map entry a review'
};

async function freshDeviceReceives(count: number, form: SpaceForm): Promise<BenchResult[]> {
	const source = docWithReviews(count, form);
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
		`sync (${FORM_LABEL[form]}): ${(update.byteLength / 1024 / 1024).toFixed(2)} MB update of ${itemCount(source)} items; ${report.added} reviews added, ${report.cards} cards replayed`
	);
	return [
		measuredOnce(`sync: apply the ${count}-review update to a fresh Y.Doc (${form})`, t1 - t0),
		measuredOnce(
			`sync: store ${count} arrived reviews and replay their cards (fake-indexeddb, ${form})`,
			t2 - t1
		),
		measuredOnce(`sync: a fresh device receives ${count} reviews, in all (${form})`, t2 - t0)
	];
}

function docSize(): BenchResult[] {
	for (const form of ['lines', 'list', 'map'] as const) {
		const doc = docWithReviews(10_000, form);
		const bytes = Y.encodeStateAsUpdate(doc).byteLength;
		console.log(
			`sync: Y.Doc of 10,000 reviews ${FORM_LABEL[form]}: ${(bytes / 1024).toFixed(0)} KB encoded (${(bytes / 10_000).toFixed(0)} bytes a review), ${itemCount(doc)} items`
		);
	}
	return [];
}

export const syncBenchmarks: Benchmark[] = [
	{ name: 'sync-size', run: docSize },
	{
		name: 'sync-receive',
		run: async () => [
			...(await freshDeviceReceives(100_000, 'lines')),
			...(await freshDeviceReceives(100_000, 'list')),
			...(await freshDeviceReceives(100_000, 'map'))
		]
	}
];
