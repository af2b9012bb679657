// The fit offer in Settings, driven as the page drives it, with a fake optimizer (the real
// one is tested in tests/unit/srs/optimizer-data.test.ts) and fake-indexeddb.
import Dexie from 'dexie';
import { default_w } from 'ts-fsrs';
import { afterEach, describe, expect, test } from 'vitest';
import { FsrsOptimizer, type Fitter } from '$lib/state/fsrs-optimizer.svelte';
import { loadStudySettings } from '$lib/state/study-settings';
import { DB_NAME } from '$lib/storage/db';
import { closeDatabase, database } from '$lib/storage/repository';
import { addReviews } from '$lib/storage/review-log';

const FITTED = default_w.map((w, i) => (i === 0 ? w * 0.5 : w));

async function storeReviews(n: number) {
	const db = await database();
	const rows = Array.from({ length: n }, (_, i) => {
		const review = new Date(2025, 0, 1 + Math.floor(i / 4) * 3, 10);
		return {
			itemId: `card-${i % 4}`,
			rating: i % 7 === 0 ? 1 : 3,
			state: 2,
			due: review,
			stability: 3,
			difficulty: 5,
			elapsed_days: 3,
			last_elapsed_days: 3,
			scheduled_days: 3,
			learning_steps: 0,
			review
		};
	});
	await addReviews(db, rows as never[]);
}

afterEach(async () => {
	closeDatabase();
	await Dexie.delete(DB_NAME);
});

describe('fitting FSRS to the learner’s reviews', () => {
	test('is not offered below 1,000 reviews, and the optimizer is never loaded', async () => {
		await storeReviews(999);
		let loaded = false;
		const optimizer = new FsrsOptimizer(async () => ((loaded = true), FITTED));
		await optimizer.load();
		expect(optimizer.reviews).toBe(999);
		expect(optimizer.canFit).toBe(false);
		await optimizer.fit();
		expect(loaded).toBe(false);
		expect(optimizer.result).toBeUndefined();
	});

	test('shows the log loss before and after, and changes nothing until applied', async () => {
		await storeReviews(1000);
		const fitter: Fitter = async (items) => {
			expect(items.count).toBeGreaterThan(0);
			return FITTED;
		};
		const optimizer = new FsrsOptimizer(fitter);
		await optimizer.load();
		expect(optimizer.canFit).toBe(true);
		await optimizer.fit();
		expect(optimizer.phase).toBe('fitted');
		expect(optimizer.result?.parameters).toEqual(FITTED);
		expect(Number.isFinite(optimizer.result!.before)).toBe(true);
		expect(Number.isFinite(optimizer.result!.after)).toBe(true);
		expect((await loadStudySettings()).fsrsParameters).toBeUndefined();

		await optimizer.apply();
		expect(optimizer.phase).toBe('applied');
		expect(optimizer.usingFitted).toBe(true);
		expect((await loadStudySettings()).fsrsParameters).toEqual(FITTED);

		await optimizer.restore();
		expect(optimizer.usingFitted).toBe(false);
		expect((await loadStudySettings()).fsrsParameters).toBeUndefined();
	});

	test('an optimizer that fails or answers nonsense is said, and nothing is stored', async () => {
		await storeReviews(1000);
		const broken = new FsrsOptimizer(async () => [Number.NaN]);
		await broken.load();
		await broken.fit();
		expect(broken.phase).toBe('error');
		expect(broken.error).toMatch(/no usable parameters/);
		expect((await loadStudySettings()).fsrsParameters).toBeUndefined();
	});
});
