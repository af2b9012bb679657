import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { default_w } from 'ts-fsrs';
import {
	fsrsItems,
	isParameterSet,
	logLoss,
	type HistoryReview
} from '../../../src/lib/srs/optimizer-data';
import { clampStudySettings, PARAMETER_BOUNDS } from '../../../src/lib/srs/settings';
import { CLAMP_PARAMETERS, W17_W18_Ceiling } from 'ts-fsrs';

const day = (n: number, hour = 10) => new Date(2025, 0, 1 + n, hour);

/** A learner whose memory halves fast: reviews drawn from a seeded random recall. */
function syntheticHistory(cards: number): HistoryReview[] {
	let seed = 7;
	const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
	const reviews: HistoryReview[] = [];
	for (let c = 0; c < cards; c++) {
		let stability = 0.8;
		let t = 0;
		const n = 3 + (c % 4);
		for (let k = 0; k < n; k++) {
			const gap = k === 0 ? 0 : Math.max(1, Math.round(stability * 2));
			t += gap;
			const recalled = k === 0 || random() < Math.pow(0.5, gap / (stability * 3));
			const rating = k === 0 ? 3 : recalled ? (random() < 0.15 ? 4 : 3) : 1;
			reviews.push({ itemId: `card-${c}`, rating, review: day(t) });
			stability = recalled ? stability * 1.8 : Math.max(0.5, stability / 2);
		}
	}
	return reviews;
}

describe('the histories the optimizer reads', () => {
	test('each later-day review of a card, with the reviews before it, is one item', () => {
		const items = fsrsItems(
			[
				{ itemId: 'a', rating: 3, review: day(0) },
				{ itemId: 'a', rating: 3, review: day(0, 11) }, // same day: not a test of memory
				{ itemId: 'a', rating: 1, review: day(3) },
				{ itemId: 'a', rating: 0, review: day(4) }, // a manual reschedule: left out
				{ itemId: 'b', rating: 4, review: day(1) }
			],
			4
		);
		expect(items.count).toBe(1);
		expect([...items.lengths]).toEqual([3]);
		expect([...items.ratings]).toEqual([3, 3, 1]);
		expect([...items.deltas]).toEqual([0, 0, 3]);
	});

	test('a review before 4 am counts on the study day before', () => {
		const items = fsrsItems(
			[
				{ itemId: 'a', rating: 3, review: day(0, 22) },
				{ itemId: 'a', rating: 3, review: day(1, 2) },
				{ itemId: 'a', rating: 3, review: day(2, 9) }
			],
			4
		);
		expect([...items.deltas]).toEqual([0, 0, 2]);
	});

	test('log loss is a finite, positive mean over the items', () => {
		const items = fsrsItems(syntheticHistory(300), 4);
		const good = logLoss(default_w, items);
		expect(good).toBeGreaterThan(0);
		expect(Number.isFinite(good)).toBe(true);
	});

	test('the settings keep a fitted set only inside the ranges ts-fsrs clamps to', () => {
		expect(PARAMETER_BOUNDS).toEqual(CLAMP_PARAMETERS(W17_W18_Ceiling));
		expect(clampStudySettings({ fsrsParameters: [...default_w] }).fsrsParameters).toEqual([
			...default_w
		]);
		expect(clampStudySettings({ fsrsParameters: [1, 2, 3] }).fsrsParameters).toBeUndefined();
		const tooBig = [...default_w];
		tooBig[0] = 1e9;
		expect(clampStudySettings({ fsrsParameters: tooBig }).fsrsParameters).toBeUndefined();
		expect(isParameterSet([...default_w])).toBe(true);
	});
});

describe('fsrs-browser, the optimizer the app loads on demand', () => {
	test('fits parameters that predict a learner’s reviews better than the defaults', async () => {
		// written for a browser, the module reads `self` and listens for worker messages as it loads
		const scope = globalThis as { self?: unknown; addEventListener?: unknown };
		scope.self ??= globalThis;
		scope.addEventListener ??= () => {};
		const { default: init, Fsrs } = await import('fsrs-browser');
		await init({
			module_or_path: readFileSync('node_modules/fsrs-browser/fsrs_browser_bg.wasm')
		});
		const items = fsrsItems(syntheticHistory(400), 4);
		const optimizer = new Fsrs();
		const fitted = Array.from(
			optimizer.computeParameters(items.ratings, items.deltas, items.lengths, undefined, true)
		);
		// computeParameters takes the optimizer itself (Rust's self by value): nothing to free
		expect(isParameterSet(fitted)).toBe(true);
		expect(clampStudySettings({ fsrsParameters: fitted }).fsrsParameters).toEqual(fitted);
		const before = logLoss(default_w, items);
		const after = logLoss(fitted, items);
		console.info(`log loss ${before.toFixed(4)} -> ${after.toFixed(4)} over ${items.count} items`);
		expect(after).toBeLessThan(before);
	}, 60_000);
});
