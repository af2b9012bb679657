import { expect, test } from 'vitest';
import { quizHistory, type FinishedAttempt } from '../../../src/lib/progress/quiz-history';
import { on } from './fixtures';

const attempt = (
	id: string,
	finishedAt: Date | undefined,
	score: number,
	right = 0,
	total = 5
): FinishedAttempt => ({ id, kind: 'quiz', finishedAt, summary: { score, right, total } });

test('finished attempts in time order, with a moving average over the last two', () => {
	const history = quizHistory(
		[
			attempt('c', on(6, 3, 1), 1, 5), // 1 am: study day 2 June
			attempt('a', on(6, 1, 18), 0.5, 2),
			attempt('running', undefined, 0.9),
			attempt('b', on(6, 2, 9), 0.8, 4)
		],
		{ window: 2 }
	);
	expect(history.points.map((p) => [p.id, p.key, p.score])).toEqual([
		['a', '2025-06-01', 0.5],
		['b', '2025-06-02', 0.8],
		['c', '2025-06-02', 1]
	]);
	// (0.5) / 1, (0.5 + 0.8) / 2, (0.8 + 1) / 2
	const averages = history.points.map((p) => p.movingAverage);
	[0.5, 0.65, 0.9].forEach((expected, i) => expect(averages[i]).toBeCloseTo(expected));
	// (0.5 + 0.8 + 1) / 3
	expect(history.mean).toBeCloseTo(2.3 / 3);
	expect(history.best).toBe(1);
	expect(history.latest).toBe(1);
	expect(history.points[2]).toMatchObject({ right: 5, total: 5, kind: 'quiz' });
});

test('broken stored scores are clamped to 0..1, and no attempts give no figures', () => {
	const history = quizHistory([attempt('x', on(6, 1), NaN), attempt('y', on(6, 2), 1.5)]);
	expect(history.points.map((p) => p.score)).toEqual([0, 1]);
	expect(quizHistory([])).toEqual({
		points: [],
		mean: undefined,
		best: undefined,
		latest: undefined
	});
});
