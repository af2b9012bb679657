// What the study scheduler stores and reads. Card and review fields keep ts-fsrs names
// (snake_case, dates as Date) so a stored row goes straight back into ts-fsrs.
import type { Card, GradeType, ReviewLog, StepUnit } from 'ts-fsrs';
import { Rating, State } from './fsrs-constants';
import type { BankItem } from '../bank/types';

export { Rating, State };
export type { Grade, GradeType, StepUnit } from 'ts-fsrs';

export const NEW_CARD_ORDERS = ['article', 'shuffled'] as const;
export type NewCardOrder = (typeof NEW_CARD_ORDERS)[number];

/** The learner's study preferences; validate with `clampStudySettings`. */
export interface StudySettings {
	/** Probability of recall FSRS aims for when it picks an interval (0.80 to 0.97). */
	desiredRetention: number;
	/** New cards introduced per study day. */
	newPerDay: number;
	/** Review-state cards shown per study day; learning steps are never limited. */
	maxReviewsPerDay: number;
	/** Short steps a new card goes through before FSRS takes over, e.g. ['1m', '10m']. */
	learningSteps: readonly StepUnit[];
	/** Steps a forgotten card goes through before it returns to review. */
	relearningSteps: readonly StepUnit[];
	/** The longest interval FSRS may give, in days (Anki's "maximum interval"). */
	maximumInterval: number;
	/** New cards in the article's order, or shuffled (by `newCardSeed`, so the order stays put). */
	newCardOrder: NewCardOrder;
	/** The seed of the shuffled order: the same seed gives the same order on every visit. */
	newCardSeed: number;
	/** FSRS parameters fitted to the learner's own reviews; absent for FSRS-6's defaults. */
	fsrsParameters?: readonly number[];
	/** Local hour at which a study day starts (Anki uses 4 am, so late nights count as the day before). */
	dayStartHour: number;
}

/** One spaced-repetition card per study item, keyed by `itemId`. */
export interface StudyCard extends Card {
	itemId: string;
	/** Copied from the item so sibling burying works without loading the bank. */
	factIds: string[];
}

/** One rating as stored: the ts-fsrs log plus what the app needs to undo and estimate time. */
export interface StudyReview extends ReviewLog {
	/** Auto-increment key once stored (this device only). */
	id?: number;
	/** The rating's id on every device: random for new ratings (schema version 6 on). */
	uid?: string;
	itemId: string;
	/**
	 * The card's `due` before this rating. ts-fsrs `rollback` restores `due` as the review time
	 * for non-new cards, so this is what makes Undo exact.
	 */
	previousDue?: Date;
	/** Milliseconds from showing the card to the rating, when the page measured it. */
	durationMs?: number;
}

/** A review as it is written, before the database assigns its key. */
export type NewStudyReview = Omit<StudyReview, 'id'>;

/** The fields of a bank item the queue needs. */
export type QueueItem = Pick<BankItem, 'id' | 'type' | 'factIds' | 'topic'>;

/** The next interval for each answer button, in milliseconds (the page words it). */
export type IntervalPreview = { readonly [K in GradeType]: number };
