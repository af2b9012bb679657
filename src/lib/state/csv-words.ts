// The exported spreadsheets' headers in the page's language; loaded with the export only.
import type { CsvWords } from '$lib/assign/export-csv';
import { m } from '$lib/paraglide/messages';

/** The CSV words of the page's language. */
export function csvWords(): CsvWords {
	return {
		student: m.csv_student(),
		attempt: m.csv_attempt(),
		started: m.csv_started(),
		submitted: m.csv_submitted(),
		timeSeconds: m.csv_time_seconds(),
		late: m.csv_late(),
		points: m.csv_points(),
		scorePercent: m.csv_score_percent(),
		passed: m.csv_passed(),
		question: m.csv_question(),
		questionShort: m.csv_question_short(),
		itemId: m.csv_item_id(),
		prompt: m.csv_prompt(),
		answerGiven: m.csv_answer_given(),
		correctAnswer: m.csv_correct_answer(),
		score: m.csv_score(),
		right: m.csv_right(),
		answeredAfterSeconds: m.csv_answered_after_seconds(),
		attemptTimeSeconds: m.csv_attempt_time_seconds(),
		yes: m.csv_yes(),
		no: m.csv_no(),
		unanswered: m.csv_unanswered()
	};
}
