import { describe, expect, test } from 'vitest';
import { hasInvisibleMarks, looksAlike, nameKey } from '../../../src/lib/assign/names';

describe('nameKey', () => {
	test.each([
		['Awa Traoré', 'awa traoré'],
		['  AWA   TRAORÉ ', 'awa traoré'],
		['Awa\u200B Traoré', 'awa traoré'],
		['\u202EAwa Traoré\u202C', 'awa traoré'],
		['Awa Trao\u0072\u0065\u0301', 'awa traoré'],
		['Ａｗａ Traoré', 'awa traoré']
	])('%j compares as %j', (name, key) => {
		expect(nameKey(name)).toBe(key);
	});
});

describe('names that only look alike', () => {
	test.each([
		['Cyrillic а for Latin a', 'Аwa Traoré', 'Awa Traoré'],
		['Greek ο for Latin o', 'Awa Traοré', 'Awa Traoré'],
		['rn for m', 'Arninata', 'Aminata']
	])('%s is flagged', (_, a, b) => {
		expect(looksAlike(a, b)).toBe(true);
	});

	test('the same name, however typed, is the same student, not a lookalike', () => {
		expect(looksAlike('AWA TRAORÉ', 'Awa\u200B Traoré')).toBe(false);
		expect(nameKey('AWA TRAORÉ')).toBe(nameKey('Awa\u200B Traoré'));
	});

	test('different names are neither', () => {
		expect(looksAlike('Awa Traoré', 'Binta Keita')).toBe(false);
		expect(looksAlike('Zoë', 'Zoe')).toBe(false);
	});

	test('hidden characters are noticed', () => {
		expect(hasInvisibleMarks('Awa\u200B Traoré')).toBe(true);
		expect(hasInvisibleMarks('\u2067Awa')).toBe(true);
		expect(hasInvisibleMarks('Awa Traoré')).toBe(false);
	});
});
