// What the learner decides about a card, kept apart from its FSRS state: a card row is
// recomputed from its reviews on every rating, so anything stored on it would be lost.
import type { StudyCard } from './types';

/** Anki's flag colours; a card carries at most one. */
export const FLAG_COLOURS = ['red', 'orange', 'green', 'blue'] as const;
export type FlagColour = (typeof FLAG_COLOURS)[number];

/** A card failed this many times is a leech (Anki's default threshold). */
export const LEECH_LAPSES = 8;

/** The learner's own marks on one card, keyed by its item id. */
export interface CardFlags {
	itemId: string;
	/** Left out of study until unsuspended. */
	suspended?: boolean;
	/** Left out of study until this time (the end of the study day it was buried on). */
	buriedUntil?: Date;
	flag?: FlagColour;
	/** "Reset to new": reviews before this time stay in the history but no longer schedule. */
	resetAt?: Date;
	/**
	 * When each mark was last set or taken off (epoch ms), so two devices' changes merge by
	 * the later one; a row kept only for these times says the marks were taken off.
	 */
	markedAt?: Partial<Record<CardMarkField, number>>;
}

/** The marks a learner sets on a card, each with its own time in `markedAt`. */
export const CARD_MARK_FIELDS = ['suspended', 'buriedUntil', 'flag', 'resetAt'] as const;
export type CardMarkField = (typeof CARD_MARK_FIELDS)[number];

/** Whether a card with `flags` is kept out of the study queue at `now`. */
export function isHeldBack(flags: CardFlags | undefined, now: Date): boolean {
	if (!flags) return false;
	if (flags.suspended) return true;
	return flags.buriedUntil !== undefined && flags.buriedUntil.getTime() > now.getTime();
}

/** Whether the learner keeps failing this card. */
export function isLeech(card: Pick<StudyCard, 'lapses'> | undefined): boolean {
	return (card?.lapses ?? 0) >= LEECH_LAPSES;
}

/** Whether `flags` still says anything (an empty row can be deleted). */
export function hasFlags(flags: CardFlags): boolean {
	return Boolean(flags.suspended || flags.buriedUntil || flags.flag || flags.resetAt);
}

/** The reviews that still schedule a card: those after its last reset. */
export function reviewsSinceReset<T extends { review: Date }>(
	reviews: readonly T[],
	flags: Pick<CardFlags, 'resetAt'> | undefined
): T[] {
	const resetAt = flags?.resetAt?.getTime();
	if (resetAt === undefined) return [...reviews];
	return reviews.filter((r) => r.review.getTime() >= resetAt);
}
