// Reads for the /progress page and the backup reminder, and the one write that wipes study
// progress. Kept beside the repository (which stays the lead's) and going through it.
import type { AttemptKind, AttemptRow, CardRow, ReviewRow, SahelDatabase } from './db';
import { database, readSetting, readStored, saveSetting } from './repository';
import { EARLIEST_DATE, latestDate } from './date-range';
import { isValidRow, validRows } from './stored-rows';

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
		db.transaction('r', db.cards, db.reviews, db.attempts, async () => {
			const [cards, reviews, attempts] = await Promise.all([
				db.cards.toArray(),
				db.reviews.toArray(),
				db.attempts.toArray()
			]);
			return {
				cards: validRows('cards', cards),
				reviews: validRows('reviews', reviews),
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
	return db.transaction('rw', db.cards, db.reviews, db.attempts, db.cardFlags, async () => {
		const [cards, reviews, quizzes] = await Promise.all([
			db.cards.count(),
			db.reviews.count(),
			quizAttempts(db).count()
		]);
		// the learner's marks belong to the study cards, so they go with them
		await Promise.all([
			db.cards.clear(),
			db.reviews.clear(),
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
		db.transaction('r', db.reviews, async () => {
			// only dates a review may carry: one dated 1970 or year -271821 would stretch the
			// range (and every per-day loop over it) across centuries
			const from = since && since > EARLIEST_DATE ? since : EARLIEST_DATE;
			const after = db.reviews
				.where('review')
				.between(from, latestDate(new Date()), !since, true)
				.filter((row) => isValidRow('reviews', row));
			const [first, last] = await Promise.all([after.first(), after.clone().reverse().first()]);
			return first && last ? { first: first.review, last: last.review } : undefined;
		})
	);
}

/**
 * For each [start, end) span, whether a review was made in it. The requests go out together
 * in one transaction (one index probe each), which reads a year of study days in tens of
 * milliseconds where walking 100,000 index keys, or seeking from day to day, takes a second.
 */
export async function reviewedDuring(
	spans: readonly { start: Date; end: Date }[]
): Promise<boolean[]> {
	return readStored(
		spans.map(() => false),
		(db) => {
			const index = db
				.backendDB()
				.transaction('reviews', 'readonly')
				.objectStore('reviews')
				.index('review');
			return Promise.all(
				spans.map(
					({ start, end }) =>
						new Promise<boolean>((resolve, reject) => {
							const request = index.getKey(IDBKeyRange.bound(start, end, false, true));
							request.onsuccess = () => resolve(request.result !== undefined);
							request.onerror = () => reject(request.error);
						})
				)
			);
		}
	);
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
	return db.transaction('r', db.cards, db.reviews, db.attempts, async () => {
		const [cards, reviews, quizzes] = await Promise.all([
			db.cards.count(),
			db.reviews.count(),
			quizAttempts(db).count()
		]);
		return { cards, reviews, quizAttempts: quizzes };
	});
}
