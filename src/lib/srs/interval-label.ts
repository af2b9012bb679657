// Short interval labels for the rating buttons, in the style of Anki ("10m", "4d", "3mo").

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const DAYS_PER_MONTH = 365 / 12;
const DAYS_PER_YEAR = 365;

/** The unit an interval label counts in. */
export type IntervalUnit = 'under-minute' | 'minute' | 'hour' | 'day' | 'month' | 'year';

/**
 * A duration in milliseconds as a count and its unit: 10 minutes, 4 days, 1.5 years.
 * Each unit is rounded first and moves up when rounding reaches the next unit, so 59.6
 * minutes is 1 hour, never 60 minutes.
 */
export function intervalParts(ms: number): { value: number; unit: IntervalUnit } {
	const minutes = Math.round(ms / MINUTE);
	if (minutes < 1) return { value: 0, unit: 'under-minute' };
	if (minutes < 60) return { value: minutes, unit: 'minute' };
	const hours = Math.round(ms / HOUR);
	if (hours < 24) return { value: hours, unit: 'hour' };
	const days = Math.round(ms / DAY);
	if (days < 30) return { value: days, unit: 'day' };
	const months = Math.round(days / DAYS_PER_MONTH);
	if (months < 12) return { value: months, unit: 'month' };
	const years = days / DAYS_PER_YEAR;
	// one decimal while it still says something ("1.5y"), whole years beyond ten
	return { value: years < 10 ? Math.round(years * 10) / 10 : Math.round(years), unit: 'year' };
}

const SHORT_UNITS: Record<IntervalUnit, string> = {
	'under-minute': '<1m',
	minute: 'm',
	hour: 'h',
	day: 'd',
	month: 'mo',
	year: 'y'
};

/** A duration as a short English label: "<1m", "10m", "3h", "4d", "3mo", "1.5y". */
export function formatInterval(ms: number): string {
	const { value, unit } = intervalParts(ms);
	return unit === 'under-minute' ? SHORT_UNITS[unit] : `${value}${SHORT_UNITS[unit]}`;
}

/** The label for the time from `now` until `due`. */
export function formatIntervalUntil(due: Date, now: Date): string {
	return formatInterval(due.getTime() - now.getTime());
}
