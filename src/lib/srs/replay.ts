// A card's state as a function of its reviews. Replaying every rating of a card in time order
// through ts-fsrs gives the same card whichever tab, device or backup each rating came from,
// so two tabs never drop a rating and Undo is exact whatever happened elsewhere.
import { StrategyMode, type Card, type FSRS } from 'ts-fsrs';
import { fsrsFor, newCard, type SchedulerOptions } from './scheduler';
import { DEFAULT_STUDY_SETTINGS } from './settings';
import type { Grade, StudyCard, StudyReview, StudySettings } from './types';

/** What replaying needs of a stored review: the answer, when it was given, and its key. */
export type ReplayedReview = Pick<StudyReview, 'rating' | 'review'> &
	Pick<StudyReview, 'id' | 'uid'>;

/** Which card a replay is for. */
export type CardIdentity = Pick<StudyCard, 'itemId' | 'factIds'>;

type GradedReview = ReplayedReview & { rating: Grade };

const isGrade = (rating: number): rating is Grade => rating >= 1 && rating <= 4;

/**
 * Orders reviews as they were made: by time, then (two ratings in one millisecond) by their
 * global id, which every device shares, so every device replays them alike; rows without one
 * by their local key.
 */
export function compareReviews(a: ReplayedReview, b: ReplayedReview): number {
	const byTime = a.review.getTime() - b.review.getTime();
	if (byTime !== 0) return byTime;
	if (a.uid !== undefined && b.uid !== undefined && a.uid !== b.uid) return a.uid < b.uid ? -1 : 1;
	return (a.id ?? Number.MAX_SAFE_INTEGER) - (b.id ?? Number.MAX_SAFE_INTEGER);
}

/**
 * Replays `reviews` (already in order) onto `card`. Fuzz only spreads `due` and
 * `scheduled_days`, which no later rating reads (ts-fsrs works from `last_review`, memory and
 * state), and its seed is the review time, reps and memory: so every rating but the last is
 * replayed without fuzz, about twice as fast, and the last with the settings' own.
 */
function replayOnto(
	plain: FSRS,
	last: FSRS,
	card: StudyCard,
	reviews: readonly ReplayedReview[]
): StudyCard {
	const { itemId, factIds, ...start } = card;
	// a manual reschedule logged by another tool is no rating of ours
	const graded = reviews.filter((review): review is GradedReview => isGrade(review.rating));
	let current: Card = start;
	graded.forEach(({ rating, review }, i) => {
		const f = i === graded.length - 1 ? last : plain;
		// logs are in time order, so a review never falls before the card's last one
		current = f.next(current, review, rating).card;
	});
	return { ...current, itemId, factIds };
}

/**
 * The card after every rating in `reviews`, replayed in time order from a new card: the same
 * ratings give the same card, in any order they are listed. With no gradable review, a new
 * card.
 */
export function replayCard(
	identity: CardIdentity,
	reviews: readonly ReplayedReview[],
	settings: StudySettings = DEFAULT_STUDY_SETTINGS,
	options: SchedulerOptions = {}
): StudyCard {
	const ordered = [...reviews].sort(compareReviews);
	const first = ordered.find((review) => isGrade(review.rating));
	const start = newCard(identity.itemId, identity.factIds, first?.review ?? new Date(0));
	// without fuzz the seed is never read (ts-fsrs reads it in apply_fuzz only): skip making one,
	// a string per rating
	const plain = fsrsFor(settings, { ...options, fuzz: false }).useStrategy(
		StrategyMode.SEED,
		() => 'unused'
	);
	return replayOnto(plain, fsrsFor(settings, options), start, ordered);
}

/**
 * Whether a stored card's history is all in its reviews. ts-fsrs counts every rating in
 * `reps`, so a card with more reps than logs comes from data whose older logs are gone (an
 * older backup, another app): replaying would forget those ratings, so it is not replayed.
 */
export function historyIsComplete(
	stored: Pick<StudyCard, 'reps'> | undefined,
	reviews: readonly ReplayedReview[]
): boolean {
	return !stored || stored.reps <= gradedCount(reviews);
}

/** Whether a card counts fewer ratings than its reviews hold: one was dropped, replay it. */
export function missesRatings(
	card: Pick<StudyCard, 'reps'>,
	reviews: readonly ReplayedReview[]
): boolean {
	return card.reps < gradedCount(reviews);
}

function gradedCount(reviews: readonly ReplayedReview[]): number {
	let count = 0;
	for (const review of reviews) if (isGrade(review.rating)) count++;
	return count;
}
