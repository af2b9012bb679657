// Short interval labels for the rating buttons, in the style of Anki ("10m", "4d", "3mo").

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const DAYS_PER_MONTH = 365 / 12;
const DAYS_PER_YEAR = 365;

/**
 * A duration in milliseconds as a short label: "<1m", "10m", "3h", "4d", "3mo", "1.5y".
 * Each unit is rounded first and moves up when rounding reaches the next unit, so 59.6
 * minutes reads "1h", never "60m".
 */
export function formatInterval(ms: number): string {
	const minutes = Math.round(ms / MINUTE);
	if (minutes < 1) return '<1m';
	if (minutes < 60) return `${minutes}m`;
	const hours = Math.round(ms / HOUR);
	if (hours < 24) return `${hours}h`;
	const days = Math.round(ms / DAY);
	if (days < 30) return `${days}d`;
	const months = Math.round(days / DAYS_PER_MONTH);
	if (months < 12) return `${months}mo`;
	const years = days / DAYS_PER_YEAR;
	// one decimal while it still says something ("1.5y"), whole years beyond ten
	const shown = years < 10 ? Math.round(years * 10) / 10 : Math.round(years);
	return `${shown}y`;
}

/** The label for the time from `now` until `due`. */
export function formatIntervalUntil(due: Date, now: Date): string {
	return formatInterval(due.getTime() - now.getTime());
}
