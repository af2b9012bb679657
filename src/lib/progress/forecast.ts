// The forecast: how many cards fall due on each of the coming study days. Cards are due by
// study day, as in the queue, so a card due at 3 pm counts for the morning of its day, and
// everything overdue counts today (it is what the learner faces when they open the app).
import { State } from '../srs/fsrs-constants';
import type { StudyCard } from '../srs/types';
import { DEFAULT_DAY_START_HOUR, dayKeyOf, studyDayNumber, type DayOptions } from './study-days';

export const FORECAST_DAYS = 30;

/** Cards due on one study day; the first day (today) includes everything overdue. */
export interface ForecastDay {
	key: string;
	due: number;
}

/** The due counts for the next days, and how many of today's are overdue from earlier days. */
export interface DueForecast {
	days: ForecastDay[];
	/** Part of `days[0].due` that was due before today. */
	overdue: number;
	/** Sum over `days`. */
	total: number;
}

/**
 * Due cards per study day for `days` days starting today. New cards are left out: they are
 * introduced by the daily new-card limit, not by a due date.
 */
export function dueForecast(
	cards: Iterable<Pick<StudyCard, 'due' | 'state'>>,
	now: Date,
	{
		dayStartHour = DEFAULT_DAY_START_HOUR,
		days = FORECAST_DAYS
	}: DayOptions & { days?: number } = {}
): DueForecast {
	const today = studyDayNumber(now, dayStartHour);
	const counts = new Int32Array(days);
	let overdue = 0;
	let total = 0;
	for (const card of cards) {
		if (card.state === State.New) continue;
		const offset = studyDayNumber(card.due, dayStartHour) - today;
		if (offset >= days) continue;
		if (offset < 0) overdue++;
		counts[Math.max(0, offset)]!++;
		total++;
	}
	return {
		days: Array.from(counts, (due, i) => ({ key: dayKeyOf(today + i), due })),
		overdue,
		total
	};
}
