// True retention, as Anki's statistics define it: among reviews of cards that were already
// learned (the log's `state`, which is the card's state before the rating, was Review), the
// share the learner passed (Hard, Good or Easy). Learning steps and new cards are left out,
// since failing a card still being learned says nothing about long-term memory.
import { Rating, State } from '../srs/fsrs-constants';
import type { StudyReview } from '../srs/types';
import { DEFAULT_DAY_START_HOUR, dayKeyOf, studyDayNumber, type DayOptions } from './study-days';

export const RECENT_DAYS = 30;

/** Passed and counted reviews; `rate` is passed / total, undefined when nothing was counted. */
export interface RetentionFigure {
	passed: number;
	total: number;
	rate: number | undefined;
}

/** Reviews made on one study day, split by the card's state before the rating. */
export interface ReviewDay {
	key: string;
	total: number;
	/** First sight of a card and its learning steps. */
	learning: number;
	/** Cards already learned (these are the ones true retention counts). */
	review: number;
	/** Steps after a forgotten card. */
	relearning: number;
}

/** True retention over all history and over the last `days` study days, and reviews per day. */
export interface RetentionStats {
	overall: RetentionFigure;
	recent: RetentionFigure;
	/** One entry per study day, oldest first, the last being today. */
	perDay: ReviewDay[];
	/** Reviews in `perDay`, and their mean per day. */
	recentTotal: number;
	recentMeanPerDay: number;
}

const figure = (passed: number, total: number): RetentionFigure => ({
	passed,
	total,
	rate: total === 0 ? undefined : passed / total
});

/**
 * True retention and reviews per day in one pass over the logs (any order). Manual
 * reschedules (rating Manual) are not reviews and are ignored; logs after today too.
 */
export function retentionStats(
	reviews: Iterable<Pick<StudyReview, 'review' | 'rating' | 'state'>>,
	now: Date,
	{ dayStartHour = DEFAULT_DAY_START_HOUR, days = RECENT_DAYS }: DayOptions & { days?: number } = {}
): RetentionStats {
	const today = studyDayNumber(now, dayStartHour);
	const firstDay = today - days + 1;
	// per day, four counters: learning, review, relearning, passed reviews
	const perDay = new Int32Array(days * 4);
	let passed = 0;
	let total = 0;
	for (const { review, rating, state } of reviews) {
		if (rating === Rating.Manual) continue;
		const day = studyDayNumber(review, dayStartHour);
		if (day > today) continue;
		const index = day - firstDay;
		const recent = index >= 0;
		const pass = rating >= Rating.Hard;
		if (state === State.Review) {
			total++;
			if (pass) passed++;
			if (recent) {
				perDay[index * 4 + 1]!++;
				if (pass) perDay[index * 4 + 3]!++;
			}
		} else if (recent) {
			perDay[index * 4 + (state === State.Relearning ? 2 : 0)]!++;
		}
	}

	const dayList: ReviewDay[] = [];
	let recentPassed = 0;
	let recentTotal = 0;
	let recentReviews = 0;
	for (let i = 0; i < days; i++) {
		const learning = perDay[i * 4]!;
		const review = perDay[i * 4 + 1]!;
		const relearning = perDay[i * 4 + 2]!;
		recentReviews += review;
		recentPassed += perDay[i * 4 + 3]!;
		const dayTotal = learning + review + relearning;
		recentTotal += dayTotal;
		dayList.push({ key: dayKeyOf(firstDay + i), total: dayTotal, learning, review, relearning });
	}
	return {
		overall: figure(passed, total),
		recent: figure(recentPassed, recentReviews),
		perDay: dayList,
		recentTotal,
		recentMeanPerDay: days > 0 ? recentTotal / days : 0
	};
}
