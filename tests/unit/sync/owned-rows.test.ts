// The merge rules of attempts, assignments, receipts and card marks: each a total order, so
// every device settles on the same copy whichever it met first.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decodeMark, isLaterMark, outranks, removedAt } from '$lib/sync/owned-rows';

const iso = (day: number) => new Date(Date.UTC(2026, 0, day, 9)).toISOString();
const attempt = (fields: Record<string, unknown>) =>
	JSON.stringify({
		id: 'a-1',
		kind: 'quiz',
		startedAt: iso(1),
		answers: {},
		position: 0,
		...fields
	});

describe('which copy of an attempt every device keeps', () => {
	test.each([
		[
			'a finished copy over an unfinished one that got further',
			attempt({ finishedAt: iso(3), answers: { q1: 1 } }),
			attempt({ answers: { q1: 1, q2: 2, q3: 3 }, position: 3 })
		],
		[
			'of two finished copies, the one finished first',
			attempt({ finishedAt: iso(2), answers: { q1: 1 } }),
			attempt({ finishedAt: iso(4), answers: { q1: 1, q2: 2 } })
		],
		[
			'of two unfinished copies, the one with more answers',
			attempt({ answers: { q1: 1, q2: 2 }, position: 1 }),
			attempt({ answers: { q1: 1 }, position: 5 })
		],
		[
			'with as many answers, the one at a later question',
			attempt({ answers: { q1: 1 }, position: 2 }),
			attempt({ answers: { q1: 1 }, position: 1 })
		],
		['any row over text that is not one', attempt({}), '{not json']
	])('%s', (_, winner, loser) => {
		expect(outranks('attempts', winner, loser)).toBe(true);
		expect(outranks('attempts', loser, winner)).toBe(false);
	});

	test('an imported receipt or an assignment stored first is kept', () => {
		const first = JSON.stringify({ id: 'r', importedAt: iso(1), receipt: 'x' });
		const later = JSON.stringify({ id: 'r', importedAt: iso(2), receipt: 'x' });
		expect(outranks('submissions', first, later)).toBe(true);
		expect(outranks('submissions', later, first)).toBe(false);
		const made = JSON.stringify({ id: 'a', createdAt: iso(1) });
		const again = JSON.stringify({ id: 'a', createdAt: iso(5) });
		expect(outranks('assignments', made, again)).toBe(true);
	});

	test('the order is total: of two different copies exactly one outranks the other', () => {
		const copy = fc.record({
			finishedAt: fc.option(fc.integer({ min: 1, max: 4 }).map(iso), { nil: undefined }),
			answers: fc.dictionary(fc.constantFrom('q1', 'q2', 'q3'), fc.integer({ min: 0, max: 3 })),
			position: fc.integer({ min: 0, max: 3 })
		});
		fc.assert(
			fc.property(copy, copy, (a, b) => {
				const ta = attempt(a);
				const tb = attempt(b);
				if (ta === tb) return !outranks('attempts', ta, tb);
				return outranks('attempts', ta, tb) !== outranks('attempts', tb, ta);
			})
		);
	});
});

describe('which copy of an own card or a wording every device keeps', () => {
	const card = (fields: Record<string, unknown>) =>
		JSON.stringify({
			id: 'own-1',
			kind: 'basic',
			front: 'f',
			back: 'b',
			createdAt: iso(1),
			...fields
		});
	const removal = (day: number) => JSON.stringify({ id: 'own-1', removedAt: iso(day) });

	test.each([
		['the later edit', card({ updatedAt: iso(3) }), card({ updatedAt: iso(2) })],
		['a removal over an earlier edit', removal(3), card({ updatedAt: iso(2) })],
		[
			'an edit over an earlier removal (the card came back)',
			card({ updatedAt: iso(4) }),
			removal(3)
		],
		['at the same time, the removal', removal(3), card({ updatedAt: iso(3) })]
	])('%s', (_, winner, loser) => {
		expect(outranks('ownCards', winner, loser)).toBe(true);
		expect(outranks('ownCards', loser, winner)).toBe(false);
	});

	test('a removal is only the key and its time', () => {
		expect(removedAt('ownCards', 'own-1', removal(3))).toEqual(new Date(iso(3)));
		expect(removedAt('ownCards', 'own-2', removal(3))).toBeUndefined();
		expect(
			removedAt('cardWordings', 'fc-1', JSON.stringify({ itemId: 'fc-1', removedAt: iso(3) }))
		).toEqual(new Date(iso(3)));
		expect(
			removedAt('ownCards', 'own-1', card({ updatedAt: iso(2), removedAt: iso(3) }))
		).toBeUndefined();
		expect(removedAt('attempts', 'own-1', removal(3))).toBeUndefined();
	});

	test('the order is total over edits and removals', () => {
		const copy = fc.oneof(
			fc.integer({ min: 1, max: 4 }).map(removal),
			fc
				.record({
					updatedAt: fc.integer({ min: 1, max: 4 }).map(iso),
					front: fc.constantFrom('a', 'b')
				})
				.map(card)
		);
		fc.assert(
			fc.property(copy, copy, (a, b) =>
				a === b
					? !outranks('ownCards', a, b)
					: outranks('ownCards', a, b) !== outranks('ownCards', b, a)
			)
		);
	});
});

describe('card marks', () => {
	test('the later change wins; at the same time, the value decides, the same on every device', () => {
		expect(isLaterMark({ value: null, at: 5 }, { value: true, at: 4 })).toBe(true);
		expect(isLaterMark({ value: true, at: 4 }, { value: null, at: 5 })).toBe(false);
		const a = { value: 'red', at: 7 };
		const b = { value: 'blue', at: 7 };
		expect(isLaterMark(a, b)).not.toBe(isLaterMark(b, a));
		expect(isLaterMark(a, { ...a })).toBe(false);
	});

	test.each([
		['an unknown mark', 'colour:item-1', ['red', 1]],
		['no card', 'flag:', ['red', 1]],
		['no time', 'flag:item-1', ['red']],
		['a negative time', 'suspended:item-1', [true, -1]],
		['an object value', 'flag:item-1', [{ evil: true }, 1]],
		['not a pair', 'flag:item-1', 'red']
	])('a mark with %s is not one', (_, key, raw) => {
		expect(decodeMark(key, raw)).toBeUndefined();
	});

	test('a mark reads back as written, item ids with colons included', () => {
		expect(decodeMark('buriedUntil:own-a:b', [1_767_000_000_000, 3])).toEqual({
			itemId: 'own-a:b',
			field: 'buriedUntil',
			value: 1_767_000_000_000,
			at: 3
		});
	});
});
