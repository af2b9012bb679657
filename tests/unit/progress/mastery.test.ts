import { State } from 'ts-fsrs';
import { describe, expect, test } from 'vitest';
import type { ItemType } from '../../../src/lib/bank/types';
import {
	MASTERED_STABILITY_DAYS,
	masteryBand,
	masteryReport,
	type MasteryItem
} from '../../../src/lib/progress/mastery';
import { cardOf } from './fixtures';

const item = (id: string, type: ItemType, topic: string, paragraph: string): MasteryItem => ({
	id,
	type,
	topic,
	source: { paragraph }
});

const items = [
	item('a', 'flashcard', 'barkhane', 'p1'), // Review, stability 30: mastered
	item('b', 'reverse', 'barkhane', 'p1'), // Review, stability 5: learning
	item('c', 'cloze', 'barkhane', 'p2'), // no card: unseen
	item('d', 'flashcard', 'wagner', 'p2'), // New card: unseen
	item('e', 'flashcard', 'wagner', 'p3'), // Relearning, stability 40: learning
	item('f', 'mcq', 'wagner', 'p3'), // quiz-only: not counted
	item('g', 'cloze', 'wagner', 'p3') // Review, stability exactly 21: mastered
];
const cards = [
	cardOf('a', State.Review, { stability: 30 }),
	cardOf('b', State.Review, { stability: 5 }),
	cardOf('d', State.New),
	cardOf('e', State.Relearning, { stability: 40 }),
	cardOf('f', State.Review, { stability: 99 }),
	cardOf('g', State.Review, { stability: MASTERED_STABILITY_DAYS })
];

describe('mastery report', () => {
	const report = masteryReport(items, cards);

	test('overall: 6 study items, 2 mastered, 2 learning, 2 unseen', () => {
		expect(report.overall).toEqual({
			items: 6,
			unseen: 2,
			learning: 2,
			mastered: 2,
			mastery: 2 / 6
		});
	});

	test('per topic, in bank order', () => {
		expect(report.topics).toEqual([
			{ topic: 'barkhane', items: 3, unseen: 1, learning: 1, mastered: 1, mastery: 1 / 3 },
			{ topic: 'wagner', items: 3, unseen: 1, learning: 1, mastered: 1, mastery: 1 / 3 }
		]);
	});

	test('per paragraph, for shading /read', () => {
		expect(report.paragraphs).toEqual([
			{ paragraph: 'p1', items: 2, unseen: 0, learning: 1, mastered: 1, mastery: 0.5 },
			{ paragraph: 'p2', items: 2, unseen: 2, learning: 0, mastered: 0, mastery: 0 },
			{ paragraph: 'p3', items: 2, unseen: 0, learning: 1, mastered: 1, mastery: 0.5 }
		]);
	});
});

test.each([
	['no card', undefined, 'unseen'],
	['a New card', { state: State.New, stability: 0 }, 'unseen'],
	['a learning step', { state: State.Learning, stability: 50 }, 'learning'],
	['a young review', { state: State.Review, stability: 20.9 }, 'learning'],
	['a mature review', { state: State.Review, stability: 21 }, 'mastered']
] as const)('%s is %s', (_name, card, band) => {
	expect(masteryBand(card)).toBe(band);
});

test('no items: zero counts and mastery 0, not NaN', () => {
	expect(masteryReport([], []).overall.mastery).toBe(0);
});
