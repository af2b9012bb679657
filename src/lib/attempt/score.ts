// The one scorer: how answers become points, a percentage and a summary by topic. Quizzes,
// assignments, the history and the gradebook all count with it.
import type { Grade } from '../quiz/types';

/** A question's score kept within 0..1 (a stored score may be anything). */
export function clampScore(score: number): number {
	return Number.isFinite(score) ? Math.min(1, Math.max(0, score)) : 0;
}

/** Sum of scores over `total` questions, as 0..1 and as a percentage; unanswered count 0. */
export function scoreOf(
	scores: readonly number[],
	total = scores.length
): { points: number; fraction: number; percent: number } {
	const points = scores.reduce((sum, score) => sum + clampScore(score), 0);
	const fraction = total === 0 ? 0 : points / total;
	return { points, fraction, percent: 100 * fraction };
}

/** One question of an attempt; `grade` is absent when it was never answered. */
export interface AnsweredQuestion {
	itemId: string;
	topic: string;
	grade?: Grade;
}

export interface TopicResult {
	topic: string;
	right: number;
	total: number;
}

export interface AttemptSummary {
	total: number;
	answered: number;
	/** Questions fully right. */
	right: number;
	/** Sum of scores, partial credit included. */
	points: number;
	/** points / total, 0..1 (0 for an empty quiz). */
	score: number;
	/** One entry per topic, in the order topics first appear in the quiz. */
	byTopic: TopicResult[];
	/** Items not fully right, unanswered ones included, in quiz order: "Retry mistakes" asks these. */
	missedIds: string[];
	durationMs: number;
}

/** Summarises an attempt that ran from `startedAt` to `endedAt`. */
export function summarizeAttempt(
	questions: readonly AnsweredQuestion[],
	startedAt: Date | number,
	endedAt: Date | number
): AttemptSummary {
	const byTopic = new Map<string, TopicResult>();
	const missedIds: string[] = [];
	let right = 0;
	let answered = 0;
	for (const { itemId, topic, grade } of questions) {
		const entry = byTopic.get(topic) ?? { topic, right: 0, total: 0 };
		byTopic.set(topic, entry);
		entry.total++;
		if (grade) answered++;
		if (grade?.correct) {
			right++;
			entry.right++;
		} else missedIds.push(itemId);
	}
	const { points, fraction } = scoreOf(
		questions.map((q) => q.grade?.score ?? 0),
		questions.length
	);
	return {
		total: questions.length,
		answered,
		right,
		points,
		score: fraction,
		byTopic: [...byTopic.values()],
		missedIds,
		// a clock set back mid-quiz must not give a negative time
		durationMs: Math.max(0, toMs(endedAt) - toMs(startedAt))
	};
}

const toMs = (time: Date | number) => (typeof time === 'number' ? time : time.getTime());
