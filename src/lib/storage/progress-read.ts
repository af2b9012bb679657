// Reads for the /progress page and the backup reminder, and the one write that wipes study
// progress. Kept beside the repository (which stays the lead's) and going through it.
import type { AttemptKind, AttemptRow, CardRow, ReviewRow, SahelDatabase } from './db';
import { database, readSetting, readStored, saveSetting } from './repository';
import { EARLIEST_DATE, latestDate } from './date-range';
import { validRows } from './stored-rows';
import { spansWithTimes, studyDayBounds } from '../srs/study-day';
import { allReviews, clearReviews, reviewCount, reviewsFrom } from './review-log';

/** Setting that holds the time of the last backup exported on this device. */
export const LAST_BACKUP_KEY = 'lastBackupAt';

/** Everything the progress statistics need, read as one consistent snapshot. */
export interface ProgressRows {
	cards: CardRow[];
	reviews: ReviewRow[];
	/** Finished attempts only: a quiz still running has no score yet. */
	attempts: AttemptRow[];
}

/** Every card and review and every finished attempt, in one read transaction. */
export async function readProgressRows(): Promise<ProgressRows> {
	return readStored({ cards: [], reviews: [], attempts: [] }, (db) =>
		db.transaction('r', db.cards, db.reviewLogs, db.attempts, async () => {
			const [cards, reviews, attempts] = await Promise.all([
				db.cards.toArray(),
				allReviews(db),
				db.attempts.toArray()
			]);
			return {
				cards: validRows('cards', cards),
				reviews,
				attempts: validRows('attempts', attempts).filter((row) => row.finishedAt)
			};
		})
	);
}

/** Rows a reset removes: study cards, their reviews, and quiz attempts. */
export interface ResetResult {
	cards: number;
	reviews: number;
	quizAttempts: number;
}

/** The quiz attempts alone: an assignment attempt holds a hand-in (its receipt), not practice. */
function quizAttempts(db: SahelDatabase) {
	return db.attempts.where('kind').equals('quiz' satisfies AttemptKind);
}

/**
 * Deletes every card, review and quiz attempt in one transaction (all or nothing). Settings,
 * assignments, a student's assignment attempts with their receipts, and an instructor's
 * imported receipts stay: they are coursework, not study progress, and an attempt used up
 * must stay used up.
 */
export async function resetProgress(): Promise<ResetResult> {
	const db = await database();
	return db.transaction('rw', db.cards, db.reviewLogs, db.attempts, db.cardFlags, async () => {
		const [cards, reviews, quizzes] = await Promise.all([
			db.cards.count(),
			reviewCount(db),
			quizAttempts(db).count()
		]);
		// the learner's marks belong to the study cards, so they go with them
		await Promise.all([
			db.cards.clear(),
			clearReviews(db),
			db.cardFlags.clear(),
			quizAttempts(db).delete()
		]);
		return { cards, reviews, quizAttempts: quizzes };
	});
}

/** The first and last review times after `since` (of all reviews when undefined). */
export async function reviewTimeRange(
	since: Date | undefined
): Promise<{ first: Date; last: Date } | undefined> {
	return readStored(undefined, (db) =>
		db.transaction('r', db.reviewLogs, async () => {
			// only dates a review may carry: one dated 1970 or year -271821 would stretch the
			// range (and every per-day loop over it) across centuries
			const from = since && since > EARLIEST_DATE ? since : EARLIEST_DATE;
			const latest = latestDate(new Date());
			const after = (await reviewsFrom(db, from)).filter(
				(r) => r.review <= latest && (since ? r.review > from : true)
			);
			const first = after[0];
			const last = after[after.length - 1];
			return first && last ? { first: first.review, last: last.review } : undefined;
		})
	);
}

/**
 * For each [start, end) span, whether a review was made in it: the review times since the
 * earliest span, read once (the logs rated since), then one binary search per span.
 */
export async function reviewedDuring(
	spans: readonly { start: Date; end: Date }[]
): Promise<boolean[]> {
	if (spans.length === 0) return [];
	const from = new Date(Math.min(...spans.map((span) => span.start.getTime())));
	return readStored(
		spans.map(() => false),
		async (db) => {
			const times = (await reviewsFrom(db, from)).map((r) => r.review.getTime());
			return spansWithTimes(times, spans);
		}
	);
}

/**
 * The streak: consecutive study days with reviews, ending with the one holding `now` (or the
 * day before, if that has none yet). The review times of a few weeks are read at once, and of
 * twice as many while the streak fills them: each read costs the cards rated since, where one
 * read per day would cost them once a day.
 */
export async function studyStreak(now: Date, dayStartHour: number): Promise<number> {
	const previous = (bounds: { start: Date }) =>
		studyDayBounds(new Date(bounds.start.getTime() - 1), dayStartHour);
	return readStored(0, async (db) => {
		for (let window = 16; ; window *= 2) {
			const days = [studyDayBounds(now, dayStartHour)];
			while (days.length < window) days.push(previous(days.at(-1)!));
			const from = days.at(-1)!.start;
			const times = (await reviewsFrom(db, from)).map((r) => r.review.getTime());
			const studied = spansWithTimes(times, days);
			const first = studied[0] ? 0 : 1;
			const gap = studied.indexOf(false, first);
			if (gap !== -1) return gap - first;
		}
	});
}

/** When the last backup was exported on this device, if ever. */
export async function lastBackupTime(): Promise<Date | undefined> {
	const value = await readSetting<unknown>(LAST_BACKUP_KEY, undefined);
	return value instanceof Date && !Number.isNaN(value.getTime()) ? value : undefined;
}

/** Remembers that a backup was exported at `at`, for the reminder. */
export async function recordBackupTime(at: Date): Promise<void> {
	await saveSetting(LAST_BACKUP_KEY, at);
}

/** How many cards, reviews and quiz attempts this device holds: what a reset would delete. */
export async function progressCounts(): Promise<ResetResult> {
	const db = await database();
	return db.transaction('r', db.cards, db.reviewLogs, db.attempts, async () => {
		const [cards, reviews, quizzes] = await Promise.all([
			db.cards.count(),
			reviewCount(db),
			quizAttempts(db).count()
		]);
		return { cards, reviews, quizAttempts: quizzes };
	});
}
