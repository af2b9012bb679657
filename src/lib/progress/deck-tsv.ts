// The study deck as tab-separated text, one "front<TAB>back" line per study item, which both
// Anki (File > Import, "Tab" separator) and Quizlet ("Import", "Between term and definition:
// Tab", "Between rows: New line") read. Neither has an escape for a tab or a line break inside
// a field that the other understands, so both become a space; the text keeps its words.
import { STUDY_TYPES, type BankItem, type ItemType } from '../bank/types';

const studyTypes: ReadonlySet<ItemType> = new Set(STUDY_TYPES);

/** A field safe for one TSV cell: tabs and line breaks become single spaces, ends trimmed. */
export function tsvField(text: string): string {
	return text.replace(/[\t\r\n]+/g, ' ').trim();
}

/**
 * The study items of `items` as TSV, in bank order, each line ending in "\n". With
 * `ankiHeader`, Anki's header lines come first (Quizlet would read them as cards).
 */
export function deckTsv(
	items: Iterable<Pick<BankItem, 'type' | 'prompt' | 'answer'>>,
	{ ankiHeader = false }: { ankiHeader?: boolean } = {}
): string {
	const lines = ankiHeader ? ['#separator:tab', '#html:false'] : [];
	for (const item of items) {
		if (!studyTypes.has(item.type)) continue;
		lines.push(`${tsvField(item.prompt)}\t${tsvField(item.answer)}`);
	}
	return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
