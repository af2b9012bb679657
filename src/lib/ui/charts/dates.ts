import { formatDate, formatNumber } from '$lib/i18n/locale';

// Calendar-day keys ("2025-06-10", as the progress statistics name days) turned into text.

/** The local noon of a day key: a Date that formats as that calendar day in any time zone offset. */
export function dateOfKey(key: string): Date {
	const [year, month, day] = key.split('-').map(Number);
	return new Date(year!, (month ?? 1) - 1, day ?? 1, 12);
}

/** "Tue, 10 Jun 2025" / "mar. 10 juin 2025": a day in a tooltip or a table row. */
export const formatDayLong = (key: string): string =>
	formatDate(dateOfKey(key), { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });

/** "10 Jun": a day on an axis. */
export const formatDayShort = (key: string): string =>
	formatDate(dateOfKey(key), { day: 'numeric', month: 'short' });

/** "Jun": a month label on the calendar. */
export const formatMonth = (key: string): string => formatDate(dateOfKey(key), { month: 'short' });

/** "87%" (or "87 %" in French) for 0.87; "–" when there is nothing to measure. */
export function percent(rate: number | undefined): string {
	return rate === undefined || !Number.isFinite(rate)
		? '–'
		: formatNumber(Math.round(rate * 100) / 100, { style: 'percent' });
}
