// The study day: like Anki, a day starts at a set local hour (4 am by default), so a review
// at 1 am still counts for the evening before, and daily limits reset while the learner sleeps.
import type { StudyReview } from './types';

export const DEFAULT_DAY_START_HOUR = 4;

/** Start (inclusive) and end (exclusive) of the study day that contains `now`, in local time. */
export function studyDayBounds(
	now: Date,
	dayStartHour: number = DEFAULT_DAY_START_HOUR
): { start: Date; end: Date } {
	const y = now.getFullYear();
	const m = now.getMonth();
	// a study day starting before `dayStartHour` belongs to the previous calendar date
	const d = now.getHours() < dayStartHour ? now.getDate() - 1 : now.getDate();
	// built from calendar fields rather than adding 24 h, so days across a DST change stay right
	return { start: new Date(y, m, d, dayStartHour), end: new Date(y, m, d + 1, dayStartHour) };
}

/**
 * The study days from the one holding `first` to the one holding `last`, as [start, end)
 * spans; the first span starts at `first` itself. Empty when `last` is before `first`.
 */
export function studyDaySpans(
	first: Date,
	last: Date,
	dayStartHour: number = DEFAULT_DAY_START_HOUR
): { start: Date; end: Date }[] {
	const spans: { start: Date; end: Date }[] = [];
	let start = first;
	while (start.getTime() <= last.getTime()) {
		const { end } = studyDayBounds(start, dayStartHour);
		spans.push({ start, end });
		start = end;
	}
	return spans;
}

/** The calendar date ("2025-06-10") naming the study day that contains `date`. */
export function studyDayKey(date: Date, dayStartHour: number = DEFAULT_DAY_START_HOUR): string {
	const { start } = studyDayBounds(date, dayStartHour);
	const mm = String(start.getMonth() + 1).padStart(2, '0');
	const dd = String(start.getDate()).padStart(2, '0');
	return `${start.getFullYear()}-${mm}-${dd}`;
}

/** First index in `sorted` whose review time is at or after `t` (binary search). */
function firstReviewAtOrAfter(sorted: readonly StudyReview[], t: number): number {
	let lo = 0;
	let hi = sorted.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (sorted[mid]!.review.getTime() < t) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/**
 * The reviews made during the study day of `now`, from logs sorted by `review` time (as an
 * index on `review` returns them). Binary search, so 100,000 logs cost a few comparisons.
 */
export function reviewsOnStudyDay(
	sortedReviews: readonly StudyReview[],
	now: Date,
	dayStartHour: number = DEFAULT_DAY_START_HOUR
): StudyReview[] {
	const { start, end } = studyDayBounds(now, dayStartHour);
	const from = firstReviewAtOrAfter(sortedReviews, start.getTime());
	const to = firstReviewAtOrAfter(sortedReviews, end.getTime());
	return sortedReviews.slice(from, to);
}

/**
 * A whole number per study day (consecutive days differ by 1), from the local wall-clock
 * time, so it stays right across DST changes without building a Date per review.
 */
export function studyDayNumber(date: Date, dayStartHour: number = DEFAULT_DAY_START_HOUR): number {
	const wallClock = date.getTime() - date.getTimezoneOffset() * 60_000;
	return Math.floor((wallClock - dayStartHour * 3_600_000) / 86_400_000);
}

/**
 * Consecutive study days with at least one review, ending today or yesterday (a streak is
 * not broken until a whole study day passes without study). 0 when neither day has reviews.
 */
export function dayStreak(
	reviewDates: Iterable<Date>,
	now: Date,
	dayStartHour: number = DEFAULT_DAY_START_HOUR
): number {
	const days = new Set<number>();
	for (const date of reviewDates) days.add(studyDayNumber(date, dayStartHour));
	let day = studyDayNumber(now, dayStartHour);
	if (!days.has(day)) day--;
	let streak = 0;
	while (days.has(day - streak)) streak++;
	return streak;
}

/**
 * For each [start, end) span, whether one of `times` (ms, oldest first) falls in it: one
 * binary search per span.
 */
export function spansWithTimes(
	times: readonly number[],
	spans: readonly { start: Date; end: Date }[]
): boolean[] {
	return spans.map(({ start, end }) => {
		// the first time at or after the span's start
		let low = 0;
		let high = times.length;
		while (low < high) {
			const mid = (low + high) >> 1;
			if (times[mid]! < start.getTime()) low = mid + 1;
			else high = mid;
		}
		return low < times.length && times[low]! < end.getTime();
	});
}
