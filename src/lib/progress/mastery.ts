// Mastery of the article, per topic and per paragraph, from the study cards.
// The rule: each study item (flashcard, reverse, cloze) counts once, in one of three bands:
//   - unseen: no card yet, or a card still New;
//   - mastered: a card in Review state whose FSRS stability is at least MASTERED_STABILITY_DAYS
//     (stability is the interval, in days, after which recall falls to 90%; 21 days is
//     Anki's "mature" line, so a mastered fact survives three weeks without study);
//   - learning: every other card seen (learning steps, relearning, or young reviews).
// `mastery` is mastered / items. Quiz-only items are left out: they have no cards.
import { State } from '../srs/fsrs-constants';
import { STUDY_TYPES, type BankItem, type ItemType } from '../bank/types';
import type { StudyCard } from '../srs/types';

export const MASTERED_STABILITY_DAYS = 21;

/** The fields of a bank item mastery needs. */
export type MasteryItem = Pick<BankItem, 'id' | 'type' | 'topic'> & {
	source: Pick<BankItem['source'], 'paragraph'>;
};

/** Counts for one group of study items (a topic, a paragraph or the whole bank). */
export interface MasteryCounts {
	items: number;
	unseen: number;
	learning: number;
	mastered: number;
	/** mastered / items, 0..1 (0 when the group has no study items). */
	mastery: number;
}

export interface TopicMastery extends MasteryCounts {
	topic: string;
}

export interface ParagraphMastery extends MasteryCounts {
	/** Paragraph id (p1, p2, ...), as on /read. */
	paragraph: string;
}

/** Mastery overall, per topic and per paragraph, each list in bank order of first appearance. */
export interface MasteryReport {
	overall: MasteryCounts;
	topics: TopicMastery[];
	paragraphs: ParagraphMastery[];
}

export type MasteryBand = 'unseen' | 'learning' | 'mastered';

const studyTypes: ReadonlySet<ItemType> = new Set(STUDY_TYPES);

/** The band of one study item given its card (see the rule at the top of this file). */
export function masteryBand(card: Pick<StudyCard, 'state' | 'stability'> | undefined): MasteryBand {
	if (!card || card.state === State.New) return 'unseen';
	if (card.state === State.Review && card.stability >= MASTERED_STABILITY_DAYS) return 'mastered';
	return 'learning';
}

const emptyCounts = (): MasteryCounts => ({
	items: 0,
	unseen: 0,
	learning: 0,
	mastered: 0,
	mastery: 0
});

function add(counts: MasteryCounts, band: MasteryBand): void {
	counts.items++;
	counts[band]++;
}

const finish = <T extends MasteryCounts>(counts: T): T => {
	counts.mastery = counts.items === 0 ? 0 : counts.mastered / counts.items;
	return counts;
};

/** Mastery per topic and per paragraph of the study items of `items`. */
export function masteryReport(
	items: Iterable<MasteryItem>,
	cards: Iterable<Pick<StudyCard, 'itemId' | 'state' | 'stability'>>
): MasteryReport {
	const cardById = new Map<string, Pick<StudyCard, 'state' | 'stability'>>();
	for (const card of cards) cardById.set(card.itemId, card);

	const overall = emptyCounts();
	const topics = new Map<string, TopicMastery>();
	const paragraphs = new Map<string, ParagraphMastery>();
	for (const item of items) {
		if (!studyTypes.has(item.type)) continue;
		const band = masteryBand(cardById.get(item.id));
		add(overall, band);
		let topic = topics.get(item.topic);
		if (!topic) topics.set(item.topic, (topic = { topic: item.topic, ...emptyCounts() }));
		add(topic, band);
		const id = item.source.paragraph;
		let paragraph = paragraphs.get(id);
		if (!paragraph) paragraphs.set(id, (paragraph = { paragraph: id, ...emptyCounts() }));
		add(paragraph, band);
	}
	return {
		overall: finish(overall),
		topics: [...topics.values()].map(finish),
		paragraphs: [...paragraphs.values()].map(finish)
	};
}
