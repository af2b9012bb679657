import { expect, test } from 'vitest';
import { deckTsv, tsvField } from '../../../src/lib/progress/deck-tsv';

const items = [
	{ type: 'flashcard', prompt: 'When did Operation Barkhane end?', answer: '2022' },
	{ type: 'mcq', prompt: 'Quiz only', answer: 'x' },
	{ type: 'cloze', prompt: 'France withdrew\tfrom _____.\nIt was\r\nsudden.', answer: ' Mali ' },
	{ type: 'reverse', prompt: 'Wagner', answer: 'Russian\n\nmercenary group' }
] as const;

test('one front<TAB>back line per study item, in bank order, quiz-only items left out', () => {
	expect(deckTsv(items)).toBe(
		'When did Operation Barkhane end?\t2022\n' +
			'France withdrew from _____. It was sudden.\tMali\n' +
			'Wagner\tRussian mercenary group\n'
	);
});

test('every line has exactly one tab, whatever the text holds', () => {
	for (const line of deckTsv(items).trimEnd().split('\n')) expect(line.split('\t')).toHaveLength(2);
});

test('Anki header lines on request; an empty deck is empty text', () => {
	expect(deckTsv(items.slice(0, 1), { ankiHeader: true })).toBe(
		'#separator:tab\n#html:false\nWhen did Operation Barkhane end?\t2022\n'
	);
	expect(deckTsv([])).toBe('');
	expect(tsvField('\ta\tb\n')).toBe('a b');
});
