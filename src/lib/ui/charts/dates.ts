// Calendar-day keys ("2025-06-10", as the progress statistics name days) turned into text.

/** The local noon of a day key: a Date that formats as that calendar day in any time zone offset. */
export function dateOfKey(key: string): Date {
	const [year, month, day] = key.split('-').map(Number);
	return new Date(year!, (month ?? 1) - 1, day ?? 1, 12);
}

const longDay = new Intl.DateTimeFormat(undefined, {
	weekday: 'short',
	day: 'numeric',
	month: 'short',
	year: 'numeric'
});
const shortDay = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const monthName = new Intl.DateTimeFormat(undefined, { month: 'short' });

/** "Tue, 10 Jun 2025": a day in a tooltip or a table row. */
export const formatDayLong = (key: string): string => longDay.format(dateOfKey(key));

/** "10 Jun": a day on an axis. */
export const formatDayShort = (key: string): string => shortDay.format(dateOfKey(key));

/** "Jun": a month label on the calendar. */
export const formatMonth = (key: string): string => monthName.format(dateOfKey(key));

/** "3 reviews", "1 review": a count with its noun. */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
	return `${count.toLocaleString()} ${count === 1 ? noun : nouns}`;
}

/** "87%" for 0.87; "–" when there is nothing to measure. */
export function percent(rate: number | undefined): string {
	return rate === undefined || !Number.isFinite(rate) ? '–' : `${Math.round(rate * 100)}%`;
}
