import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { barHeights, niceCeiling, pointXs } from '$lib/ui/charts/scale';
import { dateOfKey, percent } from '$lib/ui/charts/dates';
import { m } from '$lib/paraglide/messages';

describe('niceCeiling', () => {
	test.each([
		[0, 1],
		[1, 1],
		[3, 5],
		[7, 10],
		[12, 20],
		[45, 50],
		[50, 50],
		[51, 100],
		[180, 200],
		[0.3, 1]
	])('a chart whose largest value is %d tops out at %d', (max, top) => {
		expect(niceCeiling(max)).toBe(top);
	});

	test('a missing or broken maximum gives a top of 1', () => {
		expect(niceCeiling(Number.NaN)).toBe(1);
		expect(niceCeiling(-5)).toBe(1);
	});

	test('the top is never below the largest value and at most 2.5 times it', () => {
		fc.assert(
			fc.property(fc.double({ min: 1, max: 1e9, noNaN: true }), (max) => {
				const top = niceCeiling(max);
				return top >= max && top <= max * 2.5 + 1e-9;
			})
		);
	});
});

describe('barHeights', () => {
	test('bars scale to the top, and a small nonzero bar stays visible', () => {
		expect(barHeights([0, 1, 50, 100], 100, 100)).toEqual([0, 2, 50, 100]);
	});

	test('nothing to draw under a zero top', () => {
		expect(barHeights([3, 4], 0, 100)).toEqual([0, 0]);
	});
});

describe('pointXs', () => {
	test('points spread evenly between the insets; one point sits in the middle', () => {
		expect(pointXs(3, 100, 10)).toEqual([10, 50, 90]);
		expect(pointXs(1, 100, 10)).toEqual([50]);
		expect(pointXs(0, 100, 10)).toEqual([]);
	});
});

describe('chart text', () => {
	test('a day key names that calendar day in local time', () => {
		const date = dateOfKey('2025-03-30');
		expect([date.getFullYear(), date.getMonth(), date.getDate()]).toEqual([2025, 2, 30]);
	});

	test('counts carry their noun, by the plural rules of each language', () => {
		expect(m.count_reviews({ count: 1 }, { locale: 'en' })).toBe('1 review');
		expect(m.count_days({ count: 0 }, { locale: 'en' })).toBe('0 days');
		expect(m.count_days({ count: 0 }, { locale: 'fr' })).toBe('0 jour');
		expect(m.count_reviews({ count: 2 }, { locale: 'fr' })).toBe('2 révisions');
		// numbers are written as each language writes them
		expect(m.count_reviews({ count: 1234 }, { locale: 'en' })).toBe('1,234 reviews');
		expect(m.count_reviews({ count: 1234 }, { locale: 'fr' })).toBe('1\u202f234 révisions');
	});

	test('a rate is a whole percentage, and a missing one a dash', () => {
		expect(percent(0.874)).toBe('87%');
		expect(percent(undefined)).toBe('–');
	});
});
