// The questions made from each fact, as the fact panel on /read lists them.
import type { BankItem } from '../bank/types';

/** What the fact panel shows of one question. */
export type ReadingQuestion = Pick<BankItem, 'id' | 'type' | 'prompt' | 'answer'>;

/** Human names for item types. */
export const TYPE_LABELS: Record<BankItem['type'], string> = {
	flashcard: 'Flashcard',
	reverse: 'Reverse card',
	cloze: 'Fill the gap',
	mcq: 'Multiple choice',
	truefalse: 'True or false',
	matching: 'Matching',
	ordering: 'Ordering',
	numeric: 'Number',
	'who-said': 'Who said it',
	map: 'Map'
};

/** The questions of every fact, keyed by fact id, in bank order. */
export function questionsByFact(items: readonly BankItem[]): Map<string, ReadingQuestion[]> {
	const byFact = new Map<string, ReadingQuestion[]>();
	for (const { id, type, prompt, answer, factIds } of items) {
		for (const factId of factIds) {
			let list = byFact.get(factId);
			if (!list) byFact.set(factId, (list = []));
			list.push({ id, type, prompt, answer });
		}
	}
	return byFact;
}
