// How the card browser and the study page name a card's state, rating and recall.
import type { BrowserState } from '$lib/srs/card-browser';

export const STATE_LABELS: Record<BrowserState, string> = {
	new: 'New',
	learning: 'Learning',
	review: 'Review',
	relearning: 'Relearning',
	suspended: 'Suspended',
	buried: 'Buried'
};

/** Rating 1 to 4 as its button's name; 0 is a manual reschedule from another tool. */
export const RATING_LABELS = ['Manual', 'Again', 'Hard', 'Good', 'Easy'] as const;

/** A recall probability as a whole percentage. */
export function percent(p: number | undefined): string {
	return p === undefined ? '—' : `${Math.round(p * 100)}%`;
}

/** Stability in days, one decimal while small. */
export function days(d: number): string {
	return d < 10 ? `${Math.round(d * 10) / 10} d` : `${Math.round(d)} d`;
}
