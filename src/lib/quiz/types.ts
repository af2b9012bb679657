// Shapes shared by quizzes and assignments: what a learner answers, how it is graded,
// and how a quiz is asked for. Relative imports keep this usable from scripts run by tsx.
import type { ItemType, MatchPair } from '../bank/types';

/** How a learner answers each item type: picking an option, typing, pairing or ordering. */
export const RESPONSE_KIND_BY_TYPE = {
	mcq: 'choice',
	truefalse: 'choice',
	'who-said': 'choice',
	map: 'choice',
	flashcard: 'text',
	reverse: 'text',
	cloze: 'text',
	numeric: 'text',
	matching: 'matching',
	ordering: 'ordering'
} as const satisfies Record<ItemType, string>;

export type ResponseKind = (typeof RESPONSE_KIND_BY_TYPE)[ItemType];

/** Item types answered by picking one of `options`. */
export type ChoiceType = {
	[T in ItemType]: (typeof RESPONSE_KIND_BY_TYPE)[T] extends 'choice' ? T : never;
}[ItemType];

/** Item types answered by typing, graded tolerantly. */
export type TypedType = {
	[T in ItemType]: (typeof RESPONSE_KIND_BY_TYPE)[T] extends 'text' ? T : never;
}[ItemType];

/** The chosen option's text (mcq, truefalse, who-said, map). */
export interface ChoiceResponse {
	kind: 'choice';
	choice: string;
}

/** What the learner typed (flashcard, reverse, cloze, numeric). */
export interface TextResponse {
	kind: 'text';
	text: string;
}

/** The learner's pairs, one per left-hand entry they matched. */
export interface MatchingResponse {
	kind: 'matching';
	pairs: MatchPair[];
}

/** The learner's order of the item's `sequence` entries. */
export interface OrderingResponse {
	kind: 'ordering';
	sequence: string[];
}

/** One answer to one item; `kind` must fit the item type or the answer is graded wrong. */
export type Response = ChoiceResponse | TextResponse | MatchingResponse | OrderingResponse;

/**
 * The verdict on one answer.
 * `score` is 1 or 0 except for matching and ordering, which earn partial credit
 * (see `grade.ts`); `correct` is true only for a full score.
 */
export interface Grade {
	correct: boolean;
	/** 0..1 */
	score: number;
	/** The correct answer as text, to show in feedback. */
	expected: string;
	/** Why a near miss counted, or how much of a partial answer was right (English). */
	note?: string;
	/** The same as data, for a page to put into its own language. */
	noteDetail?: GradeNote;
}

/** A typo accepted, or how many pairs of a partial answer were right. */
export type GradeNote =
	{ kind: 'typo' } | { kind: 'pairs-matched' | 'pairs-in-order'; hits: number; total: number };

export const QUIZ_MODES = ['practice', 'exam'] as const;
/** Practice gives feedback after each answer; exam only at the end. */
export type QuizMode = (typeof QUIZ_MODES)[number];

export const QUIZ_COUNTS = [5, 10, 20, 'all'] as const;
export type QuizCount = (typeof QUIZ_COUNTS)[number];

/** Everything needed to build, and later rebuild exactly, one quiz. */
export interface QuizConfig {
	/** Topics to draw from; 'all' rather than an empty list, so "nothing chosen" stays distinct. */
	topics: readonly string[] | 'all';
	types: readonly ItemType[] | 'all';
	count: QuizCount;
	mode: QuizMode;
	timeLimitSec?: number;
	/** Only items in the `mistakeIds` given to `buildQuiz`. */
	mistakesOnly: boolean;
	seed: string;
}
