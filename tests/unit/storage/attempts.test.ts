import Dexie from 'dexie';
import { afterEach, describe, expect, test } from 'vitest';
import { cardsMadeDue } from '$lib/quiz/study-link';
import type { QuizQuestion } from '$lib/quiz/build';
import { assignmentPlan, quizPlan, readAttempt, type StoredAnswer } from '$lib/attempt';
import {
	finishAttempt,
	getAttempt,
	listAttempts,
	mistakeItemIds,
	openAttempts,
	saveAnswer,
	saveDraft,
	savePosition,
	startAttempt
} from '$lib/storage/attempts';
import { DB_NAME, type AttemptRow } from '$lib/storage/db';
import { closeDatabase, database } from '$lib/storage/repository';
import { newCard } from '$lib/srs/scheduler';
import { NOW, at, reviewCard } from '../srs/fixtures';

afterEach(async () => {
	closeDatabase();
	await Dexie.delete(DB_NAME);
});

const questions: QuizQuestion[] = [
	{ itemId: 'q1', type: 'truefalse', optionOrder: ['True', 'False'] },
	{ itemId: 'q2', type: 'cloze' }
];
const plan = quizPlan(
	{ topics: 'all', types: 'all', count: 5, mode: 'practice', mistakesOnly: false, seed: 's' },
	[...questions]
);

const attempt = (id: string, startedAt = NOW): AttemptRow => ({
	id,
	kind: 'quiz',
	startedAt,
	plan,
	answers: {},
	position: 0
});

const answer = (correct: boolean, answeredAt = NOW): StoredAnswer => ({
	response: { kind: 'choice', choice: correct ? 'True' : 'False' },
	correct,
	score: correct ? 1 : 0,
	answeredAt
});

describe('attempts', () => {
	test('each answer is stored as it is given, with the position reached', async () => {
		await startAttempt(attempt('a'));
		await saveAnswer('a', 'q1', answer(true), 0);
		await savePosition('a', 1);
		await saveAnswer('a', 'q2', answer(false), 1);
		const row = await getAttempt('a');
		expect(Object.keys(row!.answers)).toEqual(['q1', 'q2']);
		expect(row!.position).toBe(1);
		expect(row!.plan).toEqual(plan);
	});

	test('the newest unfinished quiz is the one to resume; finished ones are history', async () => {
		await startAttempt(attempt('old', at(1)));
		await startAttempt(attempt('new', at(2)));
		expect((await openAttempts('quiz'))[0]?.id).toBe('new');
		await finishAttempt('new', at(3));
		expect((await openAttempts('quiz'))[0]?.id).toBe('old');
		expect((await listAttempts()).map((row) => row.id)).toEqual(['new', 'old']);
	});

	test('an answer for an attempt another tab finished is refused with a coded error', async () => {
		await startAttempt(attempt('a'));
		await finishAttempt('a', NOW);
		await expect(saveAnswer('a', 'q1', answer(true), 1)).rejects.toMatchObject({
			code: 'attempt-finished'
		});
		await expect(saveDraft('a', undefined)).rejects.toMatchObject({ code: 'attempt-finished' });
		await expect(finishAttempt('a', at(2))).rejects.toMatchObject({ code: 'attempt-finished' });
		expect((await getAttempt('a'))!.answers).toEqual({});
		expect((await getAttempt('a'))!.finishedAt).toEqual(NOW);
	});

	test('an answer for an attempt that is gone says so', async () => {
		await expect(saveAnswer('gone', 'q1', answer(true), 1)).rejects.toMatchObject({
			code: 'attempt-missing'
		});
	});

	test('a draft is kept until the answer it becomes is saved', async () => {
		await startAttempt(attempt('a'));
		const response = { kind: 'choice', choice: 'False' } as const;
		await saveDraft('a', { itemId: 'q1', response });
		expect((await getAttempt('a'))!.draft).toEqual({ itemId: 'q1', response });
		await saveAnswer('a', 'q1', answer(false), 0);
		expect((await getAttempt('a'))!.draft).toBeUndefined();
	});

	test('an assignment attempt ends together with its receipt code', async () => {
		const taking = { assignmentId: 'as1', student: 'Awa', attempt: 1 };
		await startAttempt({
			...attempt('a'),
			kind: 'assignment',
			assignmentId: 'as1',
			plan: assignmentPlan(taking, [...questions])
		});
		await finishAttempt('a', NOW, 'RECEIPT');
		const row = await getAttempt('a');
		expect(row!.finishedAt).toEqual(NOW);
		expect(readAttempt(row!)!.assignment).toEqual({ ...taking, receiptCode: 'RECEIPT' });
	});

	test('mistakes are the items last answered wrong', async () => {
		await startAttempt(attempt('a', at(1)));
		await saveAnswer('a', 'q1', answer(false, at(1)), 0);
		await saveAnswer('a', 'q2', answer(false, at(1)), 1);
		await startAttempt(attempt('b', at(2)));
		await saveAnswer('b', 'q1', answer(true, at(2)), 0);
		expect([...(await mistakeItemIds())]).toEqual(['q2']);
	});
});

describe('wrong answers feed study', () => {
	test('a wrong answer makes the studied cards of its facts due at the answer time', async () => {
		const later = at(20);
		await (
			await database()
		).cards.bulkPut([
			reviewCard('same-fact', later, ['f1']),
			reviewCard('other-fact', later, ['f9']),
			reviewCard('shares-one', later, ['f9', 'f2'])
		]);
		await startAttempt(attempt('a'));
		await saveAnswer('a', 'q1', answer(false, NOW), 0, ['f1', 'f2']);
		const due = Object.fromEntries(
			(await (await database()).cards.toArray()).map((card) => [card.itemId, card.due])
		);
		expect(due).toEqual({ 'same-fact': NOW, 'other-fact': later, 'shares-one': NOW });
	});

	test('a right answer changes no card, and no card is ever created', async () => {
		await startAttempt(attempt('a'));
		await saveAnswer('a', 'q1', answer(true), 0, ['f1']);
		await saveAnswer('a', 'q2', answer(false), 1, ['f1']);
		expect(await (await database()).cards.count()).toBe(0);
	});

	test('cards never studied and cards already due are left as they are', () => {
		const earlier = at(5);
		const cards = [newCard('new', ['f1'], at(1)), reviewCard('overdue', earlier, ['f1'])];
		expect(cardsMadeDue(cards, ['f1'], NOW)).toEqual([]);
	});
});
