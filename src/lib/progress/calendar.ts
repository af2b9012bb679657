// The study calendar: reviews per study day for a heatmap of about six months, and streaks.
// Weeks are columns that start on Monday (ISO 8601, the usual week in the Sahel and France);
// the last column holds today, and its days after today are marked `future`.
import type { StudyReview } from '../srs/types';
import {
	DEFAULT_DAY_START_HOUR,
	dayKeyOf,
	studyDayNumber,
	weekdayOf,
	type DayOptions
} from './study-days';

export const HEATMAP_WEEKS = 26;

/** Intensity of a heatmap cell: 0 for no reviews, 1..4 by quarters of the busiest day. */
export type HeatLevel = 0 | 1 | 2 | 3 | 4;

/** One cell of the heatmap. */
export interface HeatmapDay {
	/** Calendar date naming the study day, e.g. "2025-06-10". */
	key: string;
	/** 0 = Monday ... 6 = Sunday. */
	weekday: number;
	count: number;
	level: HeatLevel;
	/** After today: drawn empty, not as a day without study. */
	future: boolean;
}

/** The heatmap: `weeks[w][d]` is weekday `d` (Monday first) of week column `w`, oldest first. */
export interface StudyHeatmap {
	weeks: HeatmapDay[][];
	/** Reviews on the busiest day shown (level 4 starts above three quarters of it). */
	maxCount: number;
	/** Reviews shown in the heatmap. */
	total: number;
	/** Days shown with at least one review. */
	activeDays: number;
	/** Consecutive study days with reviews ending today or yesterday (as on the Today page). */
	currentStreak: number;
	/** The longest run of consecutive study days with reviews, over the whole history. */
	longestStreak: number;
}

/** Level 0 for none, else 1..4 by which quarter of `max` the count falls in. */
export function heatLevel(count: number, max: number): HeatLevel {
	if (count <= 0 || max <= 0) return 0;
	return Math.min(4, Math.max(1, Math.ceil((count * 4) / max))) as HeatLevel;
}

/**
 * Reviews per study day over `weeks` week columns ending with today's week, plus streaks,
 * in one pass over the logs (any order). Reviews dated after today are ignored.
 */
export function studyHeatmap(
	reviews: Iterable<Pick<StudyReview, 'review'>>,
	now: Date,
	{
		dayStartHour = DEFAULT_DAY_START_HOUR,
		weeks = HEATMAP_WEEKS
	}: DayOptions & { weeks?: number } = {}
): StudyHeatmap {
	const today = studyDayNumber(now, dayStartHour);
	const firstDay = today - weekdayOf(today) - (weeks - 1) * 7;
	const shownDays = weeks * 7;
	const counts = new Int32Array(shownDays);
	// every study day ever, for streaks longer than the heatmap
	const studied = new Set<number>();
	for (const { review } of reviews) {
		const day = studyDayNumber(review, dayStartHour);
		if (day > today) continue;
		studied.add(day);
		const index = day - firstDay;
		if (index >= 0) counts[index]!++;
	}

	let maxCount = 0;
	let total = 0;
	let activeDays = 0;
	for (const count of counts) {
		if (count > maxCount) maxCount = count;
		total += count;
		if (count > 0) activeDays++;
	}
	const columns: HeatmapDay[][] = [];
	for (let w = 0; w < weeks; w++) {
		const column: HeatmapDay[] = [];
		for (let d = 0; d < 7; d++) {
			const day = firstDay + w * 7 + d;
			const count = counts[w * 7 + d]!;
			column.push({
				key: dayKeyOf(day),
				weekday: d,
				count,
				level: heatLevel(count, maxCount),
				future: day > today
			});
		}
		columns.push(column);
	}
	return { weeks: columns, maxCount, total, activeDays, ...streaksOf(studied, today) };
}

/** Current and longest runs of consecutive days in `days`, `today` being the last day that counts. */
export function streaksOf(
	days: ReadonlySet<number>,
	today: number
): { currentStreak: number; longestStreak: number } {
	// a streak is not broken until a whole study day passes without study
	const end = days.has(today) ? today : today - 1;
	let currentStreak = 0;
	while (days.has(end - currentStreak)) currentStreak++;
	let longestStreak = 0;
	for (const day of days) {
		if (days.has(day - 1)) continue; // only count runs from their first day: O(n) overall
		let length = 1;
		while (days.has(day + length)) length++;
		if (length > longestStreak) longestStreak = length;
	}
	return { currentStreak, longestStreak };
}
