// The assignment's questions in Moodle's GIFT format
// (https://docs.moodle.org/en/GIFT_format), each in the form Moodle grades as we do:
// - mcq and who-said: multiple choice; truefalse: GIFT's own {T}/{F};
// - numeric: a numerical question {#...} when the answer is a number;
// - flashcard, reverse and cloze: short answer (cloze in the missing-word form, the box where
//   the gap is) — but only when the answer has fewer than five words, because Moodle compares
//   typed text exactly and a sentence-long answer is almost never typed the same way;
// - matching with three or more pairs: matching (Moodle needs three); with two pairs, a
//   multiple choice between the two possible pairings;
// - ordering: a matching of each entry with its position (1 = first), which Moodle grades pair
//   by pair, close to our partial credit; with two entries, a choice between the two orders.
// Map questions need the map, long typed answers have no fair form, and a typed answer
// holding '->' would read as matching: these are left out and listed in a comment at the
// top of the file, so the instructor knows what is missing.
//
// Question and choice text is written as [html] with markup escaped, so any text shows as
// written; typed answers stay plain because Moodle compares them with what students type.
import type { BankItem } from '../bank/types';
import { readNumericAnswer } from '../quiz/normalize';

/** Typed answers of this many words or more are left out (see above). */
export const LONG_ANSWER_WORDS = 5;

/** Why an item has no GIFT form, or the GIFT question itself. */
export type GiftForm = { gift: string } | { leftOut: string };

/** GIFT text for `items`, one question per block, numbered in assignment order. */
export function giftQuestions(items: readonly BankItem[], category?: string): string {
	const blocks: string[] = [];
	const leftOut: string[] = [];
	items.forEach((item, i) => {
		const title = `Q${i + 1} ${item.id}`;
		const form = giftForm(item, title);
		if ('gift' in form) blocks.push(form.gift);
		else leftOut.push(`//   ${oneLine(title)}: ${form.leftOut}`);
	});
	const notes = leftOut.length
		? [
				`// ${leftOut.length} of ${items.length} questions have no faithful GIFT form and are left out:\n${leftOut.join('\n')}`
			]
		: [];
	const head = category ? [`$CATEGORY: ${categoryPath(category)}`] : [];
	return [...notes, ...head, ...blocks].join('\n\n') + '\n';
}

/** One GIFT question titled `title`, or the reason `item` is left out. */
export function giftForm(item: BankItem, title: string): GiftForm {
	const name = `::${escapeGift(title)}::`;
	const feedback = item.explanation ? `\n####${escapeGift(html(item.explanation))}` : '';
	const question = (prompt: string, answers: string) => ({
		gift: `${name}[html]${prompt} {\n${answers}${feedback}\n}`
	});
	const prompt = escapeGift(html(item.prompt));
	switch (item.type) {
		case 'truefalse':
			if (item.answer !== 'True' && item.answer !== 'False') return choices(item, question, prompt);
			return {
				gift: `${name}[html]${prompt} {${item.answer === 'True' ? 'T' : 'F'}${feedback}\n}`
			};
		case 'mcq':
		case 'who-said':
			return choices(item, question, prompt);
		case 'map':
			return { leftOut: 'a map question, which needs the map' };
		case 'numeric': {
			const numbers = [item.answer, ...(item.accept ?? [])]
				.filter((a) => /^[\d\s,.]+$/.test(a.trim()))
				.map((a) => readNumericAnswer(a))
				.filter((n): n is number => n !== null);
			if (numbers.length === 0) return typed(item, question, prompt);
			const unique = [...new Set(numbers)];
			return {
				gift: `${name}[html]${prompt} {#\n${unique.map((n) => `=${n}`).join('\n')}${feedback}\n}`
			};
		}
		case 'cloze': {
			if (isLong(item.answer)) return longAnswer();
			if (hasArrow(item)) return arrowAnswer();
			// the missing-word form puts the answer box where the gap is; GIFT readers need some
			// text before the box, so a gap that opens the sentence stays a written-out blank
			const [before = '', ...after] = item.prompt.split('_____');
			if (after.length === 0 || before.trim() === '') return typed(item, question, prompt);
			const start = escapeGift(html(before));
			const rest = escapeGift(html(after.join('_____')));
			return { gift: `${name}[html]${start}{\n${shortAnswers(item)}${feedback}\n}${rest}` };
		}
		case 'flashcard':
		case 'reverse':
			return typed(item, question, prompt);
		case 'matching': {
			const pairs = item.pairs ?? [];
			if (pairs.length >= 3) {
				return question(prompt, pairs.map((p) => matchLine(p.left, p.right)).join('\n'));
			}
			if (pairs.length === 2) {
				const [a, b] = pairs as [(typeof pairs)[0], (typeof pairs)[0]];
				return twoWays(question, prompt, [
					`${a.left} → ${a.right}; ${b.left} → ${b.right}`,
					`${a.left} → ${b.right}; ${b.left} → ${a.right}`
				]);
			}
			return { leftOut: 'a matching of fewer than two pairs' };
		}
		case 'ordering': {
			const sequence = item.sequence ?? [];
			if (sequence.length >= 3) {
				const note = escapeGift(html(' (Match each entry with its position, 1 = first.)'));
				return question(
					prompt + note,
					sequence.map((entry, i) => matchLine(entry, String(i + 1))).join('\n')
				);
			}
			if (sequence.length === 2) {
				const [a = '', b = ''] = sequence;
				return twoWays(question, prompt, [`${a} → ${b}`, `${b} → ${a}`]);
			}
			return { leftOut: 'an ordering of fewer than two entries' };
		}
	}
}

type Question = (prompt: string, answers: string) => { gift: string };

function choices(item: BankItem, question: Question, prompt: string): GiftForm {
	const options = item.options?.length ? item.options : [item.answer];
	const lines = options.map((o) => `${o === item.answer ? '=' : '~'}${escapeGift(html(o))}`);
	if (!options.includes(item.answer)) lines.unshift(`=${escapeGift(html(item.answer))}`);
	return question(prompt, lines.join('\n'));
}

/** A multiple choice whose first option (the correct one) and second are written out. */
function twoWays(question: Question, prompt: string, [right, wrong]: [string, string]): GiftForm {
	return question(prompt, `=${escapeGift(html(right))}\n~${escapeGift(html(wrong))}`);
}

function typed(item: BankItem, question: Question, prompt: string): GiftForm {
	if (isLong(item.answer)) return longAnswer();
	if (hasArrow(item)) return arrowAnswer();
	return question(prompt, shortAnswers(item));
}

/** GIFT reads an answer holding '->' as a matching pair, and no escape prevents it. */
const hasArrow = (item: BankItem) =>
	[item.answer, ...(item.accept ?? [])].some((a) => a.includes('->'));
const arrowAnswer = () => ({
	leftOut: "a typed answer holding '->', which GIFT reads as matching"
});

const isLong = (answer: string) => answer.trim().split(/\s+/).length >= LONG_ANSWER_WORDS;
const longAnswer = () => ({
	leftOut: `a typed answer of ${LONG_ANSWER_WORDS} words or more, which Moodle could only match exactly`
});

/** Escapes GIFT's special characters (~ = # { } : and the backslash) and line breaks. */
export function escapeGift(text: string): string {
	return text.replace(/[\\~=#{}:]/g, (ch) => `\\${ch}`).replace(/\r\n|\r|\n/g, '\\n');
}

function shortAnswers(item: BankItem): string {
	const answers = [...new Set([item.answer, ...(item.accept ?? [])])];
	return answers.map((a) => `=${escapeGift(a)}`).join('\n');
}

function matchLine(left: string, right: string): string {
	// Moodle splits a matching line at its first '->', which no escape prevents
	const safeLeft = left.replace(/->/g, '→');
	return `=${escapeGift(html(safeLeft))} -> ${escapeGift(html(right))}`;
}

function categoryPath(category: string): string {
	// '/' would nest categories and a line break would end the line
	return `$course$/${category.replace(/[/\s]+/g, ' ').trim()}`;
}

/** Text for a comment line: a line break would end the comment. */
const oneLine = (text: string) => text.replace(/[\r\n]+/g, ' ');

function html(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
