// The review row schema (row-schemas.ts) written out as plain checks. A sync arrival or a read
// of every log checks 100,000 ratings; through valibot each costs about 10 µs (its three dates
// turned into ISO strings, matched and parsed back), here a small fraction of that. The schema
// stays the rule: tests/unit/storage/review-row.test.ts holds this to the schema's answer on
// rows built to break it, field by field.
import { EARLIEST_DATE } from './date-range';

const EARLIEST = EARLIEST_DATE.getTime();

const inRange = (x: unknown, min: number, max: number) =>
	typeof x === 'number' && Number.isFinite(x) && x >= min && x <= max;

const isDateIn = (x: unknown, latest: number) => {
	if (!(x instanceof Date)) return false;
	const t = x.getTime();
	return t >= EARLIEST && t <= latest;
};

const isKey = (x: unknown): x is string => typeof x === 'string' && x.length >= 1;

const isPlainDate = (x: unknown) =>
	!(x instanceof Date) ||
	(Object.getPrototypeOf(x) === Date.prototype && !Object.hasOwn(x, 'toISOString'));

/**
 * Whether `row` is plain data, as IndexedDB, JSON and sync decoding give: an object of its own
 * enumerable fields, with Dates that are Dates. The schema reads a copy of the own enumerable
 * fields and each date's ISO text; on anything else (inherited or hidden fields, a date that
 * tells its own text) ask the schema itself.
 */
export function isPlainRow(row: unknown): boolean {
	if (typeof row !== 'object' || row === null) return true;
	const proto = Object.getPrototypeOf(row);
	if (proto !== Object.prototype && proto !== null) return false;
	if (Object.getOwnPropertyNames(row).length !== Object.keys(row).length) return false;
	const { due, review, previousDue } = row as Record<string, unknown>;
	return isPlainDate(due) && isPlainDate(review) && isPlainDate(previousDue);
}

/**
 * Whether a stored review row passes the review row schema whose latest date is `latest` (ms):
 * for a plain row (`isPlainRow`), the same answer as
 * `v.is(rowSchemas(now).reviews, asFileRow(row, DATE_FIELDS.reviews))`.
 */
export function isReviewRow(input: unknown, latest: number): boolean {
	if (typeof input !== 'object' || input === null) return false;
	const row = input as Record<string, unknown>;
	const { state, rating, id, uid, previousDue, durationMs, learning_steps: steps } = row;
	return (
		isDateIn(row.due, latest) &&
		isDateIn(row.review, latest) &&
		(previousDue === undefined || previousDue === null || isDateIn(previousDue, latest)) &&
		inRange(row.stability, 0, 1_000_000) &&
		inRange(row.difficulty, 0, 10) &&
		inRange(row.elapsed_days, 0, 1_000_000) &&
		inRange(row.scheduled_days, 0, 1_000_000) &&
		inRange(row.last_elapsed_days, 0, 1_000_000) &&
		inRange(steps, 0, 1_000_000) &&
		Number.isInteger(steps) &&
		(state === 0 || state === 1 || state === 2 || state === 3) &&
		(rating === 0 || rating === 1 || rating === 2 || rating === 3 || rating === 4) &&
		(id === undefined || (Number.isInteger(id) && (id as number) >= 1)) &&
		(uid === undefined || (isKey(uid) && uid.length <= 200)) &&
		isKey(row.itemId) &&
		(durationMs === undefined || inRange(durationMs, 0, 1e10))
	);
}
