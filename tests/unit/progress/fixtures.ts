// Builders for progress tests: a fixed local clock in June 2025 (no DST change that month),
// review logs and cards with only the fields a statistic reads set on purpose.
import { createEmptyCard, Rating, State } from 'ts-fsrs';
import type { StudyCard, StudyReview } from '../../../src/lib/srs/types';

/** A local time in 2025; `month` is 1-based, unlike Date's. */
export const on = (month: number, day: number, hour = 12, minute = 0) =>
	new Date(2025, month - 1, day, hour, minute);

/** Tuesday 10 June 2025, noon. */
export const NOW = on(6, 10);

export function log(
	review: Date,
	state: State = State.Review,
	rating: Rating = Rating.Good,
	itemId = 'item'
): StudyReview {
	return {
		itemId,
		rating,
		state,
		due: review,
		stability: 10,
		difficulty: 5,
		elapsed_days: 0,
		last_elapsed_days: 0,
		scheduled_days: 0,
		learning_steps: 0,
		review
	};
}

export function cardOf(
	itemId: string,
	state: State,
	{ due = NOW, stability = 10 }: { due?: Date; stability?: number } = {}
): StudyCard {
	return { ...createEmptyCard(NOW), itemId, factIds: [], state, due, stability };
}
