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
	const keys = Object.keys(from);
	const own = new Set(keys);
	const out: Record<string, unknown> = {};
	// defined, not assigned: a field named `__proto__` (or `toString`) is a field like any other
	const put = (key: string) =>
		Object.defineProperty(out, key, {
			value: from[key],
			enumerable: true,
			writable: true,
			configurable: true
		});
	for (const key of KEY_ORDER) if (own.has(key)) put(key);
	for (const key of keys) if (!FIELDS.has(key)) put(key);
	return out as T;
}

/** The packed form of a log's ratings; `version` lets a later form be told apart. */
export interface PackedReviews {
	version: 1;
	uids: string[];
	/** `WIDTH` numbers a rating, in `COLUMNS` order; NaN where an optional field is absent. */
	numbers: Float64Array;
}

/** The number columns: every field but the two strings, in field order (read by position). */
const COLUMNS = KEY_ORDER.filter((field) => field !== 'itemId' && field !== 'uid');
const WIDTH = COLUMNS.length;
const DATES: ReadonlySet<string> = new Set(['due', 'review', 'previousDue']);
/** The columns that must hold a number (the dates and the optional fields are checked apart). */
const NUMBERS: readonly string[] = COLUMNS.filter(
	(field) => !DATES.has(field) && field !== 'durationMs'
);

/** Every field a packed rating may have (all but `previousDue` and `durationMs` it must). */
const FIELDS: ReadonlySet<string> = new Set(KEY_ORDER);

/** A Date's time as structured clone reads it (not through a `getTime` of its own). */
const timeOf = (date: Date) => Date.prototype.getTime.call(date);

/** Whether `x` is a Date structured clone keeps as one (it has a time, whatever it inherits). */
function isDate(x: unknown): x is Date {
	if (!(x instanceof Date)) return false;
	try {
		timeOf(x);
		return true;
	} catch {
		return false; // made from Date.prototype without being a Date: cloned as an object
	}
}

/** How a rating packs: not at all, or with which of its optional fields. */
const NOT = -1;
const PREVIOUS = 1;
const DURATION = 2;

/**
 * Whether `row` unpacks to exactly what IndexedDB would have stored of it under the card
 * `itemId`, and with which optional fields. Only a plain object packs (structured clone makes
 * a Map, an Array or the like something else), with its own enumerable fields: those alone
 * are cloned, and a Date keeps its time alone.
 */
function packing(itemId: string, row: unknown): number {
	if (typeof row !== 'object' || row === null || Object.getPrototypeOf(row) !== Object.prototype)
		return NOT;
	const r = row as Record<string, unknown>;
	let required = 0;
	let optional = 0;
	for (const key of Object.keys(r)) {
		if (key === 'previousDue') optional |= PREVIOUS;
		else if (key === 'durationMs') optional |= DURATION;
		else if (FIELDS.has(key)) required++;
		else return NOT;
	}
	if (required !== FIELDS.size - 2) return NOT;
	if (typeof r.uid !== 'string' || r.itemId !== itemId) return NOT;
	for (const field of NUMBERS) if (typeof r[field] !== 'number') return NOT;
	if (!isDate(r.due) || !isDate(r.review)) return NOT;
	// absent is NaN, so a present optional field must be a number that is not NaN
	if (optional & PREVIOUS && !(isDate(r.previousDue) && !Number.isNaN(timeOf(r.previousDue))))
		return NOT;
	if (optional & DURATION && !(typeof r.durationMs === 'number' && !Number.isNaN(r.durationMs)))
		return NOT;
	return optional;
}

/**
 * Packs `reviews` up to the first that does not pack; answers the columns (none when nothing
 * packs) and the rest as rows. Reads list the packed ratings first, so stopping there keeps
 * every log's order as written (a backup of it lists the same text after a restore).
 */
export function packReviews(
	itemId: string,
	reviews: readonly ReviewRow[]
): { packed?: PackedReviews; rows: ReviewRow[] } {
	const optional: number[] = [];
	for (const review of reviews) {
		const how = packing(itemId, review);
		if (how === NOT) break;
		optional.push(how);
	}
	const rows = reviews.slice(optional.length);
	if (optional.length === 0) return { rows };
	const numbers = new Float64Array(optional.length * WIDTH);
	const uids: string[] = [];
	optional.forEach((how, i) => {
		const r = reviews[i]!;
		const at = i * WIDTH;
		uids.push(r.uid!);
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
		// (only an own field: an inherited one is no part of the row as stored)
		numbers[at + 10] = how & PREVIOUS ? timeOf(r.previousDue!) : NaN;
		numbers[at + 11] = how & DURATION ? r.durationMs! : NaN;
	});
	return { packed: { version: 1, uids, numbers }, rows };
}

/** Whether a stored packed field is one this version wrote (else it is kept, unread). */
function isReadable(packed: unknown): packed is PackedReviews {
	if (typeof packed !== 'object' || packed === null) return false;
	const { version, uids, numbers } = packed as Partial<PackedReviews>;
	if (
		version !== 1 ||
		!Array.isArray(uids) ||
		!(numbers instanceof Float64Array) ||
		numbers.length !== uids.length * WIDTH
	)
		return false;
	// (every index: `every` would skip a hole)
	for (let i = 0; i < uids.length; i++) if (typeof uids[i] !== 'string') return false;
	return true;
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
