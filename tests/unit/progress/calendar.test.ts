import { describe, expect, test } from 'vitest';
import { heatLevel, studyHeatmap } from '../../../src/lib/progress/calendar';
import { log, NOW, on } from './fixtures';

// Today is Tuesday 10 June 2025. The last column is the week of Monday 9 June; 26 columns
// go back 25 more weeks to Monday 16 December 2024 (176 days before 10 June).
const history = [
	log(on(6, 10, 9)),
	log(on(6, 10, 10)),
	log(on(6, 10, 11)), // 10 June: 3
	log(on(6, 10, 2)), // 2 am belongs to the study day of 9 June
	log(on(6, 9, 20)), // 9 June: 2
	...[8, 9, 10, 11].map((h) => log(on(6, 8, h))), // Sunday 8 June: 4, the busiest day
	log(on(6, 5, 15)), // 5 June: 1
	log(on(6, 11, 9)), // tomorrow: ignored
	// a four-day run a year ago: before the heatmap, but the longest streak
	...[1, 2, 3, 4].map((d) => log(new Date(2024, 5, d, 12)))
];

describe('study heatmap', () => {
	const map = studyHeatmap(history, NOW);

	test('has 26 Monday-first week columns ending with the current week', () => {
		expect(map.weeks).toHaveLength(26);
		expect(map.weeks.every((w) => w.length === 7)).toBe(true);
		expect(map.weeks[0]![0]!.key).toBe('2024-12-16');
		expect(map.weeks[25]!.map((d) => d.key)).toEqual([
			'2025-06-09',
			'2025-06-10',
			'2025-06-11',
			'2025-06-12',
			'2025-06-13',
			'2025-06-14',
			'2025-06-15'
		]);
		expect(map.weeks[25]!.map((d) => d.weekday)).toEqual([0, 1, 2, 3, 4, 5, 6]);
	});

	test('counts reviews per study day, the 4 am start included', () => {
		const lastWeek = map.weeks[25]!;
		expect(lastWeek[0]!.count).toBe(2); // Mon 9 June
		expect(lastWeek[1]!.count).toBe(3); // Tue 10 June
		expect(map.weeks[24]![6]!.count).toBe(4); // Sun 8 June
		expect(map.weeks[24]![3]!.count).toBe(1); // Thu 5 June
	});

	test('levels are quarters of the busiest day (4): 1 -> 1, 2 -> 2, 3 -> 3, 4 -> 4', () => {
		expect(map.maxCount).toBe(4);
		expect(
			[map.weeks[24]![3]!, map.weeks[25]![0]!, map.weeks[25]![1]!, map.weeks[24]![6]!].map(
				(d) => d.level
			)
		).toEqual([1, 2, 3, 4]);
		expect(map.weeks[0]![0]!.level).toBe(0);
	});

	test('days after today are future, and tomorrow’s review is not counted', () => {
		expect(map.weeks[25]!.map((d) => d.future)).toEqual([
			false,
			false,
			true,
			true,
			true,
			true,
			true
		]);
		expect(map.weeks[25]![2]!.count).toBe(0);
		// 3 + 2 + 4 + 1 reviews on 4 days; the 2024 run is outside the heatmap
		expect(map.total).toBe(10);
		expect(map.activeDays).toBe(4);
	});

	test('the current streak is 8-9-10 June; the longest is the four days of June 2024', () => {
		expect(map.currentStreak).toBe(3);
		expect(map.longestStreak).toBe(4);
	});

	test('a streak survives a day without study until that day is over', () => {
		const tomorrowNoon = new Date(2025, 5, 11, 12);
		expect(studyHeatmap(history.slice(0, 9), tomorrowNoon).currentStreak).toBe(3);
		const dayAfter = new Date(2025, 5, 12, 12);
		expect(studyHeatmap(history.slice(0, 9), dayAfter).currentStreak).toBe(0);
	});

	test('no reviews: every level 0, no streak', () => {
		const empty = studyHeatmap([], NOW, { weeks: 2 });
		expect(empty.weeks.flat().every((d) => d.level === 0 && d.count === 0)).toBe(true);
		expect(empty).toMatchObject({ maxCount: 0, total: 0, currentStreak: 0, longestStreak: 0 });
	});

	test('a 6 am day start moves a 5 am review to the day before', () => {
		const map6 = studyHeatmap([log(on(6, 10, 5))], NOW, { dayStartHour: 6, weeks: 1 });
		expect(map6.weeks[0]!.map((d) => d.count)).toEqual([1, 0, 0, 0, 0, 0, 0]);
	});
});

test.each([
	[0, 10, 0],
	[1, 10, 1],
	[2, 10, 1],
	[3, 10, 2],
	[5, 10, 2],
	[6, 10, 3],
	[8, 10, 4],
	[10, 10, 4],
	[1, 1, 4],
	[5, 0, 0]
])('heatLevel(%i reviews, busiest day %i) = %i', (count, max, level) => {
	expect(heatLevel(count, max)).toBe(level);
});
