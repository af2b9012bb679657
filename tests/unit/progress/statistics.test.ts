import { State } from 'ts-fsrs';
import { expect, test } from 'vitest';
import { progressStatistics } from '../../../src/lib/progress';
import { cardOf, log, NOW, on } from './fixtures';

test('the progress page gets every statistic from one call', () => {
	const stats = progressStatistics({
		items: [{ id: 'a', type: 'flashcard', topic: 't', source: { paragraph: 'p1' } }],
		cards: [cardOf('a', State.Review, { due: on(6, 11), stability: 30 })],
		reviews: [log(on(6, 10, 9))],
		attempts: [
			{ id: 'q', kind: 'quiz', finishedAt: on(6, 9), summary: { score: 0.6, right: 3, total: 5 } }
		],
		now: NOW
	});
	expect(stats.heatmap.total).toBe(1);
	expect(stats.forecast.days[1]!.due).toBe(1);
	expect(stats.retention.overall.rate).toBe(1);
	expect(stats.mastery.overall.mastered).toBe(1);
	expect(stats.quizzes.latest).toBe(0.6);
});
