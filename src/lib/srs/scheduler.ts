// A thin wrapper around ts-fsrs: settings in, stored cards and reviews out, nothing else.
import { createEmptyCard, fsrs, generatorParameters, Rating, type FSRS } from 'ts-fsrs';
import type { Card, Grade } from 'ts-fsrs';
import { DEFAULT_STUDY_SETTINGS } from './settings';
import type { IntervalPreview, NewStudyReview, StudyCard, StudySettings } from './types';

/** Options that are not user settings. */
export interface SchedulerOptions {
	/** Spread intervals a little so cards learnt together do not stay together; off in tests for reproducible schedules. */
	fuzz?: boolean;
}

/** The result of one rating: the card to store and the review row to append. */
export interface RatedCard {
	card: StudyCard;
	review: NewStudyReview;
}

/** Scheduling operations bound to one set of settings. */
export interface StudyScheduler {
	/** The card after `rating` at `now`, and its review log. */
	rateCard(card: StudyCard, rating: Grade, now: Date): RatedCard;
	/** The next interval each answer would give, as labels for the buttons. */
	previewIntervals(card: StudyCard, now: Date): IntervalPreview;
	/** The card exactly as it was before `review` (the latest review of this card). */
	undoReview(card: StudyCard, review: NewStudyReview): StudyCard;
}

/** A new, never-studied card for one study item. */
export function newCard(itemId: string, factIds: readonly string[], now: Date): StudyCard {
	return { ...createEmptyCard(now), itemId, factIds: [...factIds] };
}

// ts-fsrs copies unknown fields through, but restating them keeps the stored shape explicit
function withIdentity(card: StudyCard, next: Card): StudyCard {
	return { ...next, itemId: card.itemId, factIds: card.factIds };
}

/**
 * The ts-fsrs instance for `settings`. Its fuzz is seeded by the review time and the card's
 * state, so the same ratings always give the same schedule (what replaying relies on).
 */
export function fsrsFor(settings: StudySettings, options: SchedulerOptions = {}): FSRS {
	return fsrs(
		generatorParameters({
			request_retention: settings.desiredRetention,
			enable_fuzz: options.fuzz ?? true,
			enable_short_term: true,
			learning_steps: settings.learningSteps,
			maximum_interval: settings.maximumInterval,
			relearning_steps: settings.relearningSteps,
			// parameters fitted to the learner's reviews, once they agreed to use them
			...(settings.fsrsParameters ? { w: [...settings.fsrsParameters] } : {})
		})
	);
}

/** A scheduler for `settings`; fuzz is on unless `options.fuzz` is false. */
export function createScheduler(
	settings: StudySettings = DEFAULT_STUDY_SETTINGS,
	options: SchedulerOptions = {}
): StudyScheduler {
	const f = fsrsFor(settings, options);

	return {
		rateCard(card, rating, now) {
			// A clock set back (or a backup from another device) can put the last review in the
			// future; ts-fsrs then throws, and a rating must never be lost, so rate at that time.
			const at = card.last_review && card.last_review > now ? card.last_review : now;
			const { card: next, log } = f.next(card, at, rating);
			return {
				card: withIdentity(card, next),
				review: { ...log, itemId: card.itemId, previousDue: card.due }
			};
		},

		previewIntervals(card, now) {
			const preview = f.repeat(card, now);
			return {
				Again: preview[Rating.Again].card.due.getTime() - now.getTime(),
				Hard: preview[Rating.Hard].card.due.getTime() - now.getTime(),
				Good: preview[Rating.Good].card.due.getTime() - now.getTime(),
				Easy: preview[Rating.Easy].card.due.getTime() - now.getTime()
			};
		},

		undoReview(card, review) {
			const previous = f.rollback(card, review);
			// rollback gives a reviewed card's due as the review time; the stored previous due is exact
			if (review.previousDue) previous.due = review.previousDue;
			return withIdentity(card, previous);
		}
	};
}
