// Text comparison shared by the checks: two options that differ only in case, accents,
// apostrophe style or spacing would look the same to a learner, so they count as repeats.
import { numberToWords } from '../quiz/number-words';

/** Folds case, accents, curly quotes, dashes and spacing so near-identical strings compare equal. */
export function normaliseText(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.replace(/[\u2018\u2019\u201B\u2032]/g, "'")
		.replace(/[\u201C\u201D\u201F\u2033]/g, '"')
		.replace(/[\u2010-\u2015]/g, '-')
		.toLowerCase()
		.replace(/\s+/g, ' ')
		.replace(/^[\s"'.,;:!?]+|[\s"'.,;:!?]+$/g, '');
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
