import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createRng, hashSeed, shuffle } from '../../../src/lib/quiz/random';

describe('createRng', () => {
	test('the same seed gives the same numbers', () => {
		const a = createRng('sahel');
		const b = createRng('sahel');
		expect(Array.from({ length: 50 }, a)).toEqual(Array.from({ length: 50 }, b));
	});

	test('gives the numbers recorded for this seed, so stored attempts replay in later versions', () => {
		const rng = createRng('sahel');
		expect(hashSeed('sahel')).toBe(4243923062);
		expect([rng(), rng(), rng()]).toEqual([
			0.24875591904856265, 0.9598828663583845, 0.8319330578669906
		]);
	});

	test('different seeds give different numbers', () => {
		expect(createRng('a')()).not.toBe(createRng('b')());
		expect(hashSeed('quiz-1')).not.toBe(hashSeed('quiz-2'));
	});

	test('stays within [0, 1)', () => {
		fc.assert(
			fc.property(fc.string(), (seed) => {
				const rng = createRng(seed);
				for (let i = 0; i < 100; i++) {
					const x = rng();
					expect(x).toBeGreaterThanOrEqual(0);
					expect(x).toBeLessThan(1);
				}
			})
		);
	});
});

describe('shuffle', () => {
	test('returns a rearranged copy and leaves the input alone', () => {
		fc.assert(
			fc.property(fc.array(fc.integer()), fc.string(), (items, seed) => {
				const before = [...items];
				const out = shuffle(items, createRng(seed));
				expect(items).toEqual(before);
				expect(out).not.toBe(items);
				expect([...out].sort()).toEqual([...items].sort());
			})
		);
	});

	test('puts each entry first about equally often', () => {
		const rng = createRng('fairness');
		const firsts = new Map<string, number>();
		const runs = 30000;
		for (let i = 0; i < runs; i++) {
			const first = shuffle(['a', 'b', 'c'], rng)[0] ?? '';
			firsts.set(first, (firsts.get(first) ?? 0) + 1);
		}
		for (const letter of ['a', 'b', 'c']) {
			expect((firsts.get(letter) ?? 0) / runs).toBeCloseTo(1 / 3, 1);
		}
	});
});
