import { describe, expect, test } from 'vitest';
import type { ParagraphMastery } from '../../../src/lib/progress/mastery';
import {
	paragraphShades,
	shadeBand,
	shadeDescription
} from '../../../src/lib/read/paragraph-shade';

const counts = (paragraph: string, items: number, unseen: number, mastered: number) =>
	({
		paragraph,
		items,
		unseen,
		mastered,
		learning: items - unseen - mastered,
		mastery: items ? mastered / items : 0
	}) satisfies ParagraphMastery;

describe('paragraph shade', () => {
	test.each([
		{ items: 0, unseen: 0, mastered: 0, band: undefined },
		{ items: 5, unseen: 5, mastered: 0, band: 'not-studied' },
		{ items: 5, unseen: 4, mastered: 0, band: 'learning' },
		{ items: 5, unseen: 0, mastered: 3, band: 'learning' },
		{ items: 5, unseen: 1, mastered: 4, band: 'known' },
		{ items: 5, unseen: 0, mastered: 5, band: 'known' }
	])('$items cards, $unseen unseen, $mastered mastered: $band', ({ band, ...rest }) => {
		expect(shadeBand(rest)).toBe(band);
	});

	test('shades are keyed by paragraph and leave out paragraphs without cards', () => {
		const shades = paragraphShades([counts('p1', 4, 4, 0), counts('p2', 0, 0, 0)]);
		expect(shades).toEqual({ p1: { band: 'not-studied', mastered: 0, items: 4 } });
	});

	test('a shade is described in words', () => {
		expect(shadeDescription({ band: 'learning', mastered: 2, items: 7 })).toBe(
			'Learning: 2 of 7 cards known'
		);
	});
});
