// The interface language: the URL names it (English at /..., French at /fr/...); the
// learner's choice is kept for static/first-paint.js, which opens the right URL on later
// visits. Dates and numbers follow the page's language, never the browser's.
import { deLocalizeHref, getLocale, localizeHref, type Locale } from '$lib/paraglide/runtime';

export type { Locale };

/** static/first-paint.js reads this key before the first paint. */
export const LOCALE_KEY = 'sahel-brief:locale';

/** Each language named in itself, for the switch. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', fr: 'Français' };

/** The page's language. */
export function locale(): Locale {
	return getLocale();
}

/** `path` in the page's language (or in `to`): "/study" becomes "/fr/study" on French pages. */
export function href(path: string, to?: Locale): string {
	return localizeHref(path, to ? { locale: to } : undefined);
}

/** Remembers `choice` for the next visits. */
export function rememberLocale(choice: Locale): void {
	try {
		localStorage.setItem(LOCALE_KEY, choice);
	} catch {
		// storage blocked: the URL still carries the language for this visit
	}
}

/** `value` as the page's language writes a number (1,234.5 or 1 234,5). */
export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
	return new Intl.NumberFormat(getLocale(), options).format(value);
}

/** `date` as the page's language writes it. */
export function formatDate(date: Date | number, options: Intl.DateTimeFormatOptions): string {
	return new Intl.DateTimeFormat(getLocale(), options).format(date);
}

/** Date and time, medium: "2 Dec 2026, 14:05" / "2 déc. 2026, 14:05". */
export function formatDateTime(date: Date | number): string {
	return formatDate(date, { dateStyle: 'medium', timeStyle: 'short' });
}

/** `pathname` without its language prefix: "/fr/study" and "/study" are both "/study". */
export function routePath(pathname: string): string {
	return deLocalizeHref(pathname);
}

/** A size in bytes as the page's language writes it: "12.3 MB" / "12,3 Mo". */
export function formatBytes(bytes: number): string {
	const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;
	let value = bytes;
	let unit = 0;
	while (value >= 1024 && unit < units.length - 1) {
		value /= 1024;
		unit += 1;
	}
	return formatNumber(value, {
		style: 'unit',
		unit: units[unit],
		maximumFractionDigits: unit === 0 ? 0 : 1
	});
}
