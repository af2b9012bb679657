// One student's attempt question by question: what they answered, the right answer and the
// score, for the gradebook's detail view and the per-answer CSV. Pure: it reads the scored
// submission (recomputed from the receipt's answers) and the bank's items.
import type { Bank, BankItem } from '../bank/types';
import type { Response } from '../quiz/types';
import type { Assignment } from './assignment-code';
import type { Submission } from './gradebook';

/** One question of one attempt, as the instructor reads it. */
export interface AnswerRow {
	/** 1 for the assignment's first question. */
	number: number;
	itemId: string;
	/** The question as asked; '' when this bank no longer has the item. */
	prompt: string;
	/** The answer given, written out as text; '' when not answered. */
	given: string;
	answered: boolean;
	expected: string;
	/** 0-1, partial credit included. */
	score: number;
	correct: boolean;
	/** Seconds from the attempt's start to this answer; undefined when the receipt has no times. */
	answeredAfterSec?: number;
}

/** Each question of `submission` in assignment order, with the answer given written out. */
export function studentAnswers(
	assignment: Assignment,
	bank: Bank,
	submission: Submission
): AnswerRow[] {
	const items = new Map(bank.items.map((item) => [item.id, item]));
	return assignment.itemIds.map((itemId, i) => {
		const scored = submission.score.questions[i];
		const response = submission.receipt.answers[i] ?? null;
		const item = items.get(itemId);
		return {
			number: i + 1,
			itemId,
			prompt: item?.prompt ?? '',
			given: response ? responseText(response, item) : '',
			answered: response !== null,
			expected: scored?.grade.expected ?? item?.answer ?? '',
			score: scored?.grade.score ?? 0,
			correct: scored?.grade.correct ?? false,
			...answerTime(submission.receipt.answeredAfterSec?.[i])
		};
	});
}

const answerTime = (seconds: number | null | undefined) =>
	seconds === null || seconds === undefined ? {} : { answeredAfterSec: seconds };

/** An answer as text, written like the bank writes `answer` (pairs "a → b; ...", order "a → b"). */
export function responseText(response: Response, item?: BankItem): string {
	switch (response.kind) {
		case 'choice':
			return response.choice;
		case 'text':
			return response.text;
		case 'matching': {
			// in the item's order of left-hand entries, so two students' answers line up
			const order = item?.pairs?.map((p) => p.left) ?? [];
			const rank = (left: string) => (order.includes(left) ? order.indexOf(left) : order.length);
			return [...response.pairs]
				.sort((a, b) => rank(a.left) - rank(b.left))
				.map((p) => `${p.left} → ${p.right}`)
				.join('; ');
		}
		case 'ordering':
			return response.sequence.join(' → ');
	}
}
