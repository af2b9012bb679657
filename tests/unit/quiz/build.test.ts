import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ITEM_TYPES } from '../../../src/lib/bank/types';
import { arrangeQuestion, buildQuiz, eligibleItems } from '../../../src/lib/quiz/build';
import { createRng, shuffle } from '../../../src/lib/quiz/random';
import type { QuizConfig } from '../../../src/lib/quiz/types';
import { bank, item } from './fixtures';

const BANK = bank(ITEM_TYPES, 4);
const config = (overrides: Partial<QuizConfig> = {}): QuizConfig => ({
	topics: 'all',
	types: 'all',
	count: 10,
	mode: 'practice',
	mistakesOnly: false,
	seed: 'seed-1',
	...overrides
});
const ids = (questions: { itemId: string }[]) => questions.map((q) => q.itemId);

describe('buildQuiz is replayable from its seed', () => {
	test('the same seed builds the same quiz', () => {
		expect(buildQuiz(BANK, config())).toEqual(buildQuiz(BANK, config()));
	});

	test('the order of the bank does not matter', () => {
		const reordered = shuffle(BANK, createRng('bank order'));
		expect(buildQuiz(reordered, config())).toEqual(buildQuiz(BANK, config()));
	});

	test('different seeds usually build different quizzes', () => {
		const orders = new Set(
			Array.from({ length: 20 }, (_, i) => ids(buildQuiz(BANK, config({ seed: `s${i}` }))).join())
		);
		expect(orders.size).toBeGreaterThanOrEqual(19);
	});

	test('a question looks the same whichever quiz it appears in', () => {
		const all = buildQuiz(BANK, config({ count: 'all' }));
		const some = buildQuiz(BANK, config({ count: 5, types: ['mcq', 'ordering', 'matching'] }));
		for (const question of some) {
			expect(all.find((q) => q.itemId === question.itemId)).toEqual(question);
		}
	});
});

describe('buildQuiz selects what the config asks for', () => {
	test.each([5, 10, 20, 'all'] as const)('count %s', (count) => {
		const questions = buildQuiz(BANK, config({ count }));
		expect(questions).toHaveLength(count === 'all' ? BANK.length : count);
		expect(new Set(ids(questions)).size).toBe(questions.length);
	});

	test('asks every eligible item once when fewer items than the count exist', () => {
		expect(buildQuiz(BANK.slice(0, 3), config({ count: 20 }))).toHaveLength(3);
	});

	test('ten questions over ten types ask one of each type', () => {
		const types = buildQuiz(BANK, config({ count: 10 })).map((q) => q.type);
		expect([...types].sort()).toEqual([...ITEM_TYPES].sort());
	});

	test('keeps only the chosen topics and types', () => {
		const questions = buildQuiz(
			BANK,
			config({ count: 'all', topics: ['actors'], types: ['cloze', 'map'] })
		);
		const chosen = BANK.filter(
			(i) => i.topic === 'actors' && (i.type === 'cloze' || i.type === 'map')
		);
		expect(ids(questions).sort()).toEqual(chosen.map((i) => i.id).sort());
	});

	test('an empty topic list chooses nothing, unlike "all"', () => {
		expect(buildQuiz(BANK, config({ topics: [] }))).toEqual([]);
	});

	test('mistakes only asks just the items answered wrong before', () => {
		const mistakes = ['f0-mcq', 'f1-cloze', 'f2-ordering', 'not-in-bank'];
		const questions = buildQuiz(BANK, config({ mistakesOnly: true, count: 'all' }), mistakes);
		expect(ids(questions).sort()).toEqual(['f0-mcq', 'f1-cloze', 'f2-ordering']);
		expect(buildQuiz(BANK, config({ mistakesOnly: true }), [])).toEqual([]);
	});

	test('mistakes are ignored unless mistakes only is on', () => {
		expect(buildQuiz(BANK, config({ count: 'all' }), ['f0-mcq'])).toHaveLength(BANK.length);
	});

	test('eligibleItems filters and sorts by id', () => {
		const items = eligibleItems(BANK, {
			topics: ['places'],
			types: ['numeric'],
			mistakesOnly: false
		});
		expect(items.map((i) => i.id)).toEqual(['f2-numeric']);
	});
});

describe('arrangeQuestion shuffles the parts of each question', () => {
	test('options are a rearrangement of the item options', () => {
		for (const type of ['mcq', 'who-said', 'map'] as const) {
			const it = item({ type });
			const q = arrangeQuestion(it, 'seed');
			expect([...(q.optionOrder ?? [])].sort()).toEqual([...(it.options ?? [])].sort());
		}
	});

	test('options are shuffled per question, not once for the whole quiz', () => {
		const orders = new Set(
			Array.from({ length: 12 }, (_, i) =>
				arrangeQuestion(item({ id: `f${i}-mcq` }), 'seed').optionOrder?.join()
			)
		);
		expect(orders.size).toBeGreaterThan(1);
	});

	test('true or false keeps True first', () => {
		for (const seed of ['a', 'b', 'c', 'd']) {
			expect(arrangeQuestion(item({ type: 'truefalse' }), seed).optionOrder).toEqual([
				'True',
				'False'
			]);
		}
	});

	test('an ordering question never starts in the correct order', () => {
		fc.assert(
			fc.property(
				fc.array(fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F'), { minLength: 2, maxLength: 6 }),
				fc.string(),
				(sequence, seed) => {
					fc.pre(new Set(sequence).size > 1); // all the same: no other order exists
					const q = arrangeQuestion(item({ type: 'ordering', sequence }), seed);
					expect(q.sequenceStart).not.toEqual(sequence);
					expect([...(q.sequenceStart ?? [])].sort()).toEqual([...sequence].sort());
				}
			),
			{ numRuns: 500 }
		);
	});

	test('a two-entry ordering question always starts swapped', () => {
		for (let i = 0; i < 20; i++) {
			const q = arrangeQuestion(item({ type: 'ordering', sequence: ['A', 'B'] }), `s${i}`);
			expect(q.sequenceStart).toEqual(['B', 'A']);
		}
	});

	test('a matching question never lines every pair up across its columns', () => {
		fc.assert(
			fc.property(fc.integer({ min: 2, max: 6 }), fc.string(), (n, seed) => {
				const pairs = Array.from({ length: n }, (_, i) => ({ left: `L${i}`, right: `R${i}` }));
				const q = arrangeQuestion(item({ type: 'matching', pairs }), seed);
				const lefts = q.leftOrder ?? [];
				const rights = q.rightOrder ?? [];
				expect([...lefts].sort()).toEqual(pairs.map((p) => p.left).sort());
				expect([...rights].sort()).toEqual(pairs.map((p) => p.right).sort());
				expect(lefts.every((l, i) => rights[i] === `R${l.slice(1)}`)).toBe(false);
			}),
			{ numRuns: 500 }
		);
	});

	test('typed questions have nothing to shuffle', () => {
		expect(arrangeQuestion(item({ type: 'cloze' }), 'seed')).toEqual({
			itemId: 'f1-cloze',
			type: 'cloze'
		});
	});
});
