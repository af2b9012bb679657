import { describe, expect, test } from 'vitest';
import {
	clampStudySettings,
	DEFAULT_STUDY_SETTINGS,
	isStepUnit
} from '../../../src/lib/srs/settings';

describe('clampStudySettings', () => {
	test('an empty input gives the documented defaults', () => {
		expect(clampStudySettings()).toEqual({
			desiredRetention: 0.9,
			newPerDay: 20,
			maxReviewsPerDay: 200,
			learningSteps: ['1m', '10m'],
			relearningSteps: ['10m'],
			dayStartHour: 4
		});
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
