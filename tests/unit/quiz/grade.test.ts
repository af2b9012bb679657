import { describe, expect, test } from 'vitest';
import { ITEM_TYPES, type BankItem, type ItemType } from '../../../src/lib/bank/types';
import { gradeItem } from '../../../src/lib/quiz/grade';
import { RESPONSE_KIND_BY_TYPE, type Response } from '../../../src/lib/quiz/types';
import { choice, item, order, pairs, text } from './fixtures';

type Case = { given: string; correct: boolean; note?: string };
const TYPO = 'Accepted with one typo';

/** Grades a typed answer to `it` and checks the verdict and the note. */
function expectTyped(it: BankItem, { given, correct, note }: Case) {
	const grade = gradeItem(it, text(given));
	expect(grade).toMatchObject({ correct, score: correct ? 1 : 0, expected: it.answer });
	expect(grade.note).toBe(note);
}

describe('choice items are right only when the chosen option is the answer', () => {
	const cases: { type: ItemType; given: string; correct: boolean }[] = [
		{ type: 'mcq', given: 'Wagner Group', correct: true },
		{ type: 'mcq', given: 'wagner group', correct: true },
		{ type: 'mcq', given: '  Wagner   Group ', correct: true },
		{ type: 'mcq', given: 'MINUSMA', correct: false },
		{ type: 'mcq', given: 'Wagner Grou', correct: false }, // choices are picked, not typed
		{ type: 'mcq', given: '', correct: false },
		{ type: 'truefalse', given: 'True', correct: true },
		{ type: 'truefalse', given: 'False', correct: false },
		{ type: 'who-said', given: 'Malian authorities', correct: true },
		{ type: 'who-said', given: 'French officials', correct: false },
		{ type: 'map', given: 'Mali', correct: true },
		{ type: 'map', given: 'Niger', correct: false }
	];
	test.each(cases)('$type: "$given" is correct: $correct', ({ type, given, correct }) => {
		const it = item({ type });
		expect(gradeItem(it, choice(given))).toEqual({
			correct,
			score: correct ? 1 : 0,
			expected: it.answer
		});
	});

	test('a false statement is graded against False', () => {
		const it = item({ type: 'truefalse', answer: 'False' });
		expect(gradeItem(it, choice('False')).correct).toBe(true);
		expect(gradeItem(it, choice('True')).correct).toBe(false);
	});
});

describe('flashcard answers are typed and graded tolerantly', () => {
	const it = item({ type: 'flashcard', answer: 'Bamako' });
	test.each<Case>([
		{ given: 'Bamako', correct: true },
		{ given: 'bamako', correct: true },
		{ given: ' BAMAKO. ', correct: true },
		{ given: 'Bamakó', correct: true },
		{ given: 'Bamkao', correct: true, note: TYPO }, // two neighbours swapped
		{ given: 'Bamak', correct: true, note: TYPO },
		{ given: 'Bammako', correct: true, note: TYPO },
		{ given: 'Bamuko', correct: true, note: TYPO },
		{ given: 'Bmko', correct: false },
		{ given: 'Bamkaoo', correct: false },
		{ given: 'Dakar', correct: false },
		{ given: '', correct: false }
	])('"$given" -> $correct', (c) => expectTyped(it, c));
});

describe('reverse answers under five letters must be exact', () => {
	const it = item({ type: 'reverse', answer: 'Mali', accept: ['Republic of Mali'] });
	test.each<Case>([
		{ given: 'Mali', correct: true },
		{ given: 'MALI', correct: true },
		{ given: 'Malí', correct: true },
		{ given: 'Mal', correct: false },
		{ given: 'Mail', correct: false },
		{ given: 'Bali', correct: false },
		{ given: 'the Republic of Mali', correct: true },
		{ given: 'Republic of Mail', correct: true, note: TYPO },
		{ given: 'Niger', correct: false }
	])('"$given" -> $correct', (c) => expectTyped(it, c));
});

describe('cloze answers accept variants, accents, punctuation and number words', () => {
	test.each<Case>([
		{ given: 'Operation Barkhane', correct: true },
		{ given: 'operation barkhane', correct: true },
		{ given: 'Barkhane', correct: true },
		{ given: 'barkane', correct: true, note: TYPO },
		{ given: 'Opération  Barkhane!', correct: true },
		{ given: 'Operation Serval', correct: false }
	])('Operation Barkhane: "$given" -> $correct', (c) =>
		expectTyped(item({ type: 'cloze', answer: 'Operation Barkhane', accept: ['Barkhane'] }), c)
	);

	test.each<Case>([
		{ given: 'Côte d’Ivoire', correct: true },
		{ given: "cote d'ivoire", correct: true },
		{ given: 'Cote dIvoire', correct: true },
		{ given: 'Cote-d’Ivoire', correct: true }
	])('Côte d’Ivoire: "$given" -> $correct', (c) =>
		expectTyped(item({ type: 'cloze', answer: 'Côte d’Ivoire' }), c)
	);

	test.each<Case>([
		{ given: '14', correct: true },
		{ given: 'fourteen', correct: true },
		{ given: 'Fourteen', correct: true },
		{ given: '15', correct: false },
		{ given: 'four', correct: false }
	])('14: "$given" -> $correct', (c) => expectTyped(item({ type: 'cloze', answer: '14' }), c));

	test.each<Case>([
		{ given: '2022', correct: true },
		{ given: '2021', correct: false }, // one keystroke, but a different year
		{ given: '2O22', correct: false },
		{ given: 'twenty twenty-two', correct: false } // years stay digits
	])('2022: "$given" -> $correct', (c) => expectTyped(item({ type: 'cloze', answer: '2022' }), c));

	test('a digit slip is not forgiven even in an answer of five letters or more', () => {
		expectTyped(item({ type: 'cloze', answer: 'Resolution 2584' }), {
			given: 'Resolution 2585',
			correct: false
		});
	});
});

describe('numeric answers compare the number stated', () => {
	test.each<Case>([
		{ given: '5100', correct: true },
		{ given: '5,100', correct: true },
		{ given: '5 100', correct: true },
		{ given: 'five thousand one hundred', correct: true },
		{ given: 'five thousand, one hundred', correct: true },
		{ given: '5.1 thousand', correct: true },
		{ given: '5100.0', correct: true },
		{ given: '5000', correct: false },
		{ given: '51000', correct: false },
		{ given: '5,101', correct: false },
		{ given: 'about 5100', correct: false },
		{ given: 'many', correct: false }
	])('5100: "$given" -> $correct', (c) =>
		expectTyped(item({ type: 'numeric', answer: '5100' }), c)
	);

	test.each<Case>([
		{ given: '14', correct: true },
		{ given: 'fourteen', correct: true },
		{ given: 'FOURTEEN', correct: true },
		{ given: 'fourten', correct: true, note: TYPO },
		{ given: '15', correct: false },
		{ given: 'forty', correct: false }
	])('14 (fourteen listed): "$given" -> $correct', (c) =>
		expectTyped(item({ type: 'numeric', answer: '14', accept: ['fourteen'] }), c)
	);

	test.each<Case>([
		{ given: 'eighty', correct: true },
		{ given: 'eigthy', correct: true, note: TYPO }, // words written out from the digits
		{ given: 'eight', correct: false }, // a number is judged as a number, never as a typo
		{ given: '8', correct: false }
	])('80 (no words listed): "$given" -> $correct', (c) =>
		expectTyped(item({ type: 'numeric', answer: '80' }), c)
	);

	test.each<Case>([
		{ given: 'forty', correct: true },
		{ given: 'fourty', correct: true },
		{ given: 'twenty-one', correct: false },
		{ given: 'a thousand', correct: false }
	])('40: "$given" -> $correct', (c) => expectTyped(item({ type: 'numeric', answer: '40' }), c));

	test.each<Case>([
		{ given: 'one thousand', correct: true },
		{ given: 'a thousand', correct: true },
		{ given: '1,000', correct: true },
		{ given: 'one hundred', correct: false }
	])('1000: "$given" -> $correct', (c) =>
		expectTyped(item({ type: 'numeric', answer: '1000' }), c)
	);
});

describe('matching earns a share of the pairs', () => {
	const it = item({ type: 'matching' });
	const ALL: [string, string][] = [
		['Serval', '2013'],
		['Barkhane', '2014-2022'],
		['Takuba', '2020-2022']
	];
	test.each([
		{ name: 'all pairs, in any order', given: [ALL[2]!, ALL[0]!, ALL[1]!], score: 1 },
		{ name: 'all pairs, other case', given: ALL.map(([l, r]) => [l.toUpperCase(), r]), score: 1 },
		{
			name: 'two of three',
			given: [ALL[0]!, ['Barkhane', '2020-2022'], ['Takuba', '2014-2022']],
			score: 1 / 3
		},
		{ name: 'one left unmatched', given: [ALL[0]!, ALL[1]!], score: 2 / 3 },
		{ name: 'none', given: [['Serval', '2020-2022']], score: 0 },
		{ name: 'nothing given', given: [], score: 0 },
		{
			name: 'a left given twice counts as unmatched',
			given: [['Serval', '2014-2022'], ...ALL],
			score: 2 / 3
		},
		{ name: 'unknown entries add nothing', given: [...ALL, ['Epervier', '1986']], score: 1 }
	] as { name: string; given: [string, string][]; score: number }[])(
		'$name: score $score',
		({ given, score }) => {
			const grade = gradeItem(it, pairs(...given));
			expect(grade.score).toBeCloseTo(score, 10);
			expect(grade.correct).toBe(score === 1);
			expect(grade.expected).toBe(it.answer);
		}
	);

	test('a partial answer says how many pairs were right', () => {
		expect(gradeItem(it, pairs(ALL[0]!, ALL[1]!)).note).toBe('2 of 3 pairs matched');
	});
});

describe('ordering earns the share of pairs of entries kept in order', () => {
	const it = item({ type: 'ordering' });
	test.each([
		{ given: ['Serval', 'Barkhane', 'Coup', 'Withdrawal'], score: 1 },
		{ given: ['serval', 'BARKHANE', 'coup', 'withdrawal'], score: 1 },
		{ given: ['Barkhane', 'Serval', 'Coup', 'Withdrawal'], score: 5 / 6 },
		{ given: ['Serval', 'Barkhane', 'Withdrawal', 'Coup'], score: 5 / 6 },
		{ given: ['Withdrawal', 'Serval', 'Barkhane', 'Coup'], score: 3 / 6 },
		{ given: ['Withdrawal', 'Coup', 'Barkhane', 'Serval'], score: 0 },
		{ given: ['Serval', 'Barkhane', 'Coup'], score: 0 }, // an entry missing
		{ given: ['Serval', 'Barkhane', 'Coup', 'Withdrawal', 'Coup'], score: 0 },
		{ given: ['Serval', 'Barkhane', 'Coup', 'Coup'], score: 0 },
		{ given: [], score: 0 }
	])('$given: score $score', ({ given, score }) => {
		const grade = gradeItem(it, order(...given));
		expect(grade.score).toBeCloseTo(score, 10);
		expect(grade.correct).toBe(score === 1);
	});

	test('repeated entries are never counted as out of order', () => {
		const repeated = item({ type: 'ordering', sequence: ['A', 'B', 'A'], answer: 'A; B; A' });
		expect(gradeItem(repeated, order('A', 'B', 'A')).correct).toBe(true);
		expect(gradeItem(repeated, order('A', 'A', 'B')).score).toBeCloseTo(2 / 3, 10);
	});

	test('a partial answer says how many pairs were in order', () => {
		expect(gradeItem(it, order('Barkhane', 'Serval', 'Coup', 'Withdrawal')).note).toBe(
			'5 of 6 pairs in the right order'
		);
	});
});

describe('a response of the wrong kind is wrong, never an exception', () => {
	const responses: Response[] = [
		choice('Mali'),
		text('Mali'),
		pairs(['Mali', 'Bamako']),
		order('Mali')
	];
	const cases = ITEM_TYPES.flatMap((type) =>
		responses
			.filter((r) => r.kind !== RESPONSE_KIND_BY_TYPE[type])
			.map((response) => ({ type, kind: response.kind, response }))
	);
	test.each(cases)('$type answered with $kind', ({ type, response }) => {
		const it = item({ type, answer: 'Mali' });
		expect(gradeItem(it, response)).toEqual({ correct: false, score: 0, expected: 'Mali' });
	});

	const garbage: unknown[] = [
		null,
		undefined,
		'Mali',
		{},
		{ kind: 'choice' },
		{ kind: 'choice', choice: 3 },
		{ kind: 'text', text: null },
		{ kind: 'matching', pairs: 'Serval' },
		{ kind: 'matching', pairs: [null, 4, { left: 'Serval' }] },
		{ kind: 'ordering', sequence: [1, 2, 3, 4] },
		{ kind: 'essay', text: 'Mali' }
	];
	test.each(ITEM_TYPES.flatMap((type) => garbage.map((response) => ({ type, response }))))(
		'$type answered with $response',
		({ type, response }) => {
			const grade = gradeItem(item({ type }), response as Response);
			expect(grade).toMatchObject({ correct: false, score: 0 });
		}
	);
});

test('the expected text is always the item answer', () => {
	for (const type of ITEM_TYPES) {
		const it = item({ type });
		expect(gradeItem(it, text('nothing like it')).expected).toBe(it.answer);
	}
});
