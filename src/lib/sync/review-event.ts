// A review as it travels in a sync document. This version writes one JSON text per review,
// `[2, uid, itemId, rating, state, review ms, due ms, stability, difficulty, elapsed, last
// elapsed, scheduled, steps, previous due ms or null, duration ms or null]`, as a line of the
// document's `ratingLines` text (see review-feed.ts; the version before wrote the same text as
// a value of the `ratings` list). Earlier versions wrote the same fields without the id,
// version 1, as a map entry keyed by the id; those are still read. Decoding checks the shape
// only; storage then checks the row with the same schemas as a backup's rows before anything
// is written.
import type { StudyReview } from '../srs/types';

/** The form earlier versions wrote (a `reviews` map entry keyed by the id). */
const MAP_VERSION = 1;
/** The form this version writes (a line of text, the id inside). */
const TEXT_VERSION = 2;

/** A review's sync form, as a `reviews` map entry (version 1). */
export type ReviewEvent = readonly unknown[];

const dateMs = (date: Date | undefined) => (date === undefined ? null : date.getTime());

/** The fields both forms share, after their version (and the text form's id). */
function fieldsOf(review: StudyReview): unknown[] {
	return [
		review.itemId,
		review.rating,
		review.state,
		review.review.getTime(),
		review.due.getTime(),
		review.stability,
		review.difficulty,
		review.elapsed_days,
		review.last_elapsed_days,
		review.scheduled_days,
		review.learning_steps,
		dateMs(review.previousDue),
		review.durationMs ?? null
	];
}

/** The map form (version 1) of a stored review, as earlier versions wrote it (tests). */
export function encodeReviewEvent(review: StudyReview): ReviewEvent {
	return [MAP_VERSION, ...fieldsOf(review)];
}

/** The line this version writes into the `ratingLines` text (its local key stays here). */
export function encodeReviewText(review: StudyReview & { uid: string }): string {
	return JSON.stringify([TEXT_VERSION, review.uid, ...fieldsOf(review)]);
}

/** The id a parsed text names, or undefined when it is not a text event. */
export function textEventUid(event: unknown): string | undefined {
	return Array.isArray(event) && event[0] === TEXT_VERSION && typeof event[1] === 'string'
		? event[1]
		: undefined;
}

const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/**
 * The review an event stands for, with `uid`, or undefined when its shape is wrong: a map
 * entry (version 1) keyed by `uid`, or a parsed text (version 2) naming `uid` inside.
 */
export function decodeReviewEvent(uid: string, event: unknown): StudyReview | undefined {
	if (!Array.isArray(event)) return undefined;
	// where the shared fields start (read in place: this runs for every review a device receives)
	let at: number;
	if (event.length === 14 && event[0] === MAP_VERSION) at = 1;
	else if (event.length === 15 && event[0] === TEXT_VERSION && event[1] === uid) at = 2;
	else return undefined;
	const itemId: unknown = event[at];
	if (typeof itemId !== 'string') return undefined;
	// rating, state, review, due, stability, difficulty, elapsed, last elapsed, scheduled, steps
	for (let i = at + 1; i <= at + 10; i++) if (!isNumber(event[i])) return undefined;
	const previousDue: unknown = event[at + 11];
	const durationMs: unknown = event[at + 12];
	if (previousDue !== null && !isNumber(previousDue)) return undefined;
	if (durationMs !== null && !isNumber(durationMs)) return undefined;
	const row = {
		uid,
		itemId,
		rating: event[at + 1],
		state: event[at + 2],
		review: new Date(event[at + 3] as number),
		due: new Date(event[at + 4] as number),
		stability: event[at + 5],
		difficulty: event[at + 6],
		elapsed_days: event[at + 7],
		last_elapsed_days: event[at + 8],
		scheduled_days: event[at + 9],
		learning_steps: event[at + 10]
	} as StudyReview;
	if (previousDue !== null) row.previousDue = new Date(previousDue);
	if (durationMs !== null) row.durationMs = durationMs;
	return row;
}
