// Everything the /progress page shows, computed at once from what storage holds.
import type { StudyCard, StudyReview } from '../srs/types';
import { studyHeatmap, type StudyHeatmap } from './calendar';
import { dueForecast, type DueForecast } from './forecast';
import { masteryReport, type MasteryItem, type MasteryReport } from './mastery';
import { quizHistory, type FinishedAttempt, type QuizHistory } from './quiz-history';
import { retentionStats, type RetentionStats } from './retention';
import { DEFAULT_DAY_START_HOUR } from './study-days';

export interface ProgressInput {
	items: Iterable<MasteryItem>;
	cards: readonly StudyCard[];
	reviews: readonly StudyReview[];
	attempts: Iterable<FinishedAttempt>;
	now: Date;
	dayStartHour?: number;
}

export interface ProgressStatistics {
	heatmap: StudyHeatmap;
	forecast: DueForecast;
	retention: RetentionStats;
	mastery: MasteryReport;
	quizzes: QuizHistory;
}

/** Every statistic of the /progress page; about 12 ms (median) for 100,000 logs under Node (scripts/bench/progress.ts). */
export function progressStatistics(input: ProgressInput): ProgressStatistics {
	const { now, dayStartHour = DEFAULT_DAY_START_HOUR } = input;
	return {
		heatmap: studyHeatmap(input.reviews, now, { dayStartHour }),
		forecast: dueForecast(input.cards, now, { dayStartHour }),
		retention: retentionStats(input.reviews, now, { dayStartHour }),
		mastery: masteryReport(input.items, input.cards),
		quizzes: quizHistory(input.attempts, { dayStartHour })
	};
}
