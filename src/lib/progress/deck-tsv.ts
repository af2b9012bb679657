// The study deck as tab-separated text, in two forms:
// - for Anki: header lines (https://docs.ankiweb.net/importing/text-files.html#file-headers)
//   name the separator, HTML fields, the deck and the note type column, so Anki files each
//   line as a Basic or Cloze note of Anki's own note types in a deck named after the
//   article, with tags, instead of whatever was used last. The back (Back Extra for a
//   cloze) carries the answer, the article's sentence, the explanation and a link to it;
// - for Quizlet ("Import", "Between term and definition: Tab", "Between rows: New line"):
//   plain "term<TAB>definition" lines, because Quizlet would read header lines as cards.
// Neither has an escape for a tab or a line break inside a field that the other
// understands: in the plain form both become a space; in Anki's HTML form a line break is <br>.
import type { BankItem } from '../bank/types';
import { ankiNotes, type DeckSource } from './anki-notes';

const studyTypes: ReadonlySet<string> = new Set(['flashcard', 'reverse', 'cloze']);

/** A field safe for one plain TSV cell: tabs and line breaks become single spaces, ends trimmed. */
export function tsvField(text: string): string {
	return text.replace(/[\t\r\n]+/g, ' ').trim();
}

/** The study items as "front<TAB>back" lines for Quizlet (or any reader of plain TSV). */
export function deckTsv(items: Iterable<Pick<BankItem, 'type' | 'prompt' | 'answer'>>): string {
	const lines: string[] = [];
	for (const item of items) {
		if (!studyTypes.has(item.type)) continue;
		lines.push(`${tsvField(item.prompt)}\t${tsvField(item.answer)}`);
	}
	return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/** The study items for Anki: header lines, then "note type, front, back, tags" per line. */
export function ankiDeckTsv(items: Iterable<BankItem>, source: DeckSource): string {
	const header = [
		'#separator:tab',
		'#html:true',
		'#notetype column:1',
		// eslint-disable-next-line no-control-regex -- control characters are what this looks for
		`#deck:${tsvField(source.title).replace(/[\x00-\x1f]/g, '')}`,
		'#tags column:4'
	];
	const lines = ankiNotes(items, source).map((note) => {
		const details = [note.source, note.explanation, note.link].map((d) => `<div>${d}</div>`);
		const back = note.kind === 'cloze' ? details.join('') : `${note.second}${details.join('')}`;
		return [note.kind === 'cloze' ? 'Cloze' : 'Basic', note.first, back, note.tags.join(' ')]
			.map(ankiField)
			.join('\t');
	});
	return `${[...header, ...lines].join('\n')}\n`;
}

/** A field any TSV reader takes as written: with no '"' in it, none can open a quoted field. */
function ankiField(fieldHtml: string): string {
	return fieldHtml.replace(/\t/g, ' ').replace(/"/g, '&quot;');
}
