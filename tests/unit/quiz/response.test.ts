import fc from 'fast-check';
import type { Response } from '$lib/quiz/types';
import { describe, expect, test } from 'vitest';
import {
	isAnswerGiven,
	moved,
	responseText,
	startingResponse,
	withPair,
	withoutPair
} from '$lib/quiz/response';

describe('answers in the making', () => {
	test('an ordering question starts from its shown order; others start empty', () => {
		expect(startingResponse({ itemId: 'i', type: 'ordering', sequenceStart: ['b', 'a'] })).toEqual({
			kind: 'ordering',
			sequence: ['b', 'a']
		});
		expect(startingResponse({ itemId: 'i', type: 'mcq', optionOrder: ['a'] })).toBeUndefined();
	});

	test.each<[Response | undefined, boolean]>([
		[undefined, false],
		[{ kind: 'choice', choice: '' }, false],
		[{ kind: 'choice', choice: 'Mali' }, true],
		[{ kind: 'text', text: '   ' }, false],
		[{ kind: 'text', text: ' 14 ' }, true],
		[{ kind: 'matching', pairs: [] }, false],
		[{ kind: 'matching', pairs: [{ left: 'a', right: 'b' }] }, true],
		[{ kind: 'ordering', sequence: ['a'] }, true]
	])('%j counts as given: %s', (response, given) => {
		expect(isAnswerGiven(response)).toBe(given);
	});

	test('responses read as one line', () => {
		expect(responseText({ kind: 'text', text: ' ten ' })).toBe('ten');
		expect(
			responseText({
				kind: 'matching',
				pairs: [
					{ left: 'a', right: '1' },
					{ left: 'b', right: '2' }
				]
			})
		).toBe('a → 1; b → 2');
		expect(responseText({ kind: 'ordering', sequence: ['x', 'y'] })).toBe('x → y');
		expect(responseText(undefined)).toBe('');
	});
});

describe('pairing', () => {
	test('pairing takes both entries out of any pair they were in', () => {
		let pairs = withPair([], 'a', '1');
		pairs = withPair(pairs, 'b', '2');
		pairs = withPair(pairs, 'a', '2');
		expect(pairs).toEqual([{ left: 'a', right: '2' }]);
	});

	test('unpairing removes only that pair', () => {
		const pairs = withPair(withPair([], 'a', '1'), 'b', '2');
		expect(withoutPair(pairs, 'a')).toEqual([{ left: 'b', right: '2' }]);
	});

	test('every left and every right entry is in one pair at most, whatever is tapped', () => {
		const tap = fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.constantFrom('1', '2', '3'));
		fc.assert(
			fc.property(fc.array(tap), (taps) => {
				const pairs = taps.reduce(
					(acc, [l, r]) => withPair(acc, l, r),
					[] as ReturnType<typeof withPair>
				);
				expect(new Set(pairs.map((p) => p.left)).size).toBe(pairs.length);
				expect(new Set(pairs.map((p) => p.right)).size).toBe(pairs.length);
			})
		);
	});
});

describe('moving entries', () => {
	test.each([
		[1, -1, ['b', 'a', 'c']],
		[0, -1, ['a', 'b', 'c']],
		[2, 1, ['a', 'b', 'c']],
		[0, 1, ['b', 'a', 'c']],
		[5, 1, ['a', 'b', 'c']]
	])('moving entry %i by %i gives %j', (index, delta, expected) => {
		expect(moved(['a', 'b', 'c'], index, delta)).toEqual(expected);
	});

	test('a move keeps every entry exactly once', () => {
		fc.assert(
			fc.property(
				fc.uniqueArray(fc.string(), { minLength: 1 }),
				fc.nat(),
				fc.constantFrom(-1, 1),
				(sequence, i, delta) => {
					const result = moved(sequence, i % sequence.length, delta);
					expect([...result].sort()).toEqual([...sequence].sort());
				}
			)
		);
	});
});
