// The bank's public contract (static/bank/<pack>.json), as described in DESIGN.md.
// Study, quizzes, assignments and outside tools all read these shapes.

export const BANK_SCHEMA_VERSION = 1;

export const ITEM_TYPES = [
	'flashcard',
	'reverse',
	'cloze',
	'mcq',
	'truefalse',
	'matching',
	'ordering',
	'numeric',
	'who-said',
	'map'
] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

/** Item types that become spaced-repetition cards; the others are quiz-only. */
export const STUDY_TYPES = ['flashcard', 'reverse', 'cloze'] as const satisfies readonly ItemType[];
export type StudyType = (typeof STUDY_TYPES)[number];

export interface SourceParagraph {
	id: string; // p1, p2, ... stable across regeneration
	section: string; // the heading it stands under ('' before the first heading)
	text: string; // verbatim from the article
}

export interface PackSource {
	title: string;
	credit: string;
	sections: string[];
	paragraphs: SourceParagraph[];
}

export interface Pack {
	id: string;
	title: string;
	version: string;
	source: PackSource;
}

export interface Fact {
	id: string;
	statement: string;
	topic: string;
	kind: string;
	paragraph: string;
	quote: string;
	/** Who asserts it, when the article reports it as a claim rather than a fact. */
	claimBy?: string;
}

export interface MatchPair {
	left: string;
	right: string;
}

export interface SourceRef {
	paragraph: string;
	quote: string;
}

/**
 * One question. `answer` is always the correct answer as plain text.
 * - mcq, truefalse ('True' | 'False'), who-said, map: `options` lists the choices, `answer` is one of them
 *   (map: the options are place names drawn as regions or points on the pack's map).
 * - cloze: `prompt` holds the gap as '_____'; `accept` lists other accepted spellings.
 * - numeric: `answer` is digits; `accept` may list words ('fourteen').
 * - matching: `pairs` in their correct pairing; `answer` writes them out.
 * - ordering: `sequence` in the correct order; `answer` writes it out.
 */
export interface BankItem {
	id: string;
	type: ItemType;
	prompt: string;
	answer: string;
	options?: string[];
	pairs?: MatchPair[];
	sequence?: string[];
	accept?: string[];
	/**
	 * Typed items with a phrase answer: groups of interchangeable words; an answer is right
	 * when it contains one word or phrase of every group (so other wordings are accepted).
	 */
	keyTerms?: string[][];
	/** A phrase answer too long to type and grade: a study card the learner rates; quizzes skip it. */
	selfRated?: boolean;
	explanation: string;
	factIds: string[];
	topic: string;
	difficulty: 1 | 2 | 3;
	source: SourceRef;
}

export interface Bank {
	schemaVersion: number;
	pack: Pack;
	facts: Fact[];
	items: BankItem[];
}

/** One country drawn on a pack map; `entity` is set when the article names it (a possible answer). */
export interface MapRegion {
	name: string;
	entity?: string;
	d: string; // SVG path in the map's viewBox
	/** Where its name is written when it is a candidate (named places only). */
	label?: [number, number];
}

/** One city drawn on a pack map as a point. */
export interface MapPoint {
	name: string;
	entity: string;
	x: number;
	y: number;
}

/** The map file static/bank/<pack>-map.json, loaded only by map questions. */
export interface BankMap {
	schemaVersion: number;
	pack: string;
	viewBox: string; // '0 0 width height'
	attribution: string;
	regions: MapRegion[];
	points: MapPoint[];
}
