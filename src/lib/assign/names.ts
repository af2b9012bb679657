// Student names as the gradebook compares them. Two receipts belong to one student when their
// names match after normalisation; names that differ but would look the same on screen (a
// Cyrillic "а" for a Latin "a", a hidden zero-width space) are flagged, because that is how a
// classmate would pass a receipt off as someone else's.

// zero-width characters, soft hyphen, word joiners, BOM, every bidi control or mark, and
// variation selectors; each is matched alone, never as part of a combined character
const INVISIBLE =
	// eslint-disable-next-line no-misleading-character-class
	/[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/gu;

/** The key two names are compared by: NFKC, invisible marks removed, spaces collapsed, case folded. */
export function nameKey(name: string): string {
	return name
		.normalize('NFKC')
		.replace(INVISIBLE, '')
		.trim()
		.replace(/\s+/g, ' ')
		.toLowerCase()
		.normalize('NFKC');
}

/** True when `name` carries characters that show nothing (zero-width, bidi controls). */
export function hasInvisibleMarks(name: string): boolean {
	return name.normalize('NFKC').replace(INVISIBLE, '') !== name.normalize('NFKC');
}

// Letters of other scripts drawn like Latin ones (after lower-casing), from Unicode's
// confusables list: the ones a keyboard in the class's languages can type.
const LOOKALIKES: Record<string, string> = {
	а: 'a',
	в: 'b',
	е: 'e',
	ё: 'e',
	к: 'k',
	м: 'm',
	н: 'h',
	о: 'o',
	р: 'p',
	с: 'c',
	т: 't',
	у: 'y',
	х: 'x',
	ѕ: 's',
	і: 'i',
	ї: 'i',
	ј: 'j',
	ԁ: 'd',
	ԛ: 'q',
	ԝ: 'w',
	һ: 'h',
	ӏ: 'l',
	α: 'a',
	β: 'b',
	ε: 'e',
	η: 'n',
	ι: 'i',
	κ: 'k',
	ν: 'v',
	ο: 'o',
	ρ: 'p',
	τ: 't',
	υ: 'u',
	χ: 'x',
	ω: 'w',
	ı: 'i',
	ɡ: 'g',
	'0': 'o',
	'1': 'l',
	'|': 'l'
};

/** What a name looks like: its key with lookalike letters of other scripts read as Latin. */
export function nameSkeleton(name: string): string {
	return [...nameKey(name)]
		.map((ch) => LOOKALIKES[ch] ?? ch)
		.join('')
		.replace(/rn/g, 'm');
}

/** True when two names are different students' names that would look the same on screen. */
export function looksAlike(a: string, b: string): boolean {
	return nameKey(a) !== nameKey(b) && nameSkeleton(a) === nameSkeleton(b);
}
