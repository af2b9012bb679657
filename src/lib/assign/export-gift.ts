// The assignment's questions in Moodle's GIFT format
// (https://docs.moodle.org/en/GIFT_format). Question and choice text is written as [html]
// with markup escaped, so any text shows as written; typed answers stay plain because Moodle
// compares them with what students type.
//
// Ordering has no GIFT type: it becomes a matching question pairing each entry with its
// position (1 = first), which Moodle grades pair by pair, close to our partial credit.
// Matching needs at least three pairs in Moodle; smaller matching or ordering items fall
// back to a short answer whose answer is the item's written-out answer.
import type { BankItem } from '../bank/types';
import { readNumericAnswer } from '../quiz/normalize';

/** GIFT text for `items`, one question per block, numbered in order. */
export function giftQuestions(items: readonly BankItem[], category?: string): string {
	const blocks = items.map((item, i) => giftQuestion(item, `Q${i + 1} ${item.id}`));
	const head = category ? [`$CATEGORY: ${categoryPath(category)}`] : [];
	return [...head, ...blocks].join('\n\n') + '\n';
}

/** One GIFT question, titled `title`. */
export function giftQuestion(item: BankItem, title: string): string {
	const name = `::${escapeGift(title)}::`;
	const feedback = item.explanation ? `\n####${escapeGift(html(item.explanation))}` : '';
	const question = (prompt: string, answers: string) =>
		`${name}[html]${prompt} {\n${answers}${feedback}\n}`;
	const prompt = escapeGift(html(item.prompt));
	switch (item.type) {
		case 'mcq':
		case 'truefalse':
		case 'who-said':
		case 'map': {
			const options = item.options?.length ? item.options : [item.answer];
			const lines = options.map((o) => `${o === item.answer ? '=' : '~'}${escapeGift(html(o))}`);
			if (!options.includes(item.answer)) lines.unshift(`=${escapeGift(html(item.answer))}`);
			return question(prompt, lines.join('\n'));
		}
		case 'numeric': {
			const numbers = [item.answer, ...(item.accept ?? [])]
				.filter((a) => /^[\d\s,.]+$/.test(a.trim()))
				.map((a) => readNumericAnswer(a))
				.filter((n): n is number => n !== null);
			if (numbers.length > 0) {
				const unique = [...new Set(numbers)];
				return `${name}[html]${prompt} {#\n${unique.map((n) => `=${n}`).join('\n')}${feedback}\n}`;
			}
			return question(prompt, shortAnswers(item));
		}
		case 'cloze': {
			// the missing-word form puts the answer box where the gap is
			const [before, ...after] = item.prompt.split('_____');
			if (after.length === 0) return question(prompt, shortAnswers(item));
			const start = escapeGift(html(before ?? ''));
			const rest = escapeGift(html(after.join('_____')));
			return `${name}[html]${start}{\n${shortAnswers(item)}${feedback}\n}${rest}`;
		}
		case 'flashcard':
		case 'reverse':
			return question(prompt, shortAnswers(item));
		case 'matching': {
			const pairs = item.pairs ?? [];
			if (pairs.length < 3) return question(prompt, shortAnswers(item));
			return question(prompt, pairs.map((p) => matchLine(p.left, p.right)).join('\n'));
		}
		case 'ordering': {
			const sequence = item.sequence ?? [];
			if (sequence.length < 3) return question(prompt, shortAnswers(item));
			const note = escapeGift(html(' (Match each entry with its position, 1 = first.)'));
			return question(
				prompt + note,
				sequence.map((entry, i) => matchLine(entry, String(i + 1))).join('\n')
			);
		}
	}
}

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

function html(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
