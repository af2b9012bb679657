// How the other things a learner owns merge, so every device ends with the same rows and none
// is lost. Each rule is a total order: a device keeps whichever copy ranks first and writes its
// own into the document only when it outranks the document's, so whatever order devices meet
// in, they all settle on the same copy.
// - attempts (quizzes, assignments and the receipt code a finished one holds), by id: a
//   finished copy outranks an unfinished one and is never replaced (if two devices finished
//   the same attempt, the one finished first counts); between unfinished copies the one that
//   got further (more answers, then a later question) wins, as backup Merge decides;
// - assignments and imported receipts, by id: written once; if two devices stored the same id
//   (the same receipt imported on both), the one stored first is kept;
// - own cards and the learner's wordings of bank cards, by id: the last change wins, by the
//   time it was made; a removal (an own card deleted, a wording taken back to the bank's) is a
//   change too and travels as `{ <key>, removedAt }`, so a deleted card stays deleted on every
//   device, and an edit made after the removal (or its Undo) brings the card back;
// - card marks (suspended, buried, flag, reset), per card and per mark: the last change wins,
//   by the time it was made (a mark taken off is a change too, with its own time).
// Rows travel as the text of their backup row (dates as ISO strings), which storage checks
// with the backup's row schemas before anything is written. Pure: no Dexie, no Svelte.
import { CARD_MARK_FIELDS, type CardMarkField } from '../srs/card-flags';

/** The document maps holding rows keyed by id. */
export const ROW_MAPS = [
	'attempts',
	'assignments',
	'submissions',
	'ownCards',
	'cardWordings'
] as const;
export type RowMapName = (typeof ROW_MAPS)[number];

/** The row maps whose rows can be removed (the others are only ever added or replaced). */
export const REMOVABLE_MAPS = ['ownCards', 'cardWordings'] as const;
export type RemovableMapName = (typeof REMOVABLE_MAPS)[number];

export const isRemovable = (kind: RowMapName): kind is RemovableMapName =>
	(REMOVABLE_MAPS as readonly string[]).includes(kind);

/** The field a row map's rows are keyed by. */
export const ROW_KEY: Record<RowMapName, string> = {
	attempts: 'id',
	assignments: 'id',
	submissions: 'id',
	ownCards: 'id',
	cardWordings: 'itemId'
};

/** The text a removal travels as: the row's key and when it was removed. */
export const removalText = (kind: RemovableMapName, key: string, at: Date) =>
	JSON.stringify({ [ROW_KEY[kind]]: key, removedAt: at.toISOString() });

/** When `text` is a removal of `key` (and nothing else), the time it was made. */
export function removedAt(kind: RowMapName, key: string, text: string): Date | undefined {
	if (!isRemovable(kind)) return undefined;
	const row = parse(text);
	if (!row || Object.keys(row).length !== 2 || row[ROW_KEY[kind]] !== key) return undefined;
	const at = time(row.removedAt);
	return Number.isNaN(at) || at < 0 ? undefined : new Date(at);
}

/** A card's marks that sync, each merged on its own. */
export const MARK_FIELDS = CARD_MARK_FIELDS;
export type MarkField = CardMarkField;

/** One mark of one card: its value (null when taken off; dates as epoch ms) and when it was set. */
export interface MarkEntry {
	itemId: string;
	field: MarkField;
	value: boolean | number | string | null;
	/** Epoch ms of the change (0 for a mark made before marks carried times). */
	at: number;
}

type Parsed = Record<string, unknown> | undefined;

function parse(text: string): Parsed {
	try {
		const value = JSON.parse(text) as unknown;
		return typeof value === 'object' && value !== null && !Array.isArray(value)
			? (value as Record<string, unknown>)
			: undefined;
	} catch {
		return undefined;
	}
}

const time = (x: unknown) => (typeof x === 'string' ? Date.parse(x) : NaN);

/** Negative when `a` ranks first, positive when `b` does, 0 when neither is before the other. */
type Rank = (a: Record<string, unknown>, b: Record<string, unknown>) => number;

const earlier =
	(field: string): Rank =>
	(a, b) => {
		const ta = time(a[field]);
		const tb = time(b[field]);
		if (Number.isNaN(ta) || Number.isNaN(tb)) return 0;
		return ta - tb;
	};

const answerCount = (row: Record<string, unknown>) =>
	typeof row.answers === 'object' && row.answers !== null ? Object.keys(row.answers).length : 0;

const attemptRank: Rank = (a, b) => {
	const fa = typeof a.finishedAt === 'string';
	const fb = typeof b.finishedAt === 'string';
	if (fa !== fb) return fa ? -1 : 1;
	if (fa) return earlier('finishedAt')(a, b);
	const further = answerCount(b) - answerCount(a);
	if (further !== 0) return further;
	return Number(b.position ?? 0) - Number(a.position ?? 0);
};

/** The later change first: an edit by its `updatedAt`, a removal by its `removedAt`. */
const laterChange: Rank = (a, b) => {
	const changed = (row: Record<string, unknown>) => time(row.removedAt ?? row.updatedAt);
	const ta = changed(a);
	const tb = changed(b);
	if (Number.isNaN(ta) || Number.isNaN(tb)) return 0;
	if (ta !== tb) return tb - ta;
	// at the same millisecond, the removal (the text decides between two edits)
	return Number('removedAt' in b) - Number('removedAt' in a);
};

const RANKS: Record<RowMapName, Rank> = {
	attempts: attemptRank,
	assignments: earlier('createdAt'),
	submissions: earlier('importedAt'),
	ownCards: laterChange,
	cardWordings: laterChange
};

/**
 * Whether the copy `a` of a row outranks the copy `b` (both as their text): the one every
 * device keeps. A copy that is not a row at all never outranks one that is; two copies that
 * rank alike are told apart by their text, so the order is total.
 */
export function outranks(kind: RowMapName, a: string, b: string): boolean {
	if (a === b) return false;
	const pa = parse(a);
	const pb = parse(b);
	if (!pa || !pb) return pa !== undefined;
	const rank = RANKS[kind](pa, pb);
	if (rank !== 0 && !Number.isNaN(rank)) return rank < 0;
	return a < b;
}

/** The document key of one card's mark. */
export const markKey = (field: MarkField, itemId: string) => `${field}:${itemId}`;

const isMarkValue = (x: unknown): x is MarkEntry['value'] =>
	x === null ||
	typeof x === 'boolean' ||
	typeof x === 'string' ||
	(typeof x === 'number' && Number.isFinite(x));

/** A mark as the document holds it (`[value, at]` under `field:itemId`), or undefined if malformed. */
export function decodeMark(key: string, raw: unknown): MarkEntry | undefined {
	const colon = key.indexOf(':');
	const field = key.slice(0, colon) as MarkField;
	const itemId = key.slice(colon + 1);
	if (colon < 0 || !MARK_FIELDS.includes(field) || itemId === '') return undefined;
	if (!Array.isArray(raw) || raw.length !== 2) return undefined;
	const [value, at] = raw as unknown[];
	if (!isMarkValue(value) || typeof at !== 'number' || !Number.isFinite(at) || at < 0)
		return undefined;
	return { itemId, field, value, at };
}

/** A mark's document form. */
export const encodeMark = (mark: MarkEntry): [MarkEntry['value'], number] => [mark.value, mark.at];

/** Whether mark `a` is the later change (equal times: told apart by value, so all devices agree). */
export function isLaterMark(
	a: Pick<MarkEntry, 'value' | 'at'>,
	b: Pick<MarkEntry, 'value' | 'at'>
): boolean {
	if (a.at !== b.at) return a.at > b.at;
	return JSON.stringify(a.value) > JSON.stringify(b.value);
}

/** How a refused copy is remembered, so it is neither looked at nor counted again (until it changes). */
export const refusalOf = (map: string, key: string, value: unknown) =>
	`${map}\u0000${key}\u0000${typeof value === 'string' ? value : JSON.stringify(value)}`;

/** Arrivals at least this many reviews large leave their steps' times in the performance timeline. */
export const TIMED_ARRIVAL = 1000;

/**
 * Records the steps of one bulk arrival as performance marks (`sahel-sync:<step>`), which the
 * fresh-device benchmark reads; small arrivals leave none, so the timeline never grows.
 */
export function stepClock(bulk: () => boolean): (step: string) => void {
	const steps: [string, number][] = [];
	return (step) => {
		steps.push([step, performance.now()]);
		if (step !== 'done' || !bulk()) return;
		for (const [name, startTime] of steps) performance.mark(`sahel-sync:${name}`, { startTime });
	};
}
