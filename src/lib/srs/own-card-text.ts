// The text of a card the learner writes: what may be stored (plain text, bounded, never
// markup) and the cloze made from words selected in the article. Pure; loaded by the forms
// that write cards, not by every page that lists them.
import { CARD_TEXT_MAX, CLOZE_GAP, type OwnCardKind } from './own-cards';

export { CARD_TEXT_MAX };

export const CARD_TEXT_PROBLEMS = [
	'empty-front',
	'empty-back',
	'too-long',
	'markup',
	'no-gap',
	'same-sides'
] as const;
export type CardTextProblem = (typeof CARD_TEXT_PROBLEMS)[number];

/** A card that cannot be stored, with a code the page turns into a sentence. */
export class CardTextError extends Error {
	constructor(
		readonly code: CardTextProblem,
		message: string
	) {
		super(message);
		this.name = 'CardTextError';
	}
}

const MESSAGES: Record<CardTextProblem, string> = {
	'empty-front': 'Write the front of the card: it is empty.',
	'empty-back': 'Write the back of the card: it is empty.',
	'too-long': `A side of a card holds at most ${CARD_TEXT_MAX.toLocaleString('en')} characters: shorten it to what you want to remember.`,
	markup:
		'Cards hold plain text only: remove the part written like a web page tag (between < and >).',
	'no-gap': `A cloze needs its gap: keep ${CLOZE_GAP} where the answer goes.`,
	'same-sides': 'The front and the back say the same thing: a card needs a question and an answer.'
};

/** The sentence for a problem (also the message of its CardTextError). */
export function cardTextMessage(code: CardTextProblem): string {
	return MESSAGES[code];
}

// a tag, a comment or a doctype: what a browser would read as markup if it were ever HTML
const MARKUP = /<\s*\/?\s*[a-z!?][^>]*>|<!--/i;
// control characters other than tab and line breaks, and lone surrogates
// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g;

/** Text as a card stores it: trimmed, control characters gone, line ends as \n. */
export function cleanCardText(text: string): string {
	return text.replace(/\r\n?/g, '\n').replace(CONTROL, '').trim();
}

function sideProblem(text: string, empty: CardTextProblem): CardTextProblem | undefined {
	if (text === '') return empty;
	if (text.length > CARD_TEXT_MAX) return 'too-long';
	if (MARKUP.test(text)) return 'markup';
	return undefined;
}

/** The first problem with a card's two sides, or undefined when it may be stored. */
export function cardTextProblem(
	kind: OwnCardKind | 'flashcard' | 'reverse',
	front: string,
	back: string
): CardTextProblem | undefined {
	// the raw length first: a 100 KB paste is refused before any work is done on it
	if (front.length > CARD_TEXT_MAX * 4 || back.length > CARD_TEXT_MAX * 4) return 'too-long';
	const f = cleanCardText(front);
	const b = cleanCardText(back);
	const problem = sideProblem(f, 'empty-front') ?? sideProblem(b, 'empty-back');
	if (problem) return problem;
	if (kind === 'cloze' && !f.includes(CLOZE_GAP)) return 'no-gap';
	if (f.toLowerCase() === b.toLowerCase()) return 'same-sides';
	return undefined;
}

/** The two sides cleaned, or a CardTextError naming the first problem. */
export function checkedCardText(
	kind: OwnCardKind | 'flashcard' | 'reverse',
	front: string,
	back: string
): { front: string; back: string } {
	const problem = cardTextProblem(kind, front, back);
	if (problem) throw new CardTextError(problem, MESSAGES[problem]);
	return { front: cleanCardText(front), back: cleanCardText(back) };
}

const WORD = /[\p{L}\p{N}'’-]/u;

/** Where a selection sits in its paragraph's text. */
export interface TextSelection {
	start: number;
	end: number;
}

/**
 * The selection without the spaces around it and widened to whole words (a finger or a mouse
 * often cuts one); undefined when it holds nothing but spaces.
 */
export function selectedWords(
	paragraph: string,
	selection: TextSelection
): TextSelection | undefined {
	let { start, end } = selection;
	start = Math.max(0, Math.min(start, paragraph.length));
	end = Math.max(start, Math.min(end, paragraph.length));
	while (start < end && /\s/.test(paragraph[start]!)) start++;
	while (end > start && /\s/.test(paragraph[end - 1]!)) end--;
	if (start === end) return undefined;
	while (start > 0 && WORD.test(paragraph[start - 1]!) && WORD.test(paragraph[start]!)) start--;
	while (end < paragraph.length && WORD.test(paragraph[end]!) && WORD.test(paragraph[end - 1]!))
		end++;
	return { start, end };
}

/**
 * The cloze for words selected in a paragraph: the sentence holding them with the words
 * gapped (front), and the words (back). Undefined when nothing but spaces is selected.
 */
export function clozeFromSelection(
	paragraph: string,
	selection: TextSelection
): { front: string; back: string } | undefined {
	const words = selectedWords(paragraph, selection);
	if (!words) return undefined;
	const { start, end } = words;
	const sentenceStart = sentenceBoundaryBefore(paragraph, start);
	const sentenceEnd = sentenceBoundaryAfter(paragraph, end);
	const front =
		paragraph.slice(sentenceStart, start) + CLOZE_GAP + paragraph.slice(end, sentenceEnd);
	return { front: front.trim(), back: paragraph.slice(start, end) };
}

// a sentence ends at . ! or ? followed by a space; abbreviations may split one, which only
// makes the cloze's sentence shorter, never wrong
function sentenceBoundaryBefore(text: string, index: number): number {
	for (let i = index - 1; i > 0; i--) {
		if (/\s/.test(text[i]!) && /[.!?]["”’)]?$/.test(text.slice(Math.max(0, i - 2), i)))
			return i + 1;
	}
	return 0;
}

function sentenceBoundaryAfter(text: string, index: number): number {
	for (let i = index; i < text.length; i++) {
		if (/[.!?]/.test(text[i]!) && (i + 1 === text.length || /[\s"”’)]/.test(text[i + 1]!))) {
			let j = i + 1;
			while (j < text.length && /["”’)]/.test(text[j]!)) j++;
			return j;
		}
	}
	return text.length;
}
