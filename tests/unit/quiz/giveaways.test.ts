import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Bank } from '../../../src/lib/bank/types';
import { buildQuiz } from '../../../src/lib/quiz/build';
import { giveawayBetween, giveawayConflicts } from '../../../src/lib/quiz/giveaways';
import type { QuizConfig } from '../../../src/lib/quiz/types';
import { item } from './fixtures';

const arrest = item({
	id: 'arrest-date:flashcard',
	type: 'flashcard',
	factIds: ['arrest-date'],
	prompt: 'On what date was the French diplomat Yann Vezilier arrested?',
	answer: 'August 15, 2025'
});
const diplomat = item({
	id: 'diplomat:flashcard',
	type: 'flashcard',
	factIds: ['diplomat'],
	prompt: 'Which French diplomat was arrested by Malian authorities on August 15, 2025?',
	answer: 'Yann Vezilier',
	accept: ['Vezilier']
});
const toll = item({
	id: 'toll:numeric',
	type: 'numeric',
	factIds: ['toll'],
	prompt: 'How many Malian troops were killed near Mopti?',
	answer: '14',
	accept: ['fourteen']
});
const tollTrue = item({
	id: 'toll:true',
	type: 'truefalse',
	factIds: ['toll'],
	prompt: 'Fourteen Malian soldiers died near Mopti.',
	answer: 'True'
});

describe('giveaways', () => {
	test('a stem that shows another question’s answer gives it away', () => {
		expect(giveawayBetween(arrest, diplomat)).toMatchObject({
			reason: 'answer-in-stem',
			shows: arrest.id,
			asks: diplomat.id,
			detail: 'yann vezilier'
		});
		// and here the other way too: the diplomat question shows the date
		expect(giveawayBetween(diplomat, arrest)).toMatchObject({
			shows: diplomat.id,
			asks: arrest.id,
			detail: 'august 15 2025'
		});
	});

	test('accepted forms count: "Fourteen" in a stem gives away 14', () => {
		const other = { ...tollTrue, factIds: ['other'] };
		expect(giveawayBetween(other, toll)).toMatchObject({
			reason: 'answer-in-stem',
			detail: 'fourteen'
		});
	});

	test('two items of one fact never share a quiz', () => {
		expect(giveawayBetween(toll, tollTrue)).toMatchObject({ reason: 'same-fact', detail: 'toll' });
	});

	test('an answer inside a longer word or number is no giveaway', () => {
		const year = item({
			id: 'y:cloze',
			type: 'cloze',
			factIds: ['y'],
			prompt: 'In _____.',
			answer: '20'
		});
		expect(giveawayBetween(year, arrest)).toBeUndefined();
	});

	test('True or False gives nothing away', () => {
		const trueStem = item({
			id: 'x:flashcard',
			type: 'flashcard',
			factIds: ['x'],
			prompt: 'True or not?',
			answer: 'Yes'
		});
		expect(giveawayBetween(trueStem, { ...tollTrue, factIds: ['z'] })).toBeUndefined();
	});

	test('giveawayConflicts lists every pair, for the instructor’s warning', () => {
		expect(giveawayConflicts([arrest, diplomat, toll, tollTrue]).map((g) => g.reason)).toEqual([
			'answer-in-stem',
			'same-fact'
		]);
	});
});

describe('quizzes from the real bank', () => {
	const bank = JSON.parse(readFileSync('static/bank/france-mali-2025.json', 'utf8')) as Bank;
	const config = (seed: string, count: QuizConfig['count']): QuizConfig => ({
		topics: 'all',
		types: 'all',
		count,
		mode: 'practice',
		mistakesOnly: false,
		seed
	});

	test.each(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'])(
		'seed %s: twenty questions, none giving another away, no fact twice',
		(seed) => {
			const byId = new Map(bank.items.map((i) => [i.id, i]));
			const quiz = buildQuiz(bank.items, config(seed, 20)).map((q) => byId.get(q.itemId)!);
			expect(quiz).toHaveLength(20);
			expect(giveawayConflicts(quiz)).toEqual([]);
		}
	);

	test.each(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'])(
		'seed %s: ten questions still show all ten types',
		(seed) => {
			const byId = new Map(bank.items.map((i) => [i.id, i]));
			const quiz = buildQuiz(bank.items, config(seed, 10)).map((q) => byId.get(q.itemId)!);
			expect(new Set(quiz.map((i) => i.type)).size).toBe(10);
		}
	);

	test('without the rule, random twenty-question draws would often hold a giveaway', () => {
		// the check above can fail: the bank is full of pairs that answer each other
		expect(giveawayConflicts(bank.items.slice(0, 20)).length).toBeGreaterThan(0);
	});
});
