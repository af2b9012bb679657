// What an attempt stores, and how to read it back safely. Quizzes and assignments store their
// plans in two shapes (a quiz keeps the config that built it, an assignment the student and
// attempt number); `readAttempt` reads either into one record the engine runs.
import type { QuizQuestion } from '../quiz/build';
import type { QuizConfig, Response } from '../quiz/types';
import { quizPolicy, type AttemptMode, type AttemptPolicy } from './policy';
import { clampScore } from './score';
import { deadlineOf } from './time';

/** The `plan` of a quiz attempt row. */
export interface QuizPlan {
	version: 1;
	config: QuizConfig;
	questions: QuizQuestion[];
}

/** The `plan` of an assignment attempt row. */
export interface StudentPlan {
	assignmentId: string;
	student: string;
	attempt: number;
	questions: QuizQuestion[];
	/** Milliseconds since 1970 when time runs out, if the assignment has a time limit. */
	deadline?: number;
	/** Set in the same transaction that finishes the attempt: a used attempt always has one. */
	receiptCode?: string;
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
	quiz?: QuizPlan;
	/** Assignment attempts: who took them and which attempt it is. */
	assignment?: StudentPlan;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null;

function readQuestions(value: unknown): QuizQuestion[] | undefined {
	if (!Array.isArray(value)) return undefined;
	const valid = value.every((q) => isObject(q) && typeof q.itemId === 'string');
	return valid ? (value as QuizQuestion[]) : undefined;
}

/** The plan of a stored quiz attempt, or undefined when it is not one this version reads. */
export function readPlan(plan: unknown): QuizPlan | undefined {
	if (!isObject(plan) || plan.version !== 1 || !isObject(plan.config)) return undefined;
	const mode = plan.config.mode;
	if (mode !== 'practice' && mode !== 'exam') return undefined;
	return readQuestions(plan.questions) ? (plan as unknown as QuizPlan) : undefined;
}

/** The plan of a stored assignment attempt, or undefined when it is not one. */
export function readStudentPlan(plan: unknown): StudentPlan | undefined {
	if (!isObject(plan) || !readQuestions(plan.questions)) return undefined;
	if (typeof plan.student !== 'string' || typeof plan.attempt !== 'number') return undefined;
	if (typeof plan.assignmentId !== 'string') return undefined;
	if (plan.deadline !== undefined && !Number.isFinite(plan.deadline)) return undefined;
	return plan as unknown as StudentPlan;
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
	const quiz = row.kind === 'quiz' ? readPlan(row.plan) : undefined;
	const assignment = row.kind === 'assignment' ? readStudentPlan(row.plan) : undefined;
	if (!quiz && !assignment) return undefined;
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
		questions: (quiz ?? assignment)!.questions,
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

/** The policy of a stored quiz attempt (assignments take theirs from the assignment). */
export function policyOfQuiz(plan: QuizPlan): AttemptPolicy {
	return quizPolicy(plan.config);
}
