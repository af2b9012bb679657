// A card's ratings as columns inside its log row: their ids as a list of strings and every
// other field as numbers in one Float64Array (dates as epoch milliseconds). IndexedDB copies a
// typed array in one piece but an object at a time, so a fresh device writing 100,000 arrived
// ratings spends a fraction of the time an object per rating costs (`npm run bench --
// browser-sync`). Only a rating that comes back exactly as it went in is packed: the app's
// own rows. Anything else (an older row without an id, a field this version does not know, a
// damaged entry) stays a row beside the columns, as it was.
import type { ReviewRow } from './db';

/** The order of a rating's fields as unpacked; a backup lists every rating's in it. */
const KEY_ORDER = [
	'rating',
	'state',
	'due',
	'stability',
	'difficulty',
	'elapsed_days',
	'last_elapsed_days',
	'scheduled_days',
	'learning_steps',
	'review',
	'itemId',
	'uid',
	'previousDue',
	'durationMs'
] as const;

/**
 * `row` with its fields in the order unpacked ratings have them (any others after, as they
 * were): a rating packed and read back lists the same text in a backup as before.
 */
export function inKeyOrder<T>(row: T): T {
	if (typeof row !== 'object' || row === null || Object.getPrototypeOf(row) !== Object.prototype)
		return row;
	const from = row as Record<string, unknown>;
	const out: Record<string, unknown> = {};
	for (const key of KEY_ORDER) if (key in from) out[key] = from[key];
	for (const key of Object.keys(from)) if (!(key in out)) out[key] = from[key];
	return out as T;
}

/** The packed form of a log's ratings; `version` lets a later form be told apart. */
export interface PackedReviews {
	version: 1;
	uids: string[];
	/** `WIDTH` numbers a rating, in `COLUMNS` order; NaN where an optional field is absent. */
	numbers: Float64Array;
}

type NumberField =
	| 'rating'
	| 'state'
	| 'stability'
	| 'difficulty'
	| 'elapsed_days'
	| 'last_elapsed_days'
	| 'scheduled_days'
	| 'learning_steps';

/** The number columns, in order (unpackReviews reads them by position). */
const COLUMNS = [
	'rating',
	'state',
	'due',
	'stability',
	'difficulty',
	'elapsed_days',
	'last_elapsed_days',
	'scheduled_days',
	'learning_steps',
	'review',
	'previousDue',
	'durationMs'
] as const satisfies readonly (keyof ReviewRow)[];
const WIDTH = COLUMNS.length;

const NUMBERS: readonly NumberField[] = [
	'rating',
	'state',
	'stability',
	'difficulty',
	'elapsed_days',
	'last_elapsed_days',
	'scheduled_days',
	'learning_steps'
];
/** Every field a packed rating may have (all but `previousDue` and `durationMs` it must). */
const FIELDS: ReadonlySet<string> = new Set(KEY_ORDER);

/** A Date's time as structured clone reads it (not through a `getTime` of its own). */
const timeOf = (date: Date) => Date.prototype.getTime.call(date);

/**
 * Whether `row` unpacks to exactly what IndexedDB would have stored of it under the card
 * `itemId`. Structured clone keeps an object's own enumerable string-keyed fields and a Date's
 * time alone, so those are what is compared.
 */
function packs(itemId: string, row: unknown): row is ReviewRow {
	if (typeof row !== 'object' || row === null) return false;
	const r = row as Record<string, unknown>;
	let required = 0;
	let previous = false;
	let duration = false;
	for (const key of Object.keys(r)) {
		if (key === 'previousDue') previous = true;
		else if (key === 'durationMs') duration = true;
		else if (FIELDS.has(key)) required++;
		else return false;
	}
	if (required !== FIELDS.size - 2) return false;
	if (typeof r.uid !== 'string' || r.itemId !== itemId) return false;
	for (const field of NUMBERS) if (typeof r[field] !== 'number') return false;
	if (!(r.due instanceof Date) || !(r.review instanceof Date)) return false;
	// absent is NaN, so a present optional field must be a number that is not NaN
	if (previous && !(r.previousDue instanceof Date && !Number.isNaN(timeOf(r.previousDue))))
		return false;
	if (duration && !(typeof r.durationMs === 'number' && !Number.isNaN(r.durationMs))) return false;
	return true;
}

/** Packs the ratings that pack; answers the columns (none when nothing packs) and the rest. */
export function packReviews(
	itemId: string,
	reviews: readonly ReviewRow[]
): { packed?: PackedReviews; rows: ReviewRow[] } {
	const packable: ReviewRow[] = [];
	const rows: ReviewRow[] = [];
	for (const review of reviews) (packs(itemId, review) ? packable : rows).push(review);
	if (packable.length === 0) return { rows };
	const numbers = new Float64Array(packable.length * WIDTH);
	packable.forEach((r, i) => {
		const at = i * WIDTH;
		// (by position in COLUMNS; written out, as this runs for every rating a device receives)
		numbers[at] = r.rating;
		numbers[at + 1] = r.state;
		numbers[at + 2] = timeOf(r.due);
		numbers[at + 3] = r.stability;
		numbers[at + 4] = r.difficulty;
		numbers[at + 5] = r.elapsed_days;
		numbers[at + 6] = r.last_elapsed_days;
		numbers[at + 7] = r.scheduled_days;
		numbers[at + 8] = r.learning_steps;
		numbers[at + 9] = timeOf(r.review);
		numbers[at + 10] = r.previousDue === undefined ? NaN : timeOf(r.previousDue);
		numbers[at + 11] = r.durationMs ?? NaN;
	});
	return { packed: { version: 1, uids: packable.map((r) => r.uid!), numbers }, rows };
}

/** Whether a stored packed field is one this version wrote (else it is kept, unread). */
function isReadable(packed: unknown): packed is PackedReviews {
	if (typeof packed !== 'object' || packed === null) return false;
	const { version, uids, numbers } = packed as Partial<PackedReviews>;
	return (
		version === 1 &&
		Array.isArray(uids) &&
		numbers instanceof Float64Array &&
		numbers.length === uids.length * WIDTH &&
		uids.every((uid) => typeof uid === 'string')
	);
}

/** The ids a stored packed field holds (none when it is not one this version reads). */
export function packedUids(packed: unknown): readonly string[] {
	return isReadable(packed) ? packed.uids : [];
}

/** The ratings of card `itemId` a stored packed field holds, or undefined when unreadable. */
export function unpackReviews(itemId: string, packed: unknown): ReviewRow[] | undefined {
	if (!isReadable(packed)) return undefined;
	const { uids, numbers } = packed;
	return uids.map((uid, i) => {
		const at = i * WIDTH;
		// (by position in COLUMNS)
		const row = {
			rating: numbers[at],
			state: numbers[at + 1],
			due: new Date(numbers[at + 2]!),
			stability: numbers[at + 3],
			difficulty: numbers[at + 4],
			elapsed_days: numbers[at + 5],
			last_elapsed_days: numbers[at + 6],
			scheduled_days: numbers[at + 7],
			learning_steps: numbers[at + 8],
			review: new Date(numbers[at + 9]!),
			itemId,
			uid
		} as ReviewRow;
		const previousDue = numbers[at + 10]!;
		const durationMs = numbers[at + 11]!;
		if (!Number.isNaN(previousDue)) row.previousDue = new Date(previousDue);
		if (!Number.isNaN(durationMs)) row.durationMs = durationMs;
		return row;
	});
}
