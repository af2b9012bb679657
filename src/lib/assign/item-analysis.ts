// What the class did with each question and each paragraph of the article: classical item
// analysis, computed from recomputed grades only.
import type { Bank } from '../bank/types';
import { normalizeAnswer } from '../quiz/normalize';
import type { Response } from '../quiz/types';
import type { Assignment } from './assignment-code';
import { bankKey } from './bank-hash';
import { studentKey, type Submission } from './gradebook';
import { studentResults } from './receipt-review';

/** Below this many students the upper and lower groups are halves rather than 27% each. */
export const SMALL_CLASS = 20;
/** Kelley's share: the top and bottom 27% separate best for large classes. */
export const GROUP_SHARE = 0.27;

export interface WrongAnswer {
	/** The answer as first given (choice: the option text). */
	answer: string;
	count: number;
}

export interface QuestionAnalysis {
	itemId: string;
	/** 1-based position in the assignment. */
	position: number;
	/** Students who answered it (unanswered counts as wrong in every share below). */
	answered: number;
	/** Difficulty p: share of students fully right; null with no students. */
	difficulty: number | null;
	/** Mean score, partial credit included; null with no students. */
	meanScore: number | null;
	/** Share fully right in the upper group minus in the lower group (-1..1); null under 2 students. */
	discrimination: number | null;
	/** The most frequent wrong answer, compared after normalisation; null when none was wrong. */
	commonWrong: WrongAnswer | null;
}

export interface ParagraphAnalysis {
	paragraphId: string;
	/** Questions of the assignment sourced from this paragraph. */
	questions: number;
	/** Student answers to those questions (students x questions). */
	answers: number;
	/** Of those, not fully right (unanswered included). */
	missed: number;
	/** missed / answers, for shading; null when nothing was asked from it. */
	missRate: number | null;
}

export interface ClassAnalysis {
	/** Students counted: each one's latest attempt. */
	students: number;
	/** Size of the upper and of the lower group used for discrimination. */
	groupSize: number;
	questions: QuestionAnalysis[];
	/** Every paragraph of the bank's article, in article order. */
	paragraphs: ParagraphAnalysis[];
}

/**
 * Item analysis over each student's latest attempt.
 * Discrimination: students are ranked by total points (ties by name, so the result is
 * stable); with n students the upper and lower groups each hold round(0.27 n) of them when
 * n >= 20, else floor(n / 2) (halves; with an odd class the middle student is in neither).
 * D = (fully right in upper group - fully right in lower group) / group size.
 */
export function analyseItems(
	assignment: Assignment,
	bank: Bank,
	submissions: readonly Submission[]
): ClassAnalysis {
	const ranked = latestAttempts(submissions, assignment).sort(
		(a, b) =>
			b.score.points - a.score.points ||
			compare(studentKey(a.receipt.student), studentKey(b.receipt.student))
	);
	const n = ranked.length;
	const groupSize = n >= SMALL_CLASS ? Math.max(1, Math.round(GROUP_SHARE * n)) : Math.floor(n / 2);
	const upper = ranked.slice(0, groupSize);
	const lower = ranked.slice(n - groupSize);
	const items = bankKey(bank).itemsById;

	const questions = assignment.itemIds.map((itemId, i): QuestionAnalysis => {
		const rightIn = (group: readonly Submission[]) =>
			group.filter((s) => s.score.questions[i]?.grade.correct).length;
		return {
			itemId,
			position: i + 1,
			answered: ranked.filter((s) => s.score.questions[i]?.answered).length,
			difficulty: n === 0 ? null : rightIn(ranked) / n,
			meanScore:
				n === 0
					? null
					: ranked.reduce((t, s) => t + (s.score.questions[i]?.grade.score ?? 0), 0) / n,
			discrimination: groupSize === 0 ? null : (rightIn(upper) - rightIn(lower)) / groupSize,
			commonWrong: mostCommonWrong(ranked, i)
		};
	});

	const byParagraph = new Map<string, ParagraphAnalysis>(
		bank.pack.source.paragraphs.map((p) => [
			p.id,
			{ paragraphId: p.id, questions: 0, answers: 0, missed: 0, missRate: null }
		])
	);
	assignment.itemIds.forEach((itemId, i) => {
		const paragraphId = items.get(itemId)?.source.paragraph;
		const entry = paragraphId === undefined ? undefined : byParagraph.get(paragraphId);
		if (!entry) return;
		entry.questions++;
		entry.answers += n;
		entry.missed += ranked.filter((s) => !s.score.questions[i]?.grade.correct).length;
	});
	const paragraphs = [...byParagraph.values()].map((p) => ({
		...p,
		missRate: p.answers === 0 ? null : p.missed / p.answers
	}));
	return { students: n, groupSize, questions, paragraphs };
}

/**
 * The receipt that stands for each student: the highest attempt among those no conflict
 * keeps out (another device, past the attempt limit, edited settings), see receipt-review.ts.
 */
export function latestAttempts(
	submissions: readonly Submission[],
	assignment: Assignment
): Submission[] {
	return studentResults(assignment, submissions).map((student) => student.result.submission);
}

/** A response written as one line of text, for counting and showing wrong answers. */
export function responseText(response: Response): string {
	switch (response.kind) {
		case 'choice':
			return response.choice;
		case 'text':
			return response.text;
		case 'matching':
			return [...response.pairs]
				.sort((a, b) => compare(a.left, b.left))
				.map((p) => `${p.left} → ${p.right}`)
				.join('; ');
		case 'ordering':
			return response.sequence.join(' → ');
	}
}

function mostCommonWrong(ranked: readonly Submission[], index: number): WrongAnswer | null {
	const counts = new Map<string, WrongAnswer>();
	for (const s of ranked) {
		const answer = s.receipt.answers[index];
		if (!answer || s.score.questions[index]?.grade.correct) continue;
		const shown = responseText(answer).trim();
		// punctuation-only answers normalise to '' and would all merge: keep them as written
		const key = normalizeAnswer(shown) || shown;
		const entry = counts.get(key) ?? { answer: shown, count: 0 };
		entry.count++;
		counts.set(key, entry);
	}
	let best: WrongAnswer | null = null;
	// on a tie the answer seen first (highest-ranked student) wins, so the result is stable
	for (const entry of counts.values()) if (!best || entry.count > best.count) best = entry;
	return best;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
