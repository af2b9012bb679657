// The study items as Anki notes: a Basic note (front, back) for a flashcard or reverse card
// and a Cloze note ({{c1::...}} where the gap is) for a cloze, each carrying the article's
// sentence, the explanation and a link to its paragraph, tagged by topic and type. Both the
// .apkg and the text deck are written from these, so they hold the same notes.
import { STUDY_TYPES, type BankItem } from '../bank/types';

const studyTypes: ReadonlySet<string> = new Set(STUDY_TYPES);

export type AnkiNoteKind = 'basic' | 'cloze';

/** One note; every field is HTML (Anki reads fields as HTML). */
export interface AnkiNote {
	/** Stable across exports (pack and item id), so a re-import updates instead of duplicating. */
	guid: string;
	kind: AnkiNoteKind;
	/** Basic: Front, Back. Cloze: Text (with the deletion), Back Extra (the answer). */
	first: string;
	second: string;
	source: string;
	explanation: string;
	link: string;
	tags: string[];
}

/** The article a deck is made from: it names the deck and the links point into it. */
export interface DeckSource {
	packId: string;
	/** The article's title, which names the deck. */
	title: string;
	/** The app's /read page as an absolute URL, e.g. 'https://example.org/read'. */
	readUrl: string;
}

/** The study items of `items` as notes, in bank order. */
export function ankiNotes(items: Iterable<BankItem>, source: DeckSource): AnkiNote[] {
	const notes: AnkiNote[] = [];
	for (const item of items) {
		if (!studyTypes.has(item.type)) continue;
		const gap = item.type === 'cloze' ? item.prompt.indexOf('_____') : -1;
		const common = {
			guid: `${source.packId}:${item.id}`,
			source: html(item.source.quote),
			explanation: html(item.explanation),
			// single quotes, so the text deck can turn every '"' into &quot; (see deck-tsv.ts)
			// an own card written from no passage has nothing to link to
			link: item.source.paragraph
				? `<a href='${html(`${source.readUrl}#${item.source.paragraph}`).replace(/'/g, '&#39;')}'>Read it in the article</a>`
				: '',
			tags: ['sahel-brief', tag(item.topic), tag(item.type)]
		};
		if (gap >= 0) {
			const before = item.prompt.slice(0, gap);
			const after = item.prompt.slice(gap + '_____'.length);
			notes.push({
				...common,
				kind: 'cloze',
				// and ':' in the answer, since '::' there would start a hint
				first: `${clozeSafe(before)}{{c1::${clozeSafe(item.answer).replace(/:/g, '&#58;')}}}${clozeSafe(after)}`,
				second: html(item.answer)
			});
		} else {
			notes.push({ ...common, kind: 'basic', first: html(item.prompt), second: html(item.answer) });
		}
	}
	return notes;
}

/**
 * HTML for a Cloze field: braces as character references, so no text can open, end or split
 * a deletion (Anki finds deletions in the raw field, then shows the references as braces).
 */
function clozeSafe(text: string): string {
	return html(text).replace(/\{/g, '&#123;').replace(/\}/g, '&#125;');
}

/** Text SQLite stores as written and no field separator can hide in. */
function storable(text: string): string {
	return (
		text
			// eslint-disable-next-line no-control-regex -- control characters are what this looks for
			.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g, '')
			.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
	);
}

/** An Anki tag: no spaces (they separate tags), words joined by '_'. */
export function tag(text: string): string {
	return storable(text).trim().replace(/\s+/g, '_') || 'untitled';
}

/**
 * Text as HTML: markup shown as written, line breaks kept, tabs as spaces. Control characters
 * are dropped (the unit separator would split a field in two) and a lone surrogate, which
 * SQLite cannot store as UTF-8, becomes U+FFFD.
 */
export function html(text: string): string {
	return storable(text)
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/\t/g, ' ')
		.replace(/\r\n|\r|\n/g, '<br>');
}
