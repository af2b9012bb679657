import { describe, expect, test } from 'vitest';
import {
	attemptOutcome,
	deadlineOf,
	formatClock,
	formatDuration,
	latestMistakes,
	readAnswer,
	readAttempt,
	upgradePlan,
	withReceipt,
	assignmentPlan,
	attemptOfItems,
	quizPlan,
	type AttemptLike,
	type StoredAnswer
} from '$lib/attempt';
import type { QuizConfig } from '$lib/quiz/types';

const CONFIG: QuizConfig = {
	topics: 'all',
	types: 'all',
	count: 'all',
	mode: 'practice',
	mistakesOnly: false,
	seed: 's'
};
const TAKING = { assignmentId: 'as1', student: 'Awa Traoré', attempt: 2, deadline: 5_000 };
const questionsOf = (itemIds: string[]) =>
	itemIds.map((itemId) => ({ itemId, type: 'mcq' as const }));
const plan = (itemIds: string[], mode: 'practice' | 'exam' = 'practice') =>
	quizPlan({ ...CONFIG, mode }, questionsOf(itemIds));

const answer = (correct: boolean, at: number, score = correct ? 1 : 0): StoredAnswer => ({
	response: { kind: 'choice', choice: 'x' },
	correct,
	score,
	answeredAt: new Date(at)
});

const attempt = (id: string, itemIds: string[], answers: Record<string, unknown>): AttemptLike => ({
	id,
	kind: 'quiz',
	startedAt: new Date(0),
	plan: plan(itemIds),
	answers,
	position: 0
});

describe('reading stored attempts', () => {
	test('a plan of this version reads back; anything else is refused, never thrown on', () => {
		expect(upgradePlan('quiz', plan(['a']))).toEqual(plan(['a']));
		const taken = assignmentPlan(TAKING, questionsOf(['a']));
		expect(upgradePlan('assignment', taken)).toEqual(taken);
		for (const bad of [
			null,
			1,
			{},
			{ version: 2 },
			{ ...plan([]), questions: [{}] },
			{ ...plan([]), quiz: { config: { ...CONFIG, mode: 'race' } } },
			{ ...taken, assignment: { ...TAKING, attempt: '2' } },
			{ ...taken, assignment: { ...TAKING, deadline: Infinity } },
			{ ...taken, quiz: { config: CONFIG } },
			{ ...plan([]), version: 3 }
		]) {
			expect(upgradePlan('quiz', bad)).toBeUndefined();
			expect(upgradePlan('assignment', bad)).toBeUndefined();
		}
	});

	test('a plan is read only as the kind of attempt it belongs to', () => {
		expect(upgradePlan('assignment', plan(['a']))).toBeUndefined();
		expect(upgradePlan('quiz', assignmentPlan(TAKING, questionsOf(['a'])))).toBeUndefined();
	});

	test('the two shapes written before schema version 5 read as the current one', () => {
		const quizV1 = { version: 1, config: CONFIG, questions: questionsOf(['a', 'b']) };
		expect(upgradePlan('quiz', quizV1)).toEqual(quizPlan(CONFIG, questionsOf(['a', 'b'])));
		const student = { ...TAKING, receiptCode: 'R1', questions: questionsOf(['a']) };
		expect(upgradePlan('assignment', student)).toEqual(
			assignmentPlan({ ...TAKING, receiptCode: 'R1' }, questionsOf(['a']))
		);
		// an old quiz plan is not an assignment's, nor the reverse
		expect(upgradePlan('assignment', quizV1)).toBeUndefined();
		expect(upgradePlan('quiz', student)).toBeUndefined();
	});

	test('an upgraded plan runs the same attempt: same questions, mode and deadline', () => {
		const row = (p: unknown): AttemptLike => ({
			id: 'x',
			kind: 'assignment',
			startedAt: new Date(0),
			plan: p,
			answers: {},
			position: 1
		});
		const legacy = readAttempt(row({ ...TAKING, questions: questionsOf(['a', 'b']) }))!;
		const current = readAttempt(row(assignmentPlan(TAKING, questionsOf(['a', 'b']))))!;
		expect(legacy).toEqual(current);
		expect(current.deadline).toEqual(new Date(5_000));
		expect(current.mode).toBe('assignment');
	});

	test("an attempt belongs to the article of its questions, a retired one's included", () => {
		const row = (p: unknown): AttemptLike => ({
			id: 'x',
			kind: 'quiz',
			startedAt: new Date(0),
			plan: p,
			answers: {},
			position: 0
		});
		const ids = new Set(['a', 'b']);
		expect(attemptOfItems(row(plan(['a', 'retired-since'])), ids)).toBe(true);
		expect(attemptOfItems(row(plan(['other-article'])), ids)).toBe(false);
		expect(attemptOfItems(row({ version: 9 }), ids)).toBe(false);
	});

	test('fields this version does not know survive the upgrade and the receipt', () => {
		const newer = {
			...assignmentPlan({ ...TAKING, packId: 'p' } as typeof TAKING, questionsOf(['a'])),
			seed: 'x'
		};
		expect(upgradePlan('assignment', newer)).toBe(newer);
		expect(withReceipt(upgradePlan('assignment', newer)!, 'R')).toMatchObject({
			seed: 'x',
			assignment: { packId: 'p', receiptCode: 'R' }
		});
		const quizV1 = { version: 1, config: CONFIG, questions: questionsOf(['a']), note: 'n' };
		expect(upgradePlan('quiz', quizV1)).toMatchObject({ version: 2, note: 'n' });
		const student = { ...TAKING, questions: questionsOf(['a']), device: 'd' };
		expect(upgradePlan('assignment', student)?.assignment).toMatchObject({ device: 'd' });
	});

	test('a receipt code is written into an assignment plan only', () => {
		const taken = assignmentPlan(TAKING, questionsOf(['a']));
		expect(withReceipt(taken, 'R').assignment?.receiptCode).toBe('R');
		expect(withReceipt(plan(['a']), 'R')).toEqual(plan(['a']));
	});

	test('an answer needs its response, verdict, score and time', () => {
		expect(readAnswer(answer(true, 1))).toBeDefined();
		expect(readAnswer({ ...answer(true, 1), answeredAt: '1970' })).toBeUndefined();
		expect(readAnswer({ correct: true, score: 1 })).toBeUndefined();
		expect(readAnswer('right')).toBeUndefined();
	});
});

describe('attemptOutcome', () => {
	test('counts answered, right and partial credit over every planned question', () => {
		const outcome = attemptOutcome(
			attempt('1', ['a', 'b', 'c', 'd'], {
				a: answer(true, 1),
				b: answer(false, 2, 0.5),
				c: answer(false, 3)
			})
		);
		expect(outcome).toMatchObject({ total: 4, answered: 3, right: 1, score: 1.5 / 4 });
	});

	test('answers to items outside the plan are not counted', () => {
		expect(attemptOutcome(attempt('1', ['a'], { z: answer(true, 1) }))).toMatchObject({
			answered: 0,
			score: 0
		});
	});
});

describe('latestMistakes', () => {
	test('an item is a mistake when its latest answer, across attempts, was wrong', () => {
		const mistakes = latestMistakes([
			attempt('1', ['a', 'b', 'c'], {
				a: answer(false, 1),
				b: answer(true, 1),
				c: answer(false, 1)
			}),
			attempt('2', ['a', 'b'], { a: answer(true, 2), b: answer(false, 2) })
		]);
		expect([...mistakes].sort()).toEqual(['b', 'c']);
	});

	test('attempt order does not matter, only answer times', () => {
		const mistakes = latestMistakes([
			attempt('2', ['a'], { a: answer(true, 5) }),
			attempt('1', ['a'], { a: answer(false, 1) })
		]);
		expect(mistakes.size).toBe(0);
	});

	test('unreadable answers are ignored', () => {
		expect(latestMistakes([attempt('1', ['a'], { a: { correct: false } })]).size).toBe(0);
	});
});

describe('time', () => {
	test('a deadline exists only with a positive limit', () => {
		expect(deadlineOf(new Date(1000), 60)?.getTime()).toBe(61_000);
		expect(deadlineOf(new Date(1000), undefined)).toBeUndefined();
		expect(deadlineOf(new Date(1000), 0)).toBeUndefined();
	});

	test.each([
		[0, '0:00'],
		[5, '0:05'],
		[245, '4:05'],
		[3723, '1:02:03'],
		[-3, '0:00']
	])('%i seconds show as %s', (seconds, text) => {
		expect(formatClock(seconds)).toBe(text);
	});

	test.each([
		[0, '0 s'],
		[45_000, '45 s'],
		[120_000, '2 min'],
		[200_000, '3 min 20 s']
	])('%i ms read as %s', (ms, text) => {
		expect(formatDuration(ms)).toBe(text);
	});
});
