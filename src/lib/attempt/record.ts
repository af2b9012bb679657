// What an attempt stores, and how to read it back safely. Every attempt row stores one plan
// shape, `AttemptPlan` (version 2, from schema version 5): the questions, plus what set the
// attempt up (a quiz's config, or the assignment's student and attempt number). Rows and
// backups written before that hold one of two older shapes; `upgradePlan` reads all three, so
// the schema upgrade, backup import and `readAttempt` agree on what a plan says.
import type { QuizQuestion } from '../quiz/build';
import type { QuizConfig, Response } from '../quiz/types';
import { quizPolicy, type AttemptMode } from './policy';
import { clampScore } from './score';
import { deadlineOf } from './time';

/** The `plan` of every attempt row, quiz or assignment. */
export interface AttemptPlan {
	version: 2;
	questions: QuizQuestion[];
	/** Quiz attempts: the config that built them. */
	quiz?: QuizSetup;
	/** Assignment attempts: who took them and which attempt it is. */
	assignment?: AssignmentTaking;
}

/** What built a quiz attempt. */
export interface QuizSetup {
	config: QuizConfig;
}

/** Who takes an assignment attempt, and under which limits. */
export interface AssignmentTaking {
	assignmentId: string;
	student: string;
	attempt: number;
	/** Milliseconds since 1970 when time runs out, if the assignment has a time limit. */
	deadline?: number;
	/** Set in the same transaction that finishes the attempt: a used attempt always has one. */
	receiptCode?: string;
}

/** A quiz attempt's plan as written before schema version 5. */
interface LegacyQuizPlan {
	version: 1;
	config: QuizConfig;
	questions: QuizQuestion[];
}

/** An assignment attempt's plan as written before schema version 5 (it had no version). */
interface LegacyStudentPlan extends AssignmentTaking {
	questions: QuizQuestion[];
}

/** The plan of a new quiz attempt. */
export function quizPlan(config: QuizConfig, questions: QuizQuestion[]): AttemptPlan {
	return { version: 2, questions, quiz: { config } };
}

/** The plan of a new assignment attempt. */
export function assignmentPlan(taking: AssignmentTaking, questions: QuizQuestion[]): AttemptPlan {
	return { version: 2, questions, assignment: taking };
}

/** `plan` with the receipt code of the attempt it finishes (only assignment plans carry one). */
export function withReceipt(plan: AttemptPlan, receiptCode: string): AttemptPlan {
	if (!plan.assignment) return plan;
	return { ...plan, assignment: { ...plan.assignment, receiptCode } };
}

/** One answer as stored in an attempt's `answers`, keyed by item id. */
export interface StoredAnswer {
	response: Response;
	/** Copied from the grade at answer time, so history and mistakes need no bank. */
	correct: boolean;
	/** 0..1, partial credit included. */
	score: number;
	answeredAt: Date;
}

/** The answer being composed on screen, saved as it is made so a reload keeps it. */
export interface DraftAnswer {
	itemId: string;
	response: Response;
}

/** The fields of an attempt row these helpers read (kept loose: rows come from storage). */
export interface AttemptLike {
	id: string;
	kind: string;
	startedAt: Date;
	finishedAt?: Date;
	plan: unknown;
	answers: Record<string, unknown>;
	position: number;
	draft?: unknown;
}

/** An attempt of either kind, as the engine runs it. */
export interface AttemptRecord {
	id: string;
	mode: AttemptMode;
	questions: QuizQuestion[];
	answers: Record<string, StoredAnswer>;
	position: number;
	startedAt: Date;
	finishedAt?: Date;
	deadline?: Date;
	draft?: DraftAnswer;
	/** Quiz attempts: what built them. */
	quiz?: QuizSetup;
	/** Assignment attempts: who took them and which attempt it is. */
	assignment?: AssignmentTaking;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null;

function readQuestions(value: unknown): QuizQuestion[] | undefined {
	if (!Array.isArray(value)) return undefined;
	const valid = value.every((q) => isObject(q) && typeof q.itemId === 'string');
	return valid ? (value as QuizQuestion[]) : undefined;
}

const isConfig = (value: unknown): value is QuizConfig =>
	isObject(value) && (value.mode === 'practice' || value.mode === 'exam');

function isTaking(value: unknown): value is AssignmentTaking {
	if (!isObject(value)) return false;
	if (typeof value.student !== 'string' || typeof value.attempt !== 'number') return false;
	if (typeof value.assignmentId !== 'string') return false;
	if (value.deadline !== undefined && !Number.isFinite(value.deadline)) return false;
	return value.receiptCode === undefined || typeof value.receiptCode === 'string';
}

/**
 * The stored plan of an attempt of `kind` in today's shape, whichever version wrote it;
 * undefined when it is not a plan of that kind this version can read (it is then kept as it
 * is, never rewritten, so a newer app can still read it). Fields this version does not know
 * are kept, at the level where they were.
 */
export function upgradePlan(kind: string, plan: unknown): AttemptPlan | undefined {
	if (!isObject(plan) || !readQuestions(plan.questions)) return undefined;
	if (plan.version === 2) {
		const valid =
			kind === 'quiz'
				? isObject(plan.quiz) && isConfig(plan.quiz.config) && plan.assignment === undefined
				: kind === 'assignment' && isTaking(plan.assignment) && plan.quiz === undefined;
		return valid ? (plan as unknown as AttemptPlan) : undefined;
	}
	if (kind === 'quiz' && plan.version === 1) {
		const { config, questions, ...unknown } = plan as unknown as LegacyQuizPlan;
		return isConfig(config) ? { ...unknown, version: 2, questions, quiz: { config } } : undefined;
	}
	if (kind === 'assignment' && plan.version === undefined && isTaking(plan)) {
		// the old shape kept the student's fields beside the questions: they all move under
		// `assignment`, unknown ones too, since that is where the old app read them
		const { questions, ...taking } = plan as unknown as LegacyStudentPlan;
		return { version: 2, questions, assignment: taking };
	}
	return undefined;
}

/** A stored answer, or undefined when the value is not one (an older or foreign shape). */
export function readAnswer(value: unknown): StoredAnswer | undefined {
	if (!isObject(value)) return undefined;
	if (typeof value.correct !== 'boolean' || typeof value.score !== 'number') return undefined;
	if (!isObject(value.response) || typeof value.response.kind !== 'string') return undefined;
	if (!(value.answeredAt instanceof Date) || Number.isNaN(value.answeredAt.getTime()))
		return undefined;
	return value as unknown as StoredAnswer;
}

function readDraft(value: unknown): DraftAnswer | undefined {
	if (!isObject(value) || typeof value.itemId !== 'string') return undefined;
	if (!isObject(value.response) || typeof value.response.kind !== 'string') return undefined;
	return value as unknown as DraftAnswer;
}

/** Reads a stored attempt of either kind; undefined when its plan is unreadable. */
export function readAttempt(row: AttemptLike): AttemptRecord | undefined {
	const plan = upgradePlan(row.kind, row.plan);
	if (!plan) return undefined;
	const { quiz, assignment } = plan;
	const answers: Record<string, StoredAnswer> = {};
	for (const [itemId, value] of Object.entries(row.answers ?? {})) {
		const answer = readAnswer(value);
		if (answer) answers[itemId] = answer;
	}
	const deadline = quiz
		? deadlineOf(row.startedAt, quizPolicy(quiz.config).timeLimitSec)
		: assignment?.deadline !== undefined
			? new Date(assignment.deadline)
			: undefined;
	return {
		id: row.id,
		mode: quiz ? quiz.config.mode : 'assignment',
		questions: plan.questions,
		answers,
		position: Number.isInteger(row.position) && row.position >= 0 ? row.position : 0,
		startedAt: row.startedAt,
		finishedAt: row.finishedAt,
		deadline,
		draft: readDraft(row.draft),
		quiz,
		assignment
	};
}

/**
 * Whether a stored attempt asked questions of `itemIds` (one article's items). Item ids are
 * unique across articles, so one question of the article is enough, and an item retired since
 * never hides the attempt; one whose plan cannot be read belongs to none.
 */
export function attemptOfItems(row: AttemptLike, itemIds: ReadonlySet<string>): boolean {
	const questions = upgradePlan(row.kind, row.plan)?.questions ?? [];
	return questions.some((q) => itemIds.has(q.itemId));
}

/** A finished or running attempt as the history and Progress list it. */
export interface AttemptOutcome {
	id: string;
	mode: AttemptMode;
	startedAt: Date;
	finishedAt?: Date;
	total: number;
	answered: number;
	right: number;
	/** points / total, 0..1 */
	score: number;
}

/** Score figures of an attempt of either kind from its stored answers (no bank needed). */
export function attemptOutcome(row: AttemptLike): AttemptOutcome | undefined {
	const record = readAttempt(row);
	if (!record) return undefined;
	let answered = 0;
	let right = 0;
	let points = 0;
	for (const { itemId } of record.questions) {
		const answer = record.answers[itemId];
		if (!answer) continue;
		answered++;
		if (answer.correct) right++;
		points += clampScore(answer.score);
	}
	const total = record.questions.length;
	return {
		id: row.id,
		mode: record.mode,
		startedAt: row.startedAt,
		finishedAt: row.finishedAt,
		total,
		answered,
		right,
		score: total === 0 ? 0 : points / total
	};
}

/**
 * Items whose latest answer, over all `attempts`, was wrong: what "Mistakes only" asks.
 * Answering an item right later takes it off the list; unanswered items never join it.
 */
export function latestMistakes(attempts: Iterable<AttemptLike>): Set<string> {
	const latest = new Map<string, StoredAnswer>();
	for (const attempt of attempts) {
		for (const [itemId, value] of Object.entries(attempt.answers ?? {})) {
			const answer = readAnswer(value);
			if (!answer) continue;
			const seen = latest.get(itemId);
			if (!seen || seen.answeredAt <= answer.answeredAt) latest.set(itemId, answer);
		}
	}
	return new Set([...latest].filter(([, answer]) => !answer.correct).map(([itemId]) => itemId));
}
