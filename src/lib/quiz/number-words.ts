// English number words <-> digits, so "fourteen", "twenty-one" and "a hundred" grade like
// "14", "21" and "100". Digits are never turned into words: years such as 2017 stay as typed.

const UNITS = [
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
] as const;

const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

const UNIT_VALUE = new Map<string, number>(UNITS.map((word, value) => [word, value]));
const TENS_VALUE = new Map<string, number>([
	...TENS.flatMap((word, i): [string, number][] => (word ? [[word, i * 10]] : [])),
	// a misspelling common enough that rejecting it would only punish spelling, not knowledge
	['fourty', 40]
]);
const SCALE_VALUE = new Map<string, number>([
	['thousand', 1e3],
	['million', 1e6],
	['billion', 1e9]
]);

const DIGITS = /^\d+(\.\d+)?$/;

/** True for a word that on its own names a number (so it is always rewritten as digits). */
export function isNumberWord(word: string): boolean {
	return (
		UNIT_VALUE.has(word) || TENS_VALUE.has(word) || word === 'hundred' || SCALE_VALUE.has(word)
	);
}

/**
 * Reads the longest number starting at `tokens[start]` ("one hundred and five", "twenty one",
 * "a thousand", "5 million"); null when none starts there.
 */
export function readNumber(
	tokens: readonly string[],
	start: number
): { value: number; end: number } | null {
	let total = 0; // completed thousands/millions groups
	let group = 0; // the group being read, below 1000
	let lastScale = Infinity;
	let end = start; // one past the last token that completed a valid number
	let value = -1; // stays negative until some token completes a number
	// what may come next inside the current group
	let state: 'start' | 'unit' | 'teen' | 'tens' | 'hundred' | 'hundred-and' | 'done' = 'start';

	const commit = (i: number) => {
		end = i + 1;
		value = total + group;
	};

	for (let i = start; i < tokens.length && state !== 'done'; i++) {
		const token = tokens[i] ?? '';
		const next = tokens[i + 1];
		const unit = UNIT_VALUE.get(token);
		const tens = TENS_VALUE.get(token);
		const scale = SCALE_VALUE.get(token);

		if (unit === 0) {
			// "zero" only stands alone
			if (state !== 'start' || total !== 0) break;
			commit(i);
			state = 'done';
		} else if (unit !== undefined) {
			if (state === 'start' || state === 'hundred' || state === 'hundred-and') {
				group += unit;
				state = unit < 10 ? 'unit' : 'teen';
			} else if (state === 'tens' && unit < 10) {
				group += unit;
				state = 'teen'; // "twenty one": only a hundred-less scale may follow
			} else break;
			commit(i);
		} else if (tens !== undefined) {
			if (state !== 'start' && state !== 'hundred' && state !== 'hundred-and') break;
			group += tens;
			state = 'tens';
			commit(i);
		} else if (token === 'hundred') {
			if (state === 'start' && group === 0) group = 1;
			// "five hundred", "nineteen hundred"; not after a hundred already read
			else if ((state !== 'unit' && state !== 'teen') || group >= 100) break;
			group *= 100;
			state = 'hundred';
			commit(i);
		} else if (token === 'and') {
			// "one hundred and five", "one thousand and five"
			const afterScale = state === 'start' && total > 0 && group === 0;
			if (state !== 'hundred' && !afterScale) break;
			state = 'hundred-and'; // committed only once a number follows
		} else if (scale !== undefined) {
			if (scale >= lastScale || state === 'hundred-and') break;
			total += (group === 0 ? 1 : group) * scale;
			group = 0;
			lastScale = scale;
			state = 'start';
			commit(i);
		} else if (
			token === 'a' &&
			i === start &&
			next &&
			(next === 'hundred' || SCALE_VALUE.has(next))
		) {
			group = 1;
			state = 'unit';
		} else if (DIGITS.test(token) && i === start && next && SCALE_VALUE.has(next)) {
			// "5 million", "2.5 million": digits scaled by a word
			const scaleValue = SCALE_VALUE.get(next) ?? 1;
			const scaled = Number(token) * scaleValue;
			const rounded = Math.round(scaled);
			if (Math.abs(scaled - rounded) > 1e-6) break;
			total = rounded;
			lastScale = scaleValue;
			i++;
			commit(i);
		} else break;
	}

	return value < 0 ? null : { value, end };
}

/** Writes 0..100 as words ("twenty-one"), for matching misspelled words against a digit answer. */
export function numberToWords(n: number): string | null {
	if (!Number.isInteger(n) || n < 0 || n > 100) return null;
	if (n === 100) return 'one hundred';
	if (n < 20) return UNITS[n] ?? null;
	const tens = TENS[Math.floor(n / 10)] ?? '';
	const unit = n % 10;
	return unit === 0 ? tens : `${tens}-${UNITS[unit]}`;
}
