import { describe, expect, test } from 'vitest';
import {
	clampStudySettings,
	DEFAULT_STUDY_SETTINGS,
	isStepUnit,
	parseSteps
} from '../../../src/lib/srs/settings';
import { createScheduler, newCard } from '../../../src/lib/srs/scheduler';
import { Rating } from '../../../src/lib/srs/types';

describe('clampStudySettings', () => {
	test('an empty input gives the documented defaults', () => {
		expect(clampStudySettings()).toEqual({
			desiredRetention: 0.9,
			newPerDay: 20,
			maxReviewsPerDay: 200,
			learningSteps: ['1m', '10m'],
			relearningSteps: ['10m'],
			maximumInterval: 36500,
			newCardOrder: 'article',
			newCardSeed: 1,
			dayStartHour: 4
		});
	});

	test.each([
		['shuffled', 'shuffled'],
		['article', 'article'],
		['random', 'article'],
		[3, 'article']
	])('a new-card order of %j is kept as %j', (given, kept) => {
		expect(clampStudySettings({ newCardOrder: given }).newCardOrder).toBe(kept);
	});

	test.each([
		['desiredRetention', 0.5, 0.8],
		['desiredRetention', 0.99, 0.97],
		['desiredRetention', 0.85, 0.85],
		['desiredRetention', Number.NaN, 0.9],
		['desiredRetention', '0.95', 0.9],
		['newPerDay', -3, 0],
		['newPerDay', 12.6, 13],
		['newPerDay', Infinity, 20],
		['maxReviewsPerDay', 50, 50],
		['maxReviewsPerDay', -1, 0],
		['dayStartHour', 25, 23],
		['dayStartHour', 0, 0]
	] as const)('%s %s becomes %s', (key, value, expected) => {
		expect(clampStudySettings({ [key]: value })[key]).toBe(expected);
	});

	test('invalid learning steps fall back to the default, valid ones are kept', () => {
		expect(clampStudySettings({ learningSteps: ['1m', 'soon'] }).learningSteps).toEqual(
			DEFAULT_STUDY_SETTINGS.learningSteps
		);
		expect(clampStudySettings({ learningSteps: '1m' }).learningSteps).toEqual(['1m', '10m']);
		expect(clampStudySettings({ learningSteps: ['5m', '1h', '1d'] }).learningSteps).toEqual([
			'5m',
			'1h',
			'1d'
		]);
		expect(clampStudySettings({ relearningSteps: [] }).relearningSteps).toEqual([]);
	});

	test.each([
		['1m', true],
		['2.5h', true],
		['1d', true],
		['0m', false],
		['10', false],
		['1w', false],
		['-1m', false],
		[10, false]
	])('isStepUnit(%s) is %s', (value, expected) => {
		expect(isStepUnit(value)).toBe(expected);
	});
});

describe('steps typed in the form', () => {
	test.each([
		['1m 10m', ['1m', '10m']],
		[' 1m,10m , 1d ', ['1m', '10m', '1d']],
		['', []],
		['10', undefined],
		['1m <b>', undefined],
		['0m', undefined]
	])('%j reads as %j', (text, steps) => {
		expect(parseSteps(text)).toEqual(steps);
	});
});

/** The interval after six Good ratings in a row, each on its due date. */
function sixthInterval(maximumInterval?: number): number {
	const settings = clampStudySettings({ maximumInterval, learningSteps: [] });
	const scheduler = createScheduler(settings, { fuzz: false });
	let at = new Date(2025, 5, 10);
	let card = newCard('a', [], at);
	for (let i = 0; i < 6; i++) {
		card = scheduler.rateCard(card, Rating.Good, at).card;
		at = card.due;
	}
	return card.scheduled_days;
}

test('the maximum interval holds FSRS back, and is clamped to 1 to 36,500 days', () => {
	expect(clampStudySettings({ maximumInterval: 0 }).maximumInterval).toBe(1);
	expect(clampStudySettings({ maximumInterval: 99999 }).maximumInterval).toBe(36500);
	expect(sixthInterval()).toBeGreaterThan(60);
	// ts-fsrs caps each button's interval, then keeps Hard < Good < Easy a day apart, so Good
	// may pass the cap by a day
	expect(sixthInterval(3)).toBeLessThanOrEqual(4);
});
