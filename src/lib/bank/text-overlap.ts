// Word-level comparisons between pieces of text: how much of a statement is copied from its
// quote, and how alike two prompts are. Function words are ignored: "the" proves nothing.

const STOP_WORDS = new Set(
	(
		'a an and are as at be been but by did do does for from had has have he her his in into is it its ' +
		'of on or over she so than that the their them they this to was were what when where which who ' +
		'whom why will with would its not no also can may'
	).split(' ')
);

/** Lower-case words of a text, without function words. */
export function contentWords(text: string): string[] {
	return (
		text
			.toLowerCase()
			.replace(/[’']/g, "'")
			.match(/[\p{L}\p{N}][\p{L}\p{N}'-]*/gu) ?? []
	)
		.map((w) => w.replace(/'s$/, ''))
		.filter((w) => !STOP_WORDS.has(w));
}

/** Jaccard similarity of two texts' content words (0 = nothing shared, 1 = the same words). */
export function wordSimilarity(a: string | string[], b: string | string[]): number {
	const x = new Set(typeof a === 'string' ? contentWords(a) : a);
	const y = new Set(typeof b === 'string' ? contentWords(b) : b);
	if (x.size === 0 && y.size === 0) return 1;
	let shared = 0;
	for (const w of x) if (y.has(w)) shared++;
	return shared / (x.size + y.size - shared);
}
