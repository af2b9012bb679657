// The article as /read shows it: sections with their paragraphs already cut into highlighted
// passages, and only the fact fields a highlight needs. Built from the bank at build time.
import type { Bank, Fact } from '../bank/types';
import { highlightSegments, type Segment } from './highlights';

/** What a highlight shows about a fact before the questions are loaded. */
export type ReadingFact = Pick<Fact, 'id' | 'statement' | 'topic' | 'quote' | 'claimBy'>;

export interface ReadingParagraph {
	id: string;
	/** 7 for p7: what the paragraph link shows. */
	number: number;
	segments: Segment[];
}

export interface ReadingSection {
	/** '' for the paragraphs before the first heading. */
	heading: string;
	paragraphs: ReadingParagraph[];
}

export interface ReadingArticle {
	title: string;
	credit: string;
	sections: ReadingSection[];
	facts: Record<string, ReadingFact>;
}

/** The article of a bank, in reading order, with every fact's quote marked. */
export function readingArticle(bank: Bank): ReadingArticle {
	const { source } = bank.pack;
	const sections: ReadingSection[] = [];
	for (const paragraph of source.paragraphs) {
		let section = sections.at(-1);
		if (!section || section.heading !== paragraph.section) {
			sections.push((section = { heading: paragraph.section, paragraphs: [] }));
		}
		const quotes = bank.facts.filter((fact) => fact.paragraph === paragraph.id);
		section.paragraphs.push({
			id: paragraph.id,
			number: Number(paragraph.id.replace(/^\D+/, '')),
			segments: highlightSegments(paragraph.text, quotes)
		});
	}
	const facts: Record<string, ReadingFact> = {};
	for (const { id, statement, topic, quote, claimBy } of bank.facts) {
		facts[id] = claimBy
			? { id, statement, topic, quote, claimBy }
			: { id, statement, topic, quote };
	}
	return { title: source.title, credit: source.credit, sections, facts };
}
