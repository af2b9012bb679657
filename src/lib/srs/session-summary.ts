// What a study session amounted to, from its review logs alone, so a reload never counts
// anything twice: the logs are the one record of what was studied.
import { Rating } from './fsrs-constants';
import type { StudyReview } from './types';

/** A gap longer than this between two ratings starts a new session. */
export const SESSION_GAP_MS = 30 * 60_000;

export interface SessionSummary {
	studied: number;
	/** Ratings other than Again. */
	right: number;
	startedAt: Date;
	endedAt: Date;
	/** Time spent answering, from the measured durations (wall-clock gaps would count breaks). */
	activeMs: number;
}

/** Summarises `reviews` (oldest first); undefined when there are none. */
export function summarizeSession(reviews: readonly StudyReview[]): SessionSummary | undefined {
	const first = reviews[0];
	const last = reviews.at(-1);
	if (!first || !last) return undefined;
	let right = 0;
	let activeMs = 0;
	for (const review of reviews) {
		if (review.rating !== Rating.Again) right++;
		activeMs += review.durationMs ?? 0;
	}
	return {
		studied: reviews.length,
		right,
		startedAt: first.review,
		endedAt: last.review,
		activeMs
	};
}

/** The reviews of the latest session among `reviews` (oldest first): the run since the last long gap. */
export function latestSessionReviews(
	reviews: readonly StudyReview[],
	gapMs: number = SESSION_GAP_MS
): StudyReview[] {
	let start = reviews.length - 1;
	while (
		start > 0 &&
		reviews[start]!.review.getTime() - reviews[start - 1]!.review.getTime() <= gapMs
	)
		start--;
	return reviews.slice(Math.max(0, start));
}
