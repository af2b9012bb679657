// Text comparison shared by the checks: two options that differ only in case, accents,
// apostrophe style or spacing would look the same to a learner, so they count as repeats.
import { normalizeAnswer } from '../quiz/normalize';
import { numberToWords } from '../quiz/number-words';

/**
 * The text as the quiz grades it (`normalizeAnswer`): the bank's checks for repeated options,
 * a wrong option that is also right, or a restated prompt must see two strings as the same
 * exactly when the grader would, so there is one normaliser, the grader's.
 */
export function normaliseText(text: string): string {
	return normalizeAnswer(text);
}

/** Escapes a string for use inside a RegExp. */
function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A RegExp matching `term` as a whole word or phrase (not inside a longer word). */
export function wholeWordPattern(term: string, flags = 'gu'): RegExp {
	return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(term)}(?![\\p{L}\\p{N}])`, flags);
}

// Unicode-property patterns are slow to compile and the checks ask about the same few hundred
// terms thousands of times; matchAll copies the pattern, so a shared global one is safe here
const counting = new Map<string, RegExp>();

/** How many times `term` occurs in `text` as a whole word or phrase. */
export function countWholeWord(text: string, term: string): number {
	if (term === '') return 0;
	let pattern = counting.get(term);
	if (!pattern) counting.set(term, (pattern = wholeWordPattern(term)));
	return [...text.matchAll(pattern)].length;
}

/** Lower case with straight apostrophes: the form `mentions` compares. */
export const foldMention = (s: string) => s.replace(/[\u2018\u2019]/g, "'").toLowerCase();

/** Whether `text` mentions `term` as a whole word, ignoring case and apostrophe style. */
export function mentions(text: string, term: string): boolean {
	return countWholeWord(foldMention(text), foldMention(term)) > 0;
}

/** English words for 0-99 ('fourteen', 'forty-two'); undefined outside that range. */
export function numberWords(n: number): string | undefined {
	// the quiz grades these same words, so both read numbers from one table
	return n > 99 ? undefined : (numberToWords(n) ?? undefined);
}
