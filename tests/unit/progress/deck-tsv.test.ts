// The text decks: plain TSV for Quizlet, and Anki's form with header lines, read back by
// csv-parse as a tab-separated reader with quotes (as Anki's reader is).
import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { ankiDeckTsv, deckTsv, tsvField } from '../../../src/lib/progress/deck-tsv';
import { HOSTILE, realBank } from '../assign/fixtures';
import { item } from '../quiz/fixtures';

const items = [
	{ type: 'flashcard', prompt: 'When did Operation Barkhane end?', answer: '2022' },
	{ type: 'mcq', prompt: 'Quiz only', answer: 'x' },
	{ type: 'cloze', prompt: 'France withdrew\tfrom _____.\nIt was\r\nsudden.', answer: ' Mali ' },
	{ type: 'reverse', prompt: 'Wagner', answer: 'Russian\n\nmercenary group' }
] as const;

const SOURCE = {
	packId: 'france-mali-2025',
	title: 'France-Mali: collapse',
	readUrl: 'https://x.example/read'
};

describe('plain deck for Quizlet', () => {
	test('one front<TAB>back line per study item, in bank order, quiz-only items left out', () => {
		expect(deckTsv(items)).toBe(
			'When did Operation Barkhane end?\t2022\n' +
				'France withdrew from _____. It was sudden.\tMali\n' +
				'Wagner\tRussian mercenary group\n'
		);
	});

	test('every line has exactly one tab, whatever the text holds; an empty deck is empty', () => {
		for (const line of deckTsv(items).trimEnd().split('\n'))
			expect(line.split('\t')).toHaveLength(2);
		expect(deckTsv([])).toBe('');
		expect(tsvField('\ta\tb\n')).toBe('a b');
	});
});

describe('text deck for Anki', () => {
	const hostile = HOSTILE.map((s, i) =>
		item({
			id: `h${i}:flashcard`,
			type: 'flashcard',
			prompt: `"${s}`,
			answer: `${s}\t"x"`,
			topic: s
		})
	);
	const bankItems = [...(realBank()?.items ?? []), ...hostile];
	const text = ankiDeckTsv(bankItems, SOURCE);
	const lines = text.trimEnd().split('\n');

	test("starts with Anki's header lines: separator, HTML, note type column, deck, tags column", () => {
		expect(lines.slice(0, 5)).toEqual([
			'#separator:tab',
			'#html:true',
			'#notetype column:1',
			'#deck:France-Mali: collapse',
			'#tags column:4'
		]);
	});

	test('every note reads back as four fields: note type, front, back, tags', () => {
		const rows = parse(lines.slice(5).join('\n'), {
			delimiter: '\t',
			relax_quotes: false
		}) as string[][];
		const study = bankItems.filter((i) => ['flashcard', 'reverse', 'cloze'].includes(i.type));
		expect(rows).toHaveLength(study.length);
		study.forEach((it, i) => {
			const [type, front, back, tags] = rows[i]!;
			expect(rows[i]).toHaveLength(4);
			const cloze = it.type === 'cloze' && it.prompt.includes('_____');
			expect(type).toBe(cloze ? 'Cloze' : 'Basic');
			if (cloze) expect(front).toMatch(/\{\{c1::.+\}\}/);
			else expect(front).not.toContain('{{c1::');
			expect(back).toContain(`href='${SOURCE.readUrl}#${it.source.paragraph}'`);
			expect(tags!.split(' ')).toContain(it.type);
		});
		// markup in the text stays text
		expect(rows.some((r) => r[1]?.includes('<img'))).toBe(false);
	});
});
