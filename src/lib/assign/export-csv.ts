// Students x questions as CSV (RFC 4180) for spreadsheets. Names are untrusted, so a cell a
// spreadsheet would run as a formula is defused.
import type { Assignment } from './assignment-code';
import type { Submission } from './gradebook';

/** Cells starting with these run as formulas in Excel, LibreOffice and Sheets. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One row per submission: student, attempt, times, late, points, percent, passed, then each
 * question's score (0-1, blank when unanswered). Lines end in CRLF; prepend a BOM when
 * saving if Excel must read accents.
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
		String(Math.round(score.durationMs / 1000)),
		score.late === null ? '' : score.late ? 'yes' : 'no',
		String(round(score.points)),
		String(round(score.percent)),
		score.passed ? 'yes' : 'no',
		...score.questions.map((q) => (q.answered ? String(round(q.grade.score)) : ''))
	]);
	return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** One CSV field: defused if it could run as a formula, quoted when RFC 4180 needs it. */
export function csvCell(value: string): string {
	const safe = FORMULA_START.test(value) ? `'${value}` : value;
	return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const round = (n: number) => Math.round(n * 100) / 100;
