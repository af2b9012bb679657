import { Rating, State } from 'ts-fsrs';
import { expect, test } from 'vitest';
import { retentionStats } from '../../../src/lib/progress/retention';
import { log, NOW, on } from './fixtures';

// The last 30 study days are 12 May to 10 June.
const history = [
	log(on(6, 10, 9), State.Review, Rating.Good), // recent, passed
	log(on(6, 9, 10), State.Review, Rating.Again), // recent, failed
	log(on(6, 9, 11), State.Review, Rating.Hard), // recent, passed (Hard is a pass)
	log(on(6, 9, 12), State.Learning, Rating.Again), // a learning step: not in retention
	log(on(6, 9, 13), State.New, Rating.Good), // first sight: not in retention
	log(on(6, 9, 14), State.Relearning, Rating.Good), // relearning: not in retention
	log(on(5, 12, 5), State.Review, Rating.Easy), // first recent day, passed
	log(on(5, 12, 2), State.Review, Rating.Again), // 2 am: study day of 11 May, not recent; failed
	log(on(4, 1, 10), State.Review, Rating.Easy), // old, passed
	log(on(6, 10, 10), State.Review, Rating.Manual), // a manual reschedule: not a review
	log(on(6, 11, 10), State.Review, Rating.Good) // tomorrow: ignored
];

test('true retention counts only reviews of cards already in Review state', () => {
	const stats = retentionStats(history, NOW);
	// overall: Good, Again, Hard, Easy (12 May), Again (11 May), Easy (1 April) -> 4 of 6
	expect(stats.overall).toEqual({ passed: 4, total: 6, rate: 4 / 6 });
	// last 30 days: Good, Again, Hard, Easy (12 May) -> 3 of 4
	expect(stats.recent).toEqual({ passed: 3, total: 4, rate: 0.75 });
});

test('reviews per day over the last 30 days, split by the card’s state before the rating', () => {
	const { perDay, recentTotal, recentMeanPerDay } = retentionStats(history, NOW);
	expect(perDay).toHaveLength(30);
	expect(perDay[0]).toEqual({ key: '2025-05-12', total: 1, learning: 0, review: 1, relearning: 0 });
	expect(perDay[28]).toEqual({
		key: '2025-06-09',
		total: 5,
		learning: 2,
		review: 2,
		relearning: 1
	});
	expect(perDay[29]).toEqual({
		key: '2025-06-10',
		total: 1,
		learning: 0,
		review: 1,
		relearning: 0
	});
	// 1 + 5 + 1 reviews over 30 days
	expect(recentTotal).toBe(7);
	expect(recentMeanPerDay).toBeCloseTo(7 / 30);
});

test('no reviews of learned cards gives no rate rather than 0%', () => {
	const stats = retentionStats([log(on(6, 10, 9), State.New)], NOW);
	expect(stats.overall).toEqual({ passed: 0, total: 0, rate: undefined });
	expect(stats.recent.rate).toBeUndefined();
	expect(stats.recentTotal).toBe(1);
});
