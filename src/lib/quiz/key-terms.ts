// Key-term grading of a typed phrase answer: "denied it", "they rejected the argument" and
// "French officials disputed it" all answer "They denied it" when the pack lists the
// interchangeable words. Pure, shared by quiz grading and the bank's own check.
import { normalizeAnswer } from './normalize';

// a "not" the expected answer lacks turns any wording into its opposite
const NEGATIONS = /\b(?:not|no|never|nothing|neither|nor|dont|didnt|doesnt|isnt|wasnt|cannot)\b/;

/** Whether `text` holds one word or phrase of every group of `keyTerms`, negated no more than `expected`. */
export function hasKeyTerms(
	text: string,
	keyTerms: readonly string[][],
	expected: string
): boolean {
	const given = ` ${normalizeAnswer(text)} `;
	if (keyTerms.length === 0 || given.trim() === '') return false;
	if (NEGATIONS.test(given) && !NEGATIONS.test(` ${normalizeAnswer(expected)} `)) return false;
	return keyTerms.every((group) =>
		group.some((term) => {
			const wanted = normalizeAnswer(term);
			return wanted !== '' && given.includes(` ${wanted} `);
		})
	);
}
