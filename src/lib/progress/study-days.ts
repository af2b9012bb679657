// Day arithmetic on study-day numbers (see srs/study-day.ts): charts index days by number,
// so a 100,000-log pass builds no Date per review and DST changes cannot skip or repeat a day.
import { DEFAULT_DAY_START_HOUR, studyDayNumber } from '../srs/study-day';

export { DEFAULT_DAY_START_HOUR, studyDayNumber };

const DAY_MS = 86_400_000;

/** The calendar date ("2025-06-10") naming study day number `day`. */
export function dayKeyOf(day: number): string {
	// a day number counts local wall-clock days from 1970-01-01, so read it back in UTC
	return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Weekday of study day number `day`: 0 = Monday ... 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
	return (((day + 3) % 7) + 7) % 7;
}

/** Options shared by the statistics that group by study day. */
export interface DayOptions {
	/** Local hour at which a study day starts (default 4 am, as in study settings). */
	dayStartHour?: number;
}
