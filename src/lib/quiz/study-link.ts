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
