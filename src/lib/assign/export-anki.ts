// Study items as a tab-separated file Anki imports as Basic notes (front, back, tags).
// Anki reads fields as HTML, so markup is escaped and line breaks become <br>.
import { STUDY_TYPES, type BankItem } from '../bank/types';

const STUDY = new Set<string>(STUDY_TYPES);

/** One line per flashcard, reverse or cloze item: front, back (answer and explanation), tags. */
export function ankiTsv(items: readonly BankItem[]): string {
	const header = ['#separator:tab', '#html:true', '#columns:Front\tBack\tTags', '#tags column:3'];
	const lines = items
		.filter((item) => STUDY.has(item.type))
		.map((item) =>
			[
				field(item.prompt),
				`${field(item.answer)}<br><br>${field(item.explanation)}`,
				[item.topic, item.type].map((t) => t.replace(/\s+/g, '_')).join(' ')
			].join('\t')
		);
	return [...header, ...lines].join('\n') + '\n';
}

function field(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/\t/g, ' ')
		.replace(/\r\n|\r|\n/g, '<br>');
}
