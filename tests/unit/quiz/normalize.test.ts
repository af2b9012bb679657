import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
	editDistance,
	foldText,
	isCloseEnough,
	matchAnswer,
	normalizeAnswer,
	readNumericAnswer
} from '../../../src/lib/quiz/normalize';
import { numberToWords } from '../../../src/lib/quiz/number-words';

describe('normalizeAnswer', () => {
	test.each([
		{ given: 'Bamako', normal: 'bamako' },
		{ given: '  Gao \t\n Region ', normal: 'gao region' },
		{ given: 'Ségou', normal: 'segou' },
		{ given: 'Ménaka', normal: 'menaka' },
		{ given: 'İstanbul', normal: 'istanbul' },
		{ given: 'Straße', normal: 'strasse' },
		{ given: 'Øresund', normal: 'oresund' },
		{ given: 'Côte d’Ivoire', normal: 'cote divoire' },
		{ given: "Côte d'Ivoire", normal: 'cote divoire' },
		{ given: '“Barkhane”', normal: 'barkhane' },
		{ given: 'U.S.', normal: 'us' },
		{ given: 'Al-Qaeda', normal: 'al qaeda' },
		{ given: 'JNIM (al-Qaeda)!', normal: 'jnim al qaeda' },
		{ given: 'The Wagner Group', normal: 'wagner group' },
		{ given: 'a coup', normal: 'coup' },
		{ given: 'the', normal: 'the' },
		{ given: '1,000', normal: '1000' },
		{ given: '2.5', normal: '2.5' },
		{ given: 'end.', normal: 'end' },
		{ given: 'zero\u200bwidth', normal: 'zerowidth' },
		{ given: '', normal: '' },
		{ given: '?!', normal: '' }
	])('"$given" -> "$normal"', ({ given, normal }) => {
		expect(normalizeAnswer(given)).toBe(normal);
	});

	test.each([
		{ given: 'fourteen', normal: '14' },
		{ given: 'Fourteen soldiers', normal: '14 soldiers' },
		{ given: 'twenty-one', normal: '21' },
		{ given: 'twenty one', normal: '21' },
		{ given: 'ninety-nine', normal: '99' },
		{ given: 'one hundred', normal: '100' },
		{ given: 'a hundred', normal: '100' },
		{ given: 'one hundred and five', normal: '105' },
		{ given: 'three hundred twenty-two', normal: '322' },
		{ given: 'five thousand one hundred', normal: '5100' },
		{ given: 'nineteen hundred', normal: '1900' },
		{ given: 'a thousand', normal: '1000' },
		{ given: 'two million', normal: '2000000' },
		{ given: '2.5 million', normal: '2500000' },
		{ given: 'zero', normal: '0' },
		{ given: 'one two three', normal: '1 2 3' },
		{ given: 'no one', normal: 'no 1' },
		{ given: '2017', normal: '2017' },
		{ given: 'in 2017', normal: 'in 2017' },
		{ given: 'twenty seventeen', normal: '20 17' }
	])('number words: "$given" -> "$normal"', ({ given, normal }) => {
		expect(normalizeAnswer(given)).toBe(normal);
	});

	test('every number from 0 to 100 written in words reads as its digits', () => {
		for (let n = 0; n <= 100; n++) {
			expect(normalizeAnswer(numberToWords(n) ?? '')).toBe(String(n));
		}
	});
});

describe('editDistance counts one for a swap of neighbours', () => {
	test.each([
		{ a: '', b: '', d: 0 },
		{ a: 'mali', b: 'mali', d: 0 },
		{ a: 'mali', b: 'mail', d: 1 },
		{ a: 'mali', b: 'mal', d: 1 },
		{ a: 'mali', b: 'malia', d: 1 },
		{ a: 'mali', b: 'bali', d: 1 },
		{ a: 'kitten', b: 'sitting', d: 3 },
		{ a: '', b: 'gao', d: 3 },
		{ a: 'ca', b: 'abc', d: 3 } // restricted swaps: a swapped pair is not edited again
	])('"$a" to "$b" is $d', ({ a, b, d }) => {
		expect(editDistance(a, b)).toBe(d);
		expect(editDistance(b, a)).toBe(d);
	});
});

describe('isCloseEnough forgives one typo from five letters up', () => {
	test.each([
		{ given: 'Kidal', expected: 'Kidal', close: true },
		{ given: 'Kidla', expected: 'Kidal', close: true },
		{ given: 'Kida', expected: 'Kidal', close: true },
		{ given: 'Kidl', expected: 'Kidal', close: true },
		{ given: 'Kdl', expected: 'Kidal', close: false },
		{ given: 'Meanka', expected: 'Ménaka', close: true },
		{ given: 'Timbuktoo', expected: 'Timbuktu', close: false },
		{ given: 'Goa', expected: 'Gao', close: false },
		{ given: 'Ga', expected: 'Gao', close: false },
		{ given: 'Mopti', expected: 'Mopti', close: true },
		{ given: 'Mpti', expected: 'Mopti', close: true },
		{ given: 'Mopt', expected: 'Mopt', close: true },
		{ given: 'Mop', expected: 'Mopt', close: false },
		{ given: '', expected: 'Mopti', close: false },
		{ given: 'Year 2012', expected: 'Year 2013', close: false }
	])('"$given" for "$expected": $close', ({ given, expected, close }) => {
		expect(isCloseEnough(given, expected)).toBe(close);
	});

	test('listed variants are accepted, with the same typo rule', () => {
		const accept = ['Timbuktu', 'Tombouctou'];
		expect(matchAnswer('Tombouctou', 'Timbuktu', accept)).toBe('exact');
		expect(matchAnswer('Tombuctou', 'Timbuktu', accept)).toBe('typo');
		expect(matchAnswer('Tumbuktou', 'Timbuktu', accept)).toBe('none');
	});

	test('an answer of punctuation only must be typed as it is', () => {
		expect(matchAnswer('?', '?')).toBe('exact');
		expect(matchAnswer('!', '?')).toBe('none');
	});
});

describe('readNumericAnswer', () => {
	test.each([
		{ given: '5100', n: 5100 },
		{ given: '5,100', n: 5100 },
		{ given: '5 100', n: 5100 },
		{ given: '1,234,567', n: 1234567 },
		{ given: '2.5', n: 2.5 },
		{ given: 'fourteen', n: 14 },
		{ given: 'a thousand', n: 1000 },
		{ given: '14 soldiers', n: null },
		{ given: '51 00', n: null },
		{ given: 'many', n: null },
		{ given: '', n: null }
	])('"$given" -> $n', ({ given, n }) => {
		expect(readNumericAnswer(given)).toBe(n);
	});

	test('any whole number reads back from its digits, with or without separators', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 1e12 }), (n) => {
				expect(readNumericAnswer(String(n))).toBe(n);
				expect(readNumericAnswer(n.toLocaleString('en-US'))).toBe(n);
			})
		);
	});
});

// properties of normalisation --------------------------------------------------------------

const anyText = fc.string({ unit: 'binary', maxLength: 40 });
const latinText = fc.string({
	unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzéèêëàâäîïôöûüçñ ÉÈÀÇ-',.".split('')),
	maxLength: 30
});
const numberish = fc
	.array(
		fc.constantFrom(
			'one',
			'nineteen',
			'twenty',
			'hundred',
			'thousand',
			'million',
			'and',
			'a',
			'the',
			'zero',
			'5',
			'2.5',
			'1,000',
			'-',
			'.'
		),
		{ maxLength: 8 }
	)
	.map((words) => words.join(' '));
const words = fc.array(fc.stringMatching(/^[a-z]{1,8}$/), { minLength: 1, maxLength: 5 });
const spacing = fc.constantFrom(' ', '  ', '\t', '\n', '\u00a0', ' \u2009 ');

describe('normalisation properties', () => {
	test('is idempotent on any text', () => {
		fc.assert(
			fc.property(fc.oneof(anyText, latinText, numberish), (s) => {
				const once = normalizeAnswer(s);
				expect(normalizeAnswer(once)).toBe(once);
				expect(foldText(foldText(s))).toBe(foldText(s));
			}),
			{ numRuns: 2000 }
		);
	});

	test('ignores letter case', () => {
		fc.assert(
			fc.property(latinText, (s) => {
				expect(normalizeAnswer(s.toUpperCase())).toBe(normalizeAnswer(s.toLowerCase()));
			})
		);
	});

	test('ignores accents, composed or not', () => {
		const marks = ['\u0301', '\u0300', '\u0302', '\u0308', '\u0327', '\u0303'];
		fc.assert(
			fc.property(
				fc.array(fc.tuple(fc.constantFrom(...'aceinou'.split('')), fc.subarray(marks)), {
					maxLength: 12
				}),
				(letters) => {
					const plain = letters.map(([letter]) => letter).join('');
					const accented = letters.map(([letter, m]) => letter + m.join('')).join('');
					expect(normalizeAnswer(accented)).toBe(normalizeAnswer(plain));
					expect(normalizeAnswer(accented.normalize('NFC'))).toBe(normalizeAnswer(plain));
				}
			)
		);
	});

	test('ignores how words are spaced', () => {
		fc.assert(
			fc.property(words, fc.array(spacing, { minLength: 6, maxLength: 6 }), (ws, gaps) => {
				const spaced = gaps[0] + ws.map((w, i) => w + gaps[(i + 1) % gaps.length]).join('');
				expect(normalizeAnswer(spaced)).toBe(normalizeAnswer(ws.join(' ')));
			})
		);
	});

	test('a string always matches itself', () => {
		fc.assert(
			fc.property(fc.oneof(anyText, latinText, numberish), (s) => {
				expect(isCloseEnough(s, s)).toBe(true);
				expect(matchAnswer(s, s, ['something else'])).toBe('exact');
			}),
			{ numRuns: 1000 }
		);
	});

	test('one letter dropped from a word of five letters or more is forgiven', () => {
		fc.assert(
			fc.property(fc.stringMatching(/^[b-df-hj-np-tv-z]{5,12}$/), fc.nat(), (word, at) => {
				const i = at % word.length;
				const typo = word.slice(0, i) + word.slice(i + 1);
				expect(matchAnswer(typo, word)).toBe('typo');
			})
		);
	});

	test('one letter changed in a word under five letters is not forgiven', () => {
		fc.assert(
			fc.property(
				fc.stringMatching(/^[b-df-hj-np-tv-z]{1,4}$/),
				fc.nat(),
				fc.constantFrom('q', 'x'),
				(word, at, other) => {
					const i = at % word.length;
					fc.pre(word[i] !== other);
					const typo = word.slice(0, i) + other + word.slice(i + 1);
					expect(isCloseEnough(typo, word)).toBe(false);
				}
			)
		);
	});
});
