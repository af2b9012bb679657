// Tolerant comparison of typed answers. A learner on a phone keyboard should not lose a point
// for capitals, accents, curly apostrophes, stray punctuation, "fourteen" for "14" or one slip
// of the thumb in a long word; they should lose it for a different name or a different number.
import { isNumberWord, readNumber } from './number-words';

// letters that carry no combining mark in Unicode, so NFD alone leaves them unfolded
const LETTER_FOLDS: Record<string, string> = {
	ø: 'o',
	đ: 'd',
	ð: 'd',
	ł: 'l',
	ħ: 'h',
	ı: 'i',
	æ: 'ae',
	œ: 'oe',
	ß: 'ss',
	þ: 'th',
	ς: 'σ'
};
const FOLDABLE = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'gu');

// straight, curly and look-alike apostrophes: "d’Ivoire" and "d'Ivoire" must compare equal
const APOSTROPHES = /['‘’‛ʼʻʽ`´′]/gu;
const DIGIT_GROUP_COMMA = /(?<=\d),(?=\d{3}(?!\d))/g;
const NON_DECIMAL_POINT = /(?<!\d)\.|\.(?!\d)/g;
const INVISIBLE = /\p{Cf}/gu;
const PUNCTUATION_AND_SPACE = /[^\p{L}\p{N}.]+/gu;

/** Leading words dropped from answers, so "the Wagner Group" matches "Wagner Group". */
export const LEADING_ARTICLES = ['the', 'a', 'an'] as const;
const ARTICLES: ReadonlySet<string> = new Set(LEADING_ARTICLES);

/**
 * A typed answer with its spelling noise removed: lower case; accents and other diacritics
 * removed (NFKD, then marks stripped); apostrophes and full stops removed ("U.S." -> "us")
 * except a decimal point; digit-grouping commas removed ("1,000" -> "1000"); any other
 * punctuation (hyphens, quotes, brackets) and runs of spacing become one space.
 */
export function foldText(text: string): string {
	if (typeof text !== 'string') return '';
	return (
		text
			.normalize('NFKD')
			.toLowerCase()
			// lower-casing can add marks (İ -> i + dot above), so decompose again before stripping
			.normalize('NFKD')
			.replace(/\p{M}/gu, '')
			.replace(FOLDABLE, (letter) => LETTER_FOLDS[letter] ?? letter)
			.replace(INVISIBLE, '')
			.replace(APOSTROPHES, '')
			.replace(DIGIT_GROUP_COMMA, '')
			.replace(NON_DECIMAL_POINT, '')
			.replace(PUNCTUATION_AND_SPACE, ' ')
			.trim()
	);
}

/**
 * The canonical form of a typed answer: `foldText`, then English number words as digits
 * ("twenty-one" -> "21") while digits stay digits, then leading English articles (the, a,
 * an) dropped when something follows them.
 */
export function normalizeAnswer(text: string): string {
	const folded = foldText(text);
	if (folded === '') return '';
	return dropLeadingArticles(wordsToDigits(folded.split(' '))).join(' ');
}

function wordsToDigits(tokens: readonly string[]): string[] {
	const out: string[] = [];
	for (let i = 0; i < tokens.length;) {
		const token = tokens[i] ?? '';
		const found = isNumberWord(token) || token === 'a' || /^\d/.test(token);
		const number = found ? readNumber(tokens, i) : null;
		if (number && Number.isSafeInteger(number.value)) {
			out.push(String(number.value));
			i = number.end;
		} else {
			out.push(token);
			i++;
		}
	}
	return out;
}

function dropLeadingArticles(tokens: string[]): string[] {
	let start = 0;
	while (start < tokens.length - 1 && ARTICLES.has(tokens[start] ?? '')) start++;
	return tokens.slice(start);
}

/**
 * Optimal-string-alignment Damerau-Levenshtein distance: insertions, deletions,
 * substitutions and swaps of two neighbouring characters each count one.
 */
export function editDistance(a: string, b: string): number {
	const x = [...a];
	const y = [...b];
	// rows i-2, i-1 and i of the usual table
	let before: number[] = [];
	let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
	for (let i = 1; i <= x.length; i++) {
		const current = [i];
		for (let j = 1; j <= y.length; j++) {
			const cost = x[i - 1] === y[j - 1] ? 0 : 1;
			let best = Math.min(
				(previous[j] ?? 0) + 1,
				(current[j - 1] ?? 0) + 1,
				(previous[j - 1] ?? 0) + cost
			);
			if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) {
				best = Math.min(best, (before[j - 2] ?? 0) + 1);
			}
			current.push(best);
		}
		before = previous;
		previous = current;
	}
	return previous[y.length] ?? 0;
}

/** Answers with fewer letters than this must be exact: one slip in "Mali" makes "Bali". */
export const TYPO_MIN_LETTERS = 5;

const letterCount = (text: string) => text.match(/\p{L}/gu)?.length ?? 0;
const digitsOf = (text: string) => (text.match(/\p{N}/gu) ?? []).join('');

/** How a typed answer compares with the expected one and its accepted variants. */
export type AnswerMatch = 'exact' | 'typo' | 'none';

/**
 * Compares a typed answer with `expected` and each of `accept` after normalisation.
 * One edit is forgiven against a variant of five letters or more, but never one that
 * changes a digit: "2018" for "2017" is a different answer, not a typo.
 */
export function matchAnswer(
	given: string,
	expected: string,
	accept: readonly string[] = []
): AnswerMatch {
	const written = [expected, ...accept];
	// what is typed exactly as written is right even when normalising leaves nothing ("?")
	if (typeof given === 'string' && written.some((v) => v.trim() === given.trim())) return 'exact';
	return compareNormal(
		normalizeAnswer(given),
		written.map(normalizeAnswer).filter((v) => v !== '')
	);
}

/**
 * Like `matchAnswer` but with number words kept as words, to forgive a misspelt number
 * ("fourten" for "fourteen") that normalisation could not read as a number.
 */
export function matchSpelling(given: string, variants: readonly string[]): AnswerMatch {
	return compareNormal(
		foldText(given),
		variants.map(foldText).filter((v) => v !== '')
	);
}

function compareNormal(answer: string, variants: readonly string[]): AnswerMatch {
	if (answer === '') return 'none';
	if (variants.includes(answer)) return 'exact';
	const forgiven = variants.some(
		(variant) =>
			letterCount(variant) >= TYPO_MIN_LETTERS &&
			digitsOf(variant) === digitsOf(answer) &&
			editDistance(answer, variant) <= 1
	);
	return forgiven ? 'typo' : 'none';
}

/** True when `given` matches `expected` or one of `accept`, allowing one typo in longer answers. */
export function isCloseEnough(
	given: string,
	expected: string,
	accept: readonly string[] = []
): boolean {
	return matchAnswer(given, expected, accept) !== 'none';
}

/**
 * The number a typed answer states ("1,000", "1 000", "one thousand", "2.5 million"),
 * or null when it is not just a number. Signs are not read: the bank's numbers are counts,
 * years and amounts.
 */
export function readNumericAnswer(text: string): number | null {
	const normal = normalizeAnswer(text);
	const joined = /^\d{1,3}( \d{3})+(\.\d+)?$/.test(normal) ? normal.replace(/ /g, '') : normal;
	return /^\d+(\.\d+)?$/.test(joined) ? Number(joined) : null;
}
