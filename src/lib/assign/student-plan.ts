// How a student's attempt at an assignment is laid out: question order and option order,
// fixed by the assignment's seed, the student's name and the attempt number, so a reload
// rebuilds the same attempt and two students see different orders when shuffling is on.
import type { BankItem } from '../bank/types';
import { arrangeQuestion, type QuizQuestion } from '../quiz/build';
import { createRng, shuffle } from '../quiz/random';
import type { Assignment } from './assignment-code';

/** The questions of one attempt, in the order this student sees them. */
export function studentQuestions(
	assignment: Assignment,
	items: ReadonlyMap<string, BankItem>,
	student: string,
	attempt: number
): QuizQuestion[] {
	const seed = `${assignment.seed}|${student.trim().toLowerCase()}|${attempt}`;
	const ids = assignment.shuffleQuestions
		? shuffle(assignment.itemIds, createRng(`${seed}|order`))
		: [...assignment.itemIds];
	return ids.flatMap((id) => {
		const item = items.get(id);
		if (!item) return [];
		const arranged = arrangeQuestion(item, seed);
		// without option shuffling, options keep the bank's order (ordering still starts shuffled)
		if (!assignment.shuffleOptions && arranged.optionOrder) arranged.optionOrder = item.options;
		return [arranged];
	});
}
