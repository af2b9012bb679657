// The learner's own review history as the FSRS optimizer reads it, and the measure of a fit:
// the log loss of each set of parameters at predicting whether a card was recalled. Pure; the
// optimizer itself (fsrs-browser, WebAssembly) loads only when the learner asks for a fit.
import { fsrs, generatorParameters, default_w } from 'ts-fsrs';
import { Rating } from './fsrs-constants';
import { studyDayBounds } from './study-day';

export { MIN_REVIEWS_TO_FIT } from './settings';

/** FSRS-6 has 21 parameters (ts-fsrs `default_w`). */
export const PARAMETER_COUNT = default_w.length;

/** One review as the optimizer needs it. */
export interface HistoryReview {
	itemId: string;
	rating: number;
	review: Date;
}

/**
 * Review histories as fsrs-browser's `computeParameters` takes them: every prefix of a card's
 * history that ends on a later day is one item (its last review is what is predicted), its
 * ratings and days since the previous review (0 for the first) laid end to end.
 */
export interface FsrsItems {
	ratings: Uint32Array;
	deltas: Uint32Array;
	lengths: Uint32Array;
	/** How many items (prefixes) there are. */
	count: number;
}

/** The histories of `reviews` (manual reschedules left out), counted in study days. */
export function fsrsItems(reviews: readonly HistoryReview[], dayStartHour: number): FsrsItems {
	const byCard = new Map<string, HistoryReview[]>();
	for (const r of reviews) {
		if (r.rating < Rating.Again || r.rating > Rating.Easy) continue;
		const list = byCard.get(r.itemId);
		if (list) list.push(r);
		else byCard.set(r.itemId, [r]);
	}
	const ratings: number[] = [];
	const deltas: number[] = [];
	const lengths: number[] = [];
	for (const history of byCard.values()) {
		history.sort((a, b) => a.review.getTime() - b.review.getTime());
		const days = history.map((r) => studyDayNumber(r.review, dayStartHour));
		const delta = days.map((d, i) => (i === 0 ? 0 : d - days[i - 1]!));
		for (let end = 1; end < history.length; end++) {
			if (delta[end]! <= 0) continue; // a same-day step is not a test of memory
			for (let i = 0; i <= end; i++) {
				ratings.push(history[i]!.rating);
				deltas.push(delta[i]!);
			}
			lengths.push(end + 1);
		}
	}
	return {
		ratings: Uint32Array.from(ratings),
		deltas: Uint32Array.from(deltas),
		lengths: Uint32Array.from(lengths),
		count: lengths.length
	};
}

const DAY_MS = 86_400_000;

/** Whole study days since the epoch, the day starting at `dayStartHour` local time. */
function studyDayNumber(at: Date, dayStartHour: number): number {
	const { start } = studyDayBounds(at, dayStartHour);
	// local midnight-based, so a change of clocks does not shift a day
	return Math.round(Date.UTC(start.getFullYear(), start.getMonth(), start.getDate()) / DAY_MS);
}

/**
 * How well `parameters` predict the histories: the mean log loss of the recall probability
 * each item's last review was given (lower is better; a coin would score 0.69).
 */
export function logLoss(parameters: readonly number[], items: FsrsItems): number {
	const algorithm = fsrs(generatorParameters({ w: [...parameters], enable_short_term: true }));
	let total = 0;
	let offset = 0;
	for (let k = 0; k < items.count; k++) {
		const length = items.lengths[k]!;
		let state = null as ReturnType<typeof algorithm.next_state> | null;
		for (let i = 0; i < length - 1; i++) {
			state = algorithm.next_state(state, items.deltas[offset + i]!, items.ratings[offset + i]!);
		}
		const last = offset + length - 1;
		const p = Math.min(
			1 - 1e-7,
			Math.max(1e-7, algorithm.forgetting_curve(items.deltas[last]!, state!.stability))
		);
		const recalled = items.ratings[last]! > Rating.Again;
		total += recalled ? -Math.log(p) : -Math.log(1 - p);
		offset += length;
	}
	return items.count === 0 ? Number.NaN : total / items.count;
}

/** Whether `value` is a usable set of FSRS-6 parameters. */
export function isParameterSet(value: unknown): value is number[] {
	return (
		Array.isArray(value) &&
		value.length === PARAMETER_COUNT &&
		value.every((x) => typeof x === 'number' && Number.isFinite(x))
	);
}
