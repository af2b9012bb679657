// The rule "wrong answers feed study", as a pure function so it can be tested without
// a database: which already-studied cards a wrong answer makes due, and when.
import { State } from '../srs/fsrs-constants';
import type { StudyCard } from '../srs/types';

/**
 * The cards that share a fact with a wrongly answered item, each made due at `answeredAt`.
 * Only cards already studied are touched (a card never rated has nothing to bring forward),
 * and a card already due earlier keeps its earlier date.
 */
export function cardsMadeDue(
	cards: Iterable<StudyCard>,
	factIds: readonly string[],
	answeredAt: Date
): StudyCard[] {
	const facts = new Set(factIds);
	const changed: StudyCard[] = [];
	for (const card of cards) {
		if (card.state === State.New) continue;
		if (!card.factIds?.some((id) => facts.has(id))) continue;
		if (card.due <= answeredAt) continue;
		changed.push({ ...card, due: answeredAt });
	}
	return changed;
}

/** A wrong answer as study sees it: the facts it was about, and when it was given. */
export interface WrongAnswer {
	factIds: readonly string[];
	answeredAt: Date;
}

/**
 * The wrong answers of stored attempts (any device's), each with its item's facts. An answer
 * whose item no bank names (a retired item) moves nothing.
 */
export function wrongAnswers(
	attempts: Iterable<{ answers: Record<string, unknown> }>,
	factIdsOf: (itemId: string) => readonly string[] | undefined
): WrongAnswer[] {
	const out: WrongAnswer[] = [];
	for (const attempt of attempts) {
		for (const [itemId, answer] of Object.entries(attempt.answers ?? {})) {
			const { correct, answeredAt } = (answer ?? {}) as { correct?: unknown; answeredAt?: unknown };
			if (correct !== false || !(answeredAt instanceof Date)) continue;
			if (Number.isNaN(answeredAt.getTime())) continue;
			const factIds = factIdsOf(itemId);
			if (factIds?.length) out.push({ factIds, answeredAt });
		}
	}
	return out;
}

/**
 * A card with the rule applied after the fact, as sync needs it: a card replayed from its
 * reviews (or met on another device) is due at the first wrong answer on one of its facts given
 * after its last rating, when that is sooner. A rating after the answer has rescheduled it.
 */
export function dueAfterWrongAnswers(card: StudyCard, wrong: readonly WrongAnswer[]): StudyCard {
	if (card.state === State.New || !card.last_review || !card.factIds?.length) return card;
	const facts = new Set(card.factIds);
	let due = card.due;
	for (const answer of wrong) {
		if (answer.answeredAt <= card.last_review || answer.answeredAt >= due) continue;
		if (answer.factIds.some((id) => facts.has(id))) due = answer.answeredAt;
	}
	return due === card.due ? card : { ...card, due };
}
