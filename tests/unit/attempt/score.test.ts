import { describe, expect, test } from 'vitest';
import { summarizeAttempt, type AnsweredQuestion } from '../../../src/lib/attempt/score';
import type { Grade } from '../../../src/lib/quiz/types';

const grade = (score: number): Grade => ({ correct: score === 1, score, expected: 'x' });
const question = (itemId: string, topic: string, score?: number): AnsweredQuestion => ({
	itemId,
	topic,
	grade: score === undefined ? undefined : grade(score)
});

const START = new Date('2026-03-01T10:00:00Z');
const END = new Date('2026-03-01T10:04:30Z');

describe('summarizeAttempt', () => {
	const summary = summarizeAttempt(
		[
			question('q1', 'actors', 1),
			question('q2', 'timeline', 0),
			question('q3', 'actors', 0.5),
			question('q4', 'places'),
			question('q5', 'timeline', 1)
		],
		START,
		END
	);

	test('scores full answers and partial credit over every question asked', () => {
		expect(summary).toMatchObject({ total: 5, answered: 4, right: 2, points: 2.5, score: 0.5 });
	});

	test('breaks the score down by topic in the order topics first appear', () => {
		expect(summary.byTopic).toEqual([
			{ topic: 'actors', right: 1, total: 2 },
			{ topic: 'timeline', right: 1, total: 2 },
			{ topic: 'places', right: 0, total: 1 }
		]);
	});

	test('lists wrong, partly right and unanswered questions as missed', () => {
		expect(summary.missedIds).toEqual(['q2', 'q3', 'q4']);
	});

	test('measures the time between the timestamps given', () => {
		expect(summary.durationMs).toBe(270_000);
		expect(summarizeAttempt([], START.getTime(), END.getTime()).durationMs).toBe(270_000);
	});

	test('never reports a negative time when the clock went back', () => {
		expect(summarizeAttempt([], END, START).durationMs).toBe(0);
	});

	test('an empty quiz scores zero rather than NaN', () => {
		expect(summarizeAttempt([], START, START)).toMatchObject({ total: 0, score: 0, missedIds: [] });
	});

	test('a score outside 0..1 cannot inflate the total', () => {
		const s = summarizeAttempt([question('q1', 'a', 7), question('q2', 'a', NaN)], START, END);
		expect(s.points).toBe(1);
	});
});
