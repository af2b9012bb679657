// Builders for srs tests: a fixed local clock, bank items, cards in each state and review logs.
import { createEmptyCard, Rating, State } from 'ts-fsrs';
import type { ItemType } from '../../../src/lib/bank/types';
import { DEFAULT_STUDY_SETTINGS } from '../../../src/lib/srs/settings';
import type { QueueInput } from '../../../src/lib/srs/queue';
import type { QueueItem, StudyCard, StudyReview, StudySettings } from '../../../src/lib/srs/types';

const DAY_MS = 86_400_000;

/** A local time in June 2025 (no DST change that month, so tests hold in any time zone). */
export function at(day: number, hour = 12, minute = 0): Date {
	return new Date(2025, 5, day, hour, minute);
}

/** The fixed "now" of most tests: 10 June 2025, noon local time. */
export const NOW = at(10, 12);

export function item(
	id: string,
	factIds: string[] = [`fact-${id}`],
	extra: { type?: ItemType; topic?: string } = {}
): QueueItem {
	return { id, factIds, type: extra.type ?? 'flashcard', topic: extra.topic ?? 'general' };
}

/** A card in Review state, last seen `intervalDays` before `due`. */
export function reviewCard(itemId: string, due: Date, factIds = [`fact-${itemId}`]): StudyCard {
	const intervalDays = 10;
	return {
		...createEmptyCard(due),
		itemId,
		factIds,
		state: State.Review,
		due,
		stability: intervalDays,
		difficulty: 5,
		scheduled_days: intervalDays,
		reps: 3,
		last_review: new Date(due.getTime() - intervalDays * DAY_MS)
	};
}

/** A card between learning steps, due at `due`. */
export function learningCard(itemId: string, due: Date, factIds = [`fact-${itemId}`]): StudyCard {
	return {
		...createEmptyCard(due),
		itemId,
		factIds,
		state: State.Learning,
		due,
		stability: 1,
		difficulty: 5,
		learning_steps: 1,
		reps: 1,
		last_review: new Date(due.getTime() - 10 * 60_000)
	};
}

/** A review log written at `when`, of a card that was in `state` before the rating. */
export function reviewLog(itemId: string, when: Date, state: State = State.Review): StudyReview {
	return {
		itemId,
		rating: Rating.Good,
		state,
		due: when,
		stability: 5,
		difficulty: 5,
		elapsed_days: 0,
		last_elapsed_days: 0,
		scheduled_days: 0,
		learning_steps: 0,
		review: when
	};
}

export function settings(overrides: Partial<StudySettings> = {}): StudySettings {
	return { ...DEFAULT_STUDY_SETTINGS, ...overrides };
}

export function queueInput(overrides: Partial<QueueInput> = {}): QueueInput {
	return { items: [], cards: [], reviewsToday: [], settings: settings(), now: NOW, ...overrides };
}
