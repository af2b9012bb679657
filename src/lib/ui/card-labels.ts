// How the card browser and the study page name a card's state, rating, flag and recall, in
// the page's language.
import type { BrowserState } from '$lib/srs/card-browser';
import { formatNumber } from '$lib/i18n/locale';
import { m } from '$lib/paraglide/messages';
import { percent as share } from './charts/dates';

export const STATE_LABELS: Readonly<Record<BrowserState, string>> = {
	get new() {
		return m.state_new();
	},
	get learning() {
		return m.state_learning();
	},
	get review() {
		return m.state_review();
	},
	get relearning() {
		return m.state_relearning();
	},
	get suspended() {
		return m.state_suspended();
	},
	get buried() {
		return m.state_buried();
	}
};

const RATINGS = [m.rating_manual, m.grade_again, m.grade_hard, m.grade_good, m.grade_easy] as const;

/** Rating 1 to 4 as its button's name; 0 is a manual reschedule from another tool. */
export const ratingLabel = (rating: number): string => (RATINGS[rating] ?? m.rating_manual)();

export { flagName } from '$lib/i18n/flag-name';

/** A recall probability as a whole percentage. */
export function percent(p: number | undefined): string {
	return p === undefined ? '—' : share(p);
}

/** Stability in days, one decimal while small. */
export function days(d: number): string {
	return m.days_short({ n: formatNumber(d < 10 ? Math.round(d * 10) / 10 : Math.round(d)) });
}
