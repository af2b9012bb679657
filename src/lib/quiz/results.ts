// The summary shown after a quiz and kept in its history: how much was right, where, and
// what to retry.
import type { Grade } from './types';

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
	let points = 0;
	let answered = 0;
	for (const { itemId, topic, grade } of questions) {
		const entry = byTopic.get(topic) ?? { topic, right: 0, total: 0 };
		byTopic.set(topic, entry);
		entry.total++;
		if (grade) answered++;
		points += grade ? clamp01(grade.score) : 0;
		if (grade?.correct) {
			right++;
			entry.right++;
		} else missedIds.push(itemId);
	}
	const total = questions.length;
	return {
		total,
		answered,
		right,
		points,
		score: total === 0 ? 0 : points / total,
		byTopic: [...byTopic.values()],
		missedIds,
		// a clock set back mid-quiz must not give a negative time
		durationMs: Math.max(0, toMs(endedAt) - toMs(startedAt))
	};
}

const toMs = (time: Date | number) => (typeof time === 'number' ? time : time.getTime());
const clamp01 = (n: number) => (Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0);
