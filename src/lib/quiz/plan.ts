// What a quiz attempt stores, and how to read it back safely: the plan (config and question
// list, enough to replay the attempt exactly) and each answer as it was given. Pure: no
// Svelte, no Dexie, so storage, pages and tests share it.
import type { QuizQuestion } from './build';
import type { QuizConfig, Response } from './types';

/** The `plan` of a quiz attempt row. */
export interface QuizPlan {
	version: 1;
	config: QuizConfig;
	questions: QuizQuestion[];
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

/** The fields of an attempt row these helpers read (kept loose: rows come from storage). */
export interface AttemptLike {
	id: string;
	kind: string;
	startedAt: Date;
	finishedAt?: Date;
	plan: unknown;
	answers: Record<string, unknown>;
	position: number;
}

/** The plan of a stored attempt, or undefined when it is not a quiz plan this version reads. */
export function readPlan(plan: unknown): QuizPlan | undefined {
	if (typeof plan !== 'object' || plan === null) return undefined;
	const p = plan as Partial<QuizPlan>;
	if (p.version !== 1 || typeof p.config !== 'object' || p.config === null) return undefined;
	if (!Array.isArray(p.questions)) return undefined;
	const valid = p.questions.every(
		(q) => typeof q === 'object' && q !== null && typeof q.itemId === 'string'
	);
	return valid ? (p as QuizPlan) : undefined;
}

/** A stored answer, or undefined when the value is not one (an older or foreign shape). */
export function readAnswer(value: unknown): StoredAnswer | undefined {
	if (typeof value !== 'object' || value === null) return undefined;
	const a = value as Partial<StoredAnswer>;
	if (typeof a.correct !== 'boolean' || typeof a.score !== 'number') return undefined;
	if (typeof a.response !== 'object' || a.response === null) return undefined;
	if (!(a.answeredAt instanceof Date)) return undefined;
	return a as StoredAnswer;
}

/** A finished or running attempt as the history lists it. */
export interface AttemptOutcome {
	id: string;
	mode: QuizConfig['mode'];
	startedAt: Date;
	finishedAt?: Date;
	total: number;
	answered: number;
	right: number;
	/** points / total, 0..1 */
	score: number;
}

/** Score figures of an attempt from its stored answers (no bank needed). */
export function attemptOutcome(row: AttemptLike): AttemptOutcome | undefined {
	const plan = readPlan(row.plan);
	if (!plan) return undefined;
	let answered = 0;
	let right = 0;
	let points = 0;
	for (const { itemId } of plan.questions) {
		const answer = readAnswer(row.answers[itemId]);
		if (!answer) continue;
		answered++;
		if (answer.correct) right++;
		points += Number.isFinite(answer.score) ? Math.min(1, Math.max(0, answer.score)) : 0;
	}
	const total = plan.questions.length;
	return {
		id: row.id,
		mode: plan.config.mode,
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

/** When an attempt with a time limit must end; undefined without a limit. */
export function deadlineOf(startedAt: Date, timeLimitSec: number | undefined): Date | undefined {
	return timeLimitSec && timeLimitSec > 0
		? new Date(startedAt.getTime() + timeLimitSec * 1000)
		: undefined;
}

/** "4:05" for 245 seconds; "1:02:03" past an hour. */
export function formatClock(totalSeconds: number): string {
	const s = Math.max(0, Math.floor(totalSeconds));
	const hours = Math.floor(s / 3600);
	const minutes = Math.floor((s % 3600) / 60);
	const seconds = String(s % 60).padStart(2, '0');
	return hours > 0
		? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}`
		: `${minutes}:${seconds}`;
}

/** "3 min 20 s", "45 s": a duration for people. */
export function formatDuration(ms: number): string {
	const s = Math.max(0, Math.round(ms / 1000));
	const minutes = Math.floor(s / 60);
	const seconds = s % 60;
	if (minutes === 0) return `${seconds} s`;
	return seconds === 0 ? `${minutes} min` : `${minutes} min ${seconds} s`;
}
