// Quiz scores over time, from the summaries of finished attempts (attempt/score.ts).
// Unfinished attempts are left out: a half-done quiz is not a score.
import type { AttemptSummary } from '../attempt/score';
import { DEFAULT_DAY_START_HOUR, dayKeyOf, studyDayNumber, type DayOptions } from './study-days';

/** A finished attempt and its summary, as the state layer reads them from storage. */
export interface FinishedAttempt {
	id: string;
	kind: 'quiz' | 'assignment';
	/** Undefined while the attempt is still running. */
	finishedAt?: Date;
	summary: Pick<AttemptSummary, 'score' | 'right' | 'total'>;
}

/** One point of the chart. */
export interface QuizPoint {
	id: string;
	kind: FinishedAttempt['kind'];
	finishedAt: Date;
	/** Study day of the attempt, e.g. "2025-06-10". */
	key: string;
	/** 0..1 */
	score: number;
	right: number;
	total: number;
	/** Mean score of this attempt and up to `window - 1` before it, to show the trend. */
	movingAverage: number;
}

export interface QuizHistory {
	/** Finished attempts, oldest first. */
	points: QuizPoint[];
	/** Mean score over all points, undefined with none. */
	mean: number | undefined;
	best: number | undefined;
	latest: number | undefined;
}

export const MOVING_AVERAGE_WINDOW = 5;

/** Finished attempts in time order with their scores, a moving average and summary figures. */
export function quizHistory(
	attempts: Iterable<FinishedAttempt>,
	{
		dayStartHour = DEFAULT_DAY_START_HOUR,
		window = MOVING_AVERAGE_WINDOW
	}: DayOptions & { window?: number } = {}
): QuizHistory {
	const finished = [...attempts].filter(
		(a): a is FinishedAttempt & { finishedAt: Date } => a.finishedAt !== undefined
	);
	// stable sort: attempts finished in the same millisecond keep their stored order
	finished.sort((a, b) => a.finishedAt.getTime() - b.finishedAt.getTime());
	const points: QuizPoint[] = [];
	let windowSum = 0;
	let sum = 0;
	let best: number | undefined;
	for (let i = 0; i < finished.length; i++) {
		const { id, kind, finishedAt, summary } = finished[i]!;
		// a stored summary written by an older or buggy version must not break the chart
		const score = Number.isFinite(summary.score) ? Math.min(1, Math.max(0, summary.score)) : 0;
		sum += score;
		windowSum += score;
		if (i >= window) windowSum -= points[i - window]!.score;
		best = best === undefined ? score : Math.max(best, score);
		points.push({
			id,
			kind,
			finishedAt,
			key: dayKeyOf(studyDayNumber(finishedAt, dayStartHour)),
			score,
			right: summary.right,
			total: summary.total,
			movingAverage: windowSum / Math.min(i + 1, window)
		});
	}
	return {
		points,
		mean: points.length === 0 ? undefined : sum / points.length,
		best,
		latest: points.at(-1)?.score
	};
}
