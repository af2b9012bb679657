// Property tests: any text a student name, a prompt or an option may hold (unicode, quotes,
// commas, semicolons, line breaks, control characters, GIFT and XML syntax) still gives files
// their readers accept and read back as written.
import { parse as parseCsv } from 'csv-parse/sync';
import fc from 'fast-check';
import { parse as parseGift } from 'gift-pegjs';
import { describe, expect, test } from 'vitest';
import { csvCell } from '../../../src/lib/assign/export-csv';
import { giftQuestions } from '../../../src/lib/assign/export-gift';
import { qtiItem } from '../../../src/lib/assign/export-qti';
import type { BankItem } from '../../../src/lib/bank/types';
import { ankiNotes } from '../../../src/lib/progress/anki-notes';
import { item } from '../quiz/fixtures';
import { parseXml } from './xml-check';

/** Text with the characters that break formats, as well as any unicode. */
const nasty = fc.oneof(
	fc.string({ unit: 'grapheme', maxLength: 30 }),
	fc.string({
		unit: fc.constantFrom(...'=+-@;,"\'\t\r\n{}~#:\\<>&]]>_ aé€👩🏽‍🏫\u202e\u0000\u001f'.split('')),
		maxLength: 30
	})
);
/** The same, with at least one visible character (a question needs some text). */
const words = nasty.map((s) => `x${s}`);

const FORMULA = /^[=+\-@\t\r]/;
const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

describe('CSV cells', () => {
	test('any row of any text reads back as written, formulas defused, also split at ";"', () => {
		fc.assert(
			fc.property(fc.array(nasty, { minLength: 1, maxLength: 6 }), (cells) => {
				const line = cells.map(csvCell).join(',');
				const [row] = parseCsv(`${line}\r\n`, { record_delimiter: '\r\n' }) as string[][];
				expect(row).toHaveLength(cells.length);
				row!.forEach((read, i) => {
					const written = cells[i]!.replace(LONE, '\uFFFD');
					// the documented rule: a "'" before a formula start, at the start or after a ';'
					expect(read).toBe(
						written.replace(/^(?=[=+\-@\t\r])/, "'").replace(/;(?=[=+\-@\t\r])/g, ";'")
					);
					expect(FORMULA.test(read)).toBe(false);
				});
				for (const part of line.split(';'))
					expect(FORMULA.test(part.replace(/^"/, ''))).toBe(false);
			}),
			{ numRuns: 500 }
		);
	});
});

const html = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const gap = (t: string) => t.replace(/\s*_____\s*/g, '_____');
/** gift-pegjs trims and folds whitespace; compare texts the way it reads them. */
const squash = (t: string) => gap(t).replace(/\s+/g, ' ').trim();

describe('GIFT', () => {
	test('any prompt, options and typed answers parse back in their question type', () => {
		const questions = fc.record({
			prompt: words,
			options: fc.uniqueArray(words, { minLength: 2, maxLength: 4, selector: squash }),
			typed: words.map((s) => s.replace(/\s+/g, ' ').slice(0, 20)),
			truth: fc.boolean()
		});
		fc.assert(
			fc.property(questions, ({ prompt, options, typed, truth }) => {
				const items: BankItem[] = [
					item({ id: 'a:mcq', type: 'mcq', prompt, answer: options[0]!, options }),
					item({ id: 'b:true', type: 'truefalse', prompt, answer: truth ? 'True' : 'False' }),
					item({ id: 'c:flashcard', type: 'flashcard', prompt, answer: typed }),
					item({ id: 'd:cloze', type: 'cloze', prompt: `${prompt} _____ ${prompt}`, answer: typed })
				];
				const exported = giftQuestions(items, prompt);
				const parsed = parseGift(exported).filter((q) => q.type !== 'Category');
				// Moodle matches typed text exactly, and reads '->' in an answer as matching
				const long = typed.trim().split(/\s+/).length >= 5 || typed.includes('->');
				expect(parsed.map((q) => q.type)).toEqual(
					long ? ['MC', 'TF'] : ['MC', 'TF', 'Short', 'Short']
				);
				const [mc, tf] = parsed;
				if (mc?.type !== 'MC' || tf?.type !== 'TF') throw new Error('unexpected types');
				expect(squash(mc.stem.text)).toBe(squash(html(prompt)));
				expect(mc.choices.map((c) => squash(c.text.text))).toEqual(
					options.map((o) => squash(html(o)))
				);
				expect(mc.choices.map((c) => c.isCorrect)).toEqual(options.map((_, i) => i === 0));
				expect(tf.isTrue).toBe(truth);
			}),
			{ numRuns: 300 }
		);
	});
});

describe('QTI', () => {
	test('any text gives a well-formed item', () => {
		fc.assert(
			fc.property(
				words,
				fc.uniqueArray(words, { minLength: 2, maxLength: 4 }),
				(prompt, options) => {
					const xml = qtiItem(
						item({ type: 'mcq', prompt, answer: options[0]!, options, explanation: prompt }),
						'Q1-x'
					);
					parseXml(xml);
				}
			),
			{ numRuns: 300 }
		);
	});
});

describe('Anki notes', () => {
	test('any text keeps five fields and a cloze keeps exactly one deletion', () => {
		fc.assert(
			fc.property(nasty, nasty, nasty, (before, answer, topic) => {
				const [basic, cloze] = ankiNotes(
					[
						item({ id: 'a:flashcard', type: 'flashcard', prompt: before, answer, topic }),
						item({ id: 'b:cloze', type: 'cloze', prompt: `${before}_____${before}`, answer, topic })
					],
					{ packId: 'p', title: 't', readUrl: 'https://x.example/read' }
				);
				for (const note of [basic!, cloze!]) {
					const fields = [note.first, note.second, note.source, note.explanation, note.link];
					expect(fields.join('\x1f').split('\x1f')).toHaveLength(5);
					expect(note.tags.every((t) => t.length > 0 && !/\s/.test(t))).toBe(true);
				}
				expect(cloze!.kind).toBe('cloze');
				expect(cloze!.first.match(/\{\{c\d+::/g)).toEqual(['{{c1::']);
				expect(cloze!.first.match(/\}\}/g)).toHaveLength(1);
			}),
			{ numRuns: 500 }
		);
	});
});
