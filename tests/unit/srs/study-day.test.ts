import { describe, expect, test } from 'vitest';
import {
	dayStreak,
	reviewsOnStudyDay,
	studyDayBounds,
	studyDayKey,
	studyDayNumber,
	studyDaySpans
} from '../../../src/lib/srs/study-day';
import { at, reviewLog } from './fixtures';

describe('the study day starts at 4 am local time', () => {
	test.each([
		[at(10, 3, 59), '2025-06-09'],
		[at(10, 4, 0), '2025-06-10'],
		[at(10, 23, 59), '2025-06-10'],
		[at(11, 1, 30), '2025-06-10'],
		[new Date(2025, 6, 1, 2), '2025-06-30']
	])('%s belongs to %s', (date, key) => {
		expect(studyDayKey(date)).toBe(key);
	});

	test('the bounds run from 4 am to 4 am the next day', () => {
		expect(studyDayBounds(at(11, 1))).toEqual({ start: at(10, 4), end: at(11, 4) });
		expect(studyDayBounds(at(11, 9))).toEqual({ start: at(11, 4), end: at(12, 4) });
	});

	test('the day start hour is a parameter', () => {
		expect(studyDayKey(at(10, 3), 0)).toBe('2025-06-10');
		expect(studyDayBounds(at(10, 5), 6)).toEqual({ start: at(9, 6), end: at(10, 6) });
	});
});

describe('reviewsOnStudyDay', () => {
	test('picks exactly the reviews of the study day from sorted logs', () => {
		const times = [at(9, 10), at(10, 3, 59), at(10, 4), at(10, 20), at(11, 3, 59), at(11, 4)];
		const logs = times.map((t, i) => reviewLog(`i${i}`, t));
		expect(reviewsOnStudyDay(logs, at(10, 12)).map((r) => r.itemId)).toEqual(['i2', 'i3', 'i4']);
		expect(reviewsOnStudyDay(logs, at(12, 12))).toEqual([]);
	});
});

describe('dayStreak', () => {
	const now = at(10, 12);

	test('counts consecutive days ending today', () => {
		expect(dayStreak([at(8, 9), at(9, 22), at(10, 8), at(10, 9)], now)).toBe(3);
	});

	test('still counts when the last study was yesterday', () => {
		expect(dayStreak([at(8, 9), at(9, 9)], now)).toBe(2);
	});

	test('is broken by a missed day', () => {
		expect(dayStreak([at(6, 9), at(7, 9), at(9, 9), at(10, 9)], now)).toBe(2);
		expect(dayStreak([at(7, 9), at(8, 9)], now)).toBe(0);
		expect(dayStreak([], now)).toBe(0);
	});

	test('a 2 am review counts for the day before', () => {
		// 9 June 10:00 and 10 June 02:00 are both study day 9 June; nothing on 10 June yet
		expect(dayStreak([at(8, 20), at(9, 10), at(10, 2)], now)).toBe(2);
		// studied at 2 am on the 9th: that is the 8th, so the 9th is missing
		expect(dayStreak([at(8, 10), at(9, 2), at(10, 10)], now)).toBe(1);
	});
});

describe('studyDayNumber', () => {
	test('consecutive study days differ by one, and 3 am belongs to the day before', () => {
		expect(studyDayNumber(at(11, 9)) - studyDayNumber(at(10, 9))).toBe(1);
		expect(studyDayNumber(at(11, 3, 59))).toBe(studyDayNumber(at(10, 4)));
		expect(studyDayNumber(new Date(2025, 6, 1, 9)) - studyDayNumber(at(30, 9))).toBe(1);
	});

	test('days across a daylight-saving change stay one apart', () => {
		// the last Sundays of March and October change the clocks in Europe; elsewhere this is plain
		for (const [y, m, d] of [
			[2025, 2, 30],
			[2025, 9, 26],
			[2025, 2, 9],
			[2025, 10, 2]
		] as const) {
			const before = studyDayNumber(new Date(y, m, d - 1, 4, 30));
			expect(studyDayNumber(new Date(y, m, d, 4, 30))).toBe(before + 1);
			expect(studyDayNumber(new Date(y, m, d + 1, 3, 30))).toBe(before + 1);
		}
	});
});

describe('study day spans', () => {
	test('run from the first moment to the end of the last one’s day, day by day', () => {
		expect(studyDaySpans(at(10, 13), at(12, 2))).toEqual([
			{ start: at(10, 13), end: at(11, 4) },
			{ start: at(11, 4), end: at(12, 4) }
		]);
	});

	test('a last moment before the first gives none; the same moment gives one', () => {
		expect(studyDaySpans(at(10, 13), at(10, 12))).toEqual([]);
		expect(studyDaySpans(at(10, 13), at(10, 13), 0)).toEqual([
			{ start: at(10, 13), end: at(11, 0) }
		]);
	});

	test('a year of days is 365 spans that meet end to start', () => {
		const spans = studyDaySpans(new Date(2025, 0, 1, 12), new Date(2025, 11, 31, 12));
		expect(spans).toHaveLength(365);
		spans.slice(1).forEach((span, i) => expect(span.start).toEqual(spans[i]!.end));
	});
});
