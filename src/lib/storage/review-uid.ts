// A review's globally unique id. New ratings get a random one; a rating stored before ids
// existed gets one derived from what identifies it (its card and its millisecond, the rule
// backup Merge already used), so two devices that restored one backup name it alike.
import type { StudyReview } from '../srs/types';

/** A fresh id for a rating made now (122 random bits). */
export function newReviewUid(): string {
	return crypto.randomUUID();
}

/** The id of a rating stored before ids existed: the same on every device that has it. */
export function legacyReviewUid(row: Pick<StudyReview, 'itemId' | 'review'>): string {
	const time = row.review instanceof Date ? row.review.getTime() : Number.NaN;
	return `legacy:${row.itemId}@${time}`;
}

/** The id a review is known by: its own, else the one derived for older rows. */
export function reviewUid(row: Pick<StudyReview, 'itemId' | 'review' | 'uid'>): string {
	return row.uid ?? legacyReviewUid(row);
}
