// The instructor's side of receipts: import them (refusing what does not belong) and score
// them. Every score is recomputed from the answers with the quiz's own gradeItem; the
// receipt's claimedScore is never read here.
import { scoreOf } from '../attempt/score';
import type { Bank } from '../bank/types';
import { gradeItem } from '../quiz/grade';
import type { Grade } from '../quiz/types';
import type { Assignment } from './assignment-code';
import { bankKey } from './bank-hash';
import { codeIn } from './code-text';
import { verifyText } from './device-key';
import { AssignError, type AssignErrorCode } from './errors';
import { nameKey } from './names';
import { decodeSignedReceipt, type Receipt } from './receipt-code';

/** One question of a scored submission, in assignment order. */
export interface ScoredAnswer {
	itemId: string;
	answered: boolean;
	grade: Grade;
}

export interface SubmissionScore {
	questions: ScoredAnswer[];
	/** Sum of question scores, partial credit included. */
	points: number;
	/** Number of questions. */
	total: number;
	/** Questions fully right. */
	right: number;
	/** points / total as a percentage, 0-100. */
	percent: number;
	passed: boolean;
	/** Submitted after the due date; null when the assignment has none. */
	late: boolean | null;
	/** submittedAt - startedAt as the student's device recorded them, never negative. */
	durationMs: number;
}

/** An accepted receipt with its recomputed score. */
export interface Submission {
	/** The code exactly as decoded, so the same code pasted again is recognised. */
	code: string;
	receipt: Receipt;
	score: SubmissionScore;
}

export interface RefusedReceipt {
	input: string;
	code: AssignErrorCode;
	message: string;
}

export interface ImportResult {
	accepted: Submission[];
	refused: RefusedReceipt[];
}

/**
 * Decodes, verifies and scores each pasted text (a code, a link ending '#code', or a receipt
 * file's JSON with a `code` field); refuses other assignments, other bank versions, damaged
 * or edited codes, signatures that do not verify, and codes already in `existing` or given
 * twice. Receipts that conflict (same student and attempt, another device) are accepted and
 * kept, for receipt-review.ts to flag. Blank texts are skipped.
 */
export async function importReceipts(
	texts: readonly string[],
	assignment: Assignment,
	bank: Bank,
	existing: readonly Submission[] = []
): Promise<ImportResult> {
	const seenCodes = new Set(existing.map((s) => s.code));
	const accepted: Submission[] = [];
	const refused: RefusedReceipt[] = [];
	for (const input of texts) {
		if (input.trim() === '') continue;
		try {
			const code = codeIn(receiptCodeIn(input));
			const { receipt, signed } = decodeSignedReceipt(code, assignment, bank);
			if (signed && !(await verifyText(signed.deviceKey, signed.message, signed.signature))) {
				throw new AssignError('tampered');
			}
			if (seenCodes.has(code)) throw new AssignError('duplicate');
			seenCodes.add(code);
			accepted.push({ code, receipt, score: scoreSubmission(assignment, bank, receipt) });
		} catch (error) {
			// decoders throw only AssignError; anything else is a bug and must not be hidden
			if (!(error instanceof AssignError)) throw error;
			refused.push({ input, code: error.code, message: error.message });
		}
	}
	return { accepted, refused };
}

/** Scores `receipt` from its answers alone (claimedScore is ignored). */
export function scoreSubmission(
	assignment: Assignment,
	bank: Bank,
	receipt: Receipt
): SubmissionScore {
	const items = bankKey(bank).itemsById;
	const questions = assignment.itemIds.map((itemId, i): ScoredAnswer => {
		const item = items.get(itemId);
		const answer = receipt.answers[i] ?? null;
		if (!item) return { itemId, answered: answer !== null, grade: NO_ITEM };
		if (answer === null) {
			return {
				itemId,
				answered: false,
				grade: { correct: false, score: 0, expected: item.answer }
			};
		}
		return { itemId, answered: true, grade: gradeItem(item, answer) };
	});
	const { points, percent } = scoreOf(questions.map((q) => q.grade.score));
	const total = questions.length;
	const submitted = Date.parse(receipt.submittedAt);
	const due = assignment.due === undefined ? null : Date.parse(assignment.due);
	return {
		questions,
		points,
		total,
		right: questions.filter((q) => q.grade.correct).length,
		percent,
		// compared with a little slack, so 70% of 10 questions (6.999... in floating point) passes
		passed: percent + 1e-9 >= assignment.passMark,
		late: due === null ? null : submitted > due,
		durationMs: Math.max(0, submitted - Date.parse(receipt.startedAt))
	};
}

/** The code inside a pasted text or a downloaded receipt file ({ "code": "..." }). */
export function receiptCodeIn(text: string): string {
	const trimmed = text.trim();
	if (!trimmed.startsWith('{')) return trimmed;
	try {
		const file = JSON.parse(trimmed) as unknown;
		if (typeof file === 'object' && file !== null) {
			const { code, receipt } = file as Record<string, unknown>;
			if (typeof code === 'string') return code;
			if (typeof receipt === 'string') return receipt;
		}
	} catch {
		// not JSON after all: the decoder will say why it is not a code
	}
	return trimmed;
}

/** A student's name as receipts are grouped by (see names.ts). */
export const studentKey = nameKey;

const NO_ITEM: Grade = { correct: false, score: 0, expected: '' };
