// Results as CSV (RFC 4180) for spreadsheets: one file with a row per submission, one with a
// row per student per question. Both start with a UTF-8 byte-order mark, without which Excel
// reads UTF-8 as Windows-1252 and shows "ZoÃ«" for "Zoë", and end lines in CRLF.
// Names and answers are untrusted, so a cell a spreadsheet would run as a formula is defused.
import type { Bank } from '../bank/types';
import type { Assignment } from './assignment-code';
import type { Submission } from './gradebook';
import { studentAnswers } from './student-answers';

/** The byte-order mark that tells spreadsheets the file is UTF-8. */
export const BOM = '\uFEFF';

/** Cells starting with these run as formulas in Excel, LibreOffice and Sheets. */
const FORMULA_START = /^[=+\-@\t\r]/;
/**
 * A spreadsheet set to a French (or other ';'-separated) locale splits a line at ';' whatever
 * the quotes say, so text after a ';' starts a cell of its own and is defused too.
 */
const FORMULA_AFTER_SEMICOLON = /;(?=[=+\-@\t\r])/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * One row per submission: student, attempt, times, late, points, percent, passed, then each
 * question's score (0-1, blank when unanswered).
 */
export function submissionsCsv(assignment: Assignment, submissions: readonly Submission[]): string {
	const header = [
		'Student',
		'Attempt',
		'Started',
		'Submitted',
		'Time (s)',
		'Late',
		'Points',
		'Score (%)',
		'Passed',
		...assignment.itemIds.map((id, i) => `Q${i + 1} ${id}`)
	];
	const rows = submissions.map(({ receipt, score }) => [
		receipt.student,
		String(receipt.attempt),
		receipt.startedAt,
		receipt.submittedAt,
		seconds(score.durationMs),
		score.late === null ? '' : score.late ? 'yes' : 'no',
		String(round(score.points)),
		String(round(score.percent)),
		score.passed ? 'yes' : 'no',
		...score.questions.map((q) => (q.answered ? String(round(q.grade.score)) : ''))
	]);
	return csv([header, ...rows]);
}

/**
 * One row per student per question: the answer given, the right answer, the score, whether it
 * was right, and when it was answered (seconds from the start, from receipts of version 3;
 * blank for older receipts, which only record when the attempt started and ended).
 */
export function answersCsv(
	assignment: Assignment,
	bank: Bank,
	submissions: readonly Submission[]
): string {
	const header = [
		'Student',
		'Attempt',
		'Question',
		'Item id',
		'Prompt',
		'Answer given',
		'Correct answer',
		'Score',
		'Right',
		'Answered after (s)',
		'Attempt time (s)',
		'Submitted'
	];
	const rows = submissions.flatMap((submission) =>
		studentAnswers(assignment, bank, submission).map((row) => [
			submission.receipt.student,
			String(submission.receipt.attempt),
			String(row.number),
			row.itemId,
			row.prompt,
			row.given,
			row.expected,
			row.answered ? String(round(row.score)) : '',
			row.answered ? (row.correct ? 'yes' : 'no') : 'unanswered',
			row.answeredAfterSec === undefined ? '' : String(row.answeredAfterSec),
			seconds(submission.score.durationMs),
			submission.receipt.submittedAt
		])
	);
	return csv([header, ...rows]);
}

/**
 * One CSV field: defused if it could run as a formula, quoted when RFC 4180 needs it. A lone
 * surrogate, which UTF-8 cannot hold, becomes U+FFFD here rather than in the file's encoder.
 */
export function csvCell(text: string): string {
	const value = text.replace(LONE_SURROGATE, '\uFFFD');
	const start = FORMULA_START.test(value) ? `'${value}` : value;
	const safe = start.replace(FORMULA_AFTER_SEMICOLON, ";'");
	return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const csv = (rows: readonly string[][]) =>
	BOM + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
const seconds = (ms: number) => String(Math.round(ms / 1000));
const round = (n: number) => Math.round(n * 100) / 100;
