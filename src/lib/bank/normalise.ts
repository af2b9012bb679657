// Text comparison shared by the checks: two options that differ only in case, accents,
// apostrophe style or spacing would look the same to a learner, so they count as repeats.

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

/** How many times `term` occurs in `text` as a whole word or phrase. */
export function countWholeWord(text: string, term: string): number {
	if (term === '') return 0;
	return [...text.matchAll(wholeWordPattern(term))].length;
}

/** Whether `text` mentions `term` as a whole word, ignoring case and apostrophe style. */
export function mentions(text: string, term: string): boolean {
	const fold = (s: string) => s.replace(/[\u2018\u2019]/g, "'").toLowerCase();
	return countWholeWord(fold(text), fold(term)) > 0;
}

const SMALL_NUMBERS = [
	'zero',
	'one',
	'two',
	'three',
	'four',
	'five',
	'six',
	'seven',
	'eight',
	'nine',
	'ten',
	'eleven',
	'twelve',
	'thirteen',
	'fourteen',
	'fifteen',
	'sixteen',
	'seventeen',
	'eighteen',
	'nineteen'
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** English words for 0-99 ('fourteen', 'forty-two'); undefined outside that range. */
export function numberWords(n: number): string | undefined {
	if (!Number.isInteger(n) || n < 0 || n > 99) return undefined;
	if (n < 20) return SMALL_NUMBERS[n];
	const unit = n % 10;
	const tens = TENS[Math.floor(n / 10)];
	return unit === 0 ? tens : `${tens}-${SMALL_NUMBERS[unit]}`;
}
