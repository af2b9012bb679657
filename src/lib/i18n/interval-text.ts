// A review interval as a short label in the page's language. Apart from locale.ts, which every
// page loads, so that only the pages that show intervals carry these words.
import { intervalParts } from '$lib/srs/interval-label';
import { m } from '$lib/paraglide/messages';
import { formatNumber } from './locale';

/** A duration as a short label in the page's language: "10m", "4d" / "10 min", "4 j". */
export function intervalText(ms: number): string {
	const { value, unit } = intervalParts(ms);
	const n = formatNumber(value);
	switch (unit) {
		case 'under-minute':
			return m.interval_under_minute();
		case 'minute':
			return m.interval_minutes({ n });
		case 'hour':
			return m.interval_hours({ n });
		case 'day':
			return m.interval_days({ n });
		case 'month':
			return m.interval_months({ n });
		case 'year':
			return m.interval_years({ n });
	}
}
