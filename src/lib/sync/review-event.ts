// A review as it travels in a sync document: a compact array (about a third of the object's
// size), keyed in the document by its global id. Decoding checks the shape only; storage then
// checks the row with the same schemas as a backup's rows before anything is written.
import type { StudyReview } from '../srs/types';

const VERSION = 1;

/** A review's sync form. */
export type ReviewEvent = readonly unknown[];

const dateMs = (date: Date | undefined) => (date === undefined ? null : date.getTime());

/** The sync form of a stored review (its local key stays on this device). */
export function encodeReviewEvent(review: StudyReview): ReviewEvent {
	return [
		VERSION,
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

const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** The review an event stands for, with `uid`, or undefined when its shape is wrong. */
export function decodeReviewEvent(uid: string, event: unknown): StudyReview | undefined {
	if (!Array.isArray(event) || event.length !== 14 || event[0] !== VERSION) return undefined;
	const [
		,
		itemId,
		rating,
		state,
		review,
		due,
		stability,
		difficulty,
		elapsed,
		lastElapsed,
		scheduled,
		steps,
		previousDue,
		durationMs
	] = event as unknown[];
	if (typeof itemId !== 'string') return undefined;
	const numbers = [
		rating,
		state,
		review,
		due,
		stability,
		difficulty,
		elapsed,
		lastElapsed,
		scheduled,
		steps
	];
	if (!numbers.every(isNumber)) return undefined;
	if (previousDue !== null && !isNumber(previousDue)) return undefined;
	if (durationMs !== null && !isNumber(durationMs)) return undefined;
	const row = {
		uid,
		itemId,
		rating,
		state,
		review: new Date(review as number),
		due: new Date(due as number),
		stability,
		difficulty,
		elapsed_days: elapsed,
		last_elapsed_days: lastElapsed,
		scheduled_days: scheduled,
		learning_steps: steps
	} as StudyReview;
	if (previousDue !== null) row.previousDue = new Date(previousDue as number);
	if (durationMs !== null) row.durationMs = durationMs as number;
	return row;
}
