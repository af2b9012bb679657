// The backup file: one JSON document holding every table, validated as a whole before any
// of it may touch the database. Pure (no Dexie), so the page can preview a file for free.
//
// Dates: the known date fields of each table (`due`, `review`, `startedAt`, ...) are ISO 8601
// strings, readable by people and other tools. Inside free-form values (attempt plans and
// answers, assignment data, receipts, settings, fields added later) a Date is written as
// { "$date": "<ISO>" } and a non-finite number as { "$number": "NaN" }, so they come back as
// they were; an object that happens to have only such a key is wrapped as { "$escaped": ... }.
// Free-form values are otherwise plain JSON: Maps, Sets or typed arrays are not kept.
import { State } from '../srs/fsrs-constants';
import * as v from 'valibot';
import { anyIsoDate, asFileRow, rowSchemas } from './row-schemas';
import { validate as validateFile, type SchemaError } from './generated/backup-schema-validator';
import type {
	AssignmentRow,
	AttemptRow,
	CardFlagRow,
	CardRow,
	CardWordingRow,
	OwnCardRow,
	ReviewRow,
	SettingRow,
	SubmissionRow,
	TombstoneRow
} from './db';

export const BACKUP_FORMAT = 'sahel-brief-backup';
export const BACKUP_FORMAT_VERSION = 1;
/** Files above this size are refused before parsing (100,000 reviews take about 35 MB). */
export const DEFAULT_MAX_BACKUP_BYTES = 256 * 1024 * 1024;

export const BACKUP_ERROR_CODES = [
	'empty',
	'too-large',
	'not-json',
	'truncated',
	'wrong-format',
	'newer-version',
	'incomplete',
	'invalid-rows',
	'other-pack',
	'quota',
	'write-failed',
	'read-failed'
] as const;
export type BackupErrorCode = (typeof BACKUP_ERROR_CODES)[number];

/** A backup that could not be read, checked or written; `message` is a plain sentence. */
export class BackupError extends Error {
	constructor(
		readonly code: BackupErrorCode,
		message: string,
		options?: { cause?: unknown }
	) {
		super(message, options);
		this.name = 'BackupError';
	}
}

/** A review row as stored, with the optional fields the study page adds. */
export type BackupReviewRow = ReviewRow & { previousDue?: Date; durationMs?: number };

/** Every table of the database, rows as stored. */
export interface BackupTables {
	cards: CardRow[];
	reviews: BackupReviewRow[];
	attempts: AttemptRow[];
	assignments: AssignmentRow[];
	submissions: SubmissionRow[];
	settings: SettingRow[];
	/** The learner's marks on cards (added with schema version 2; older files have none). */
	cardFlags: CardFlagRow[];
	/** The cards the learner wrote (added with schema version 7; older files have none). */
	ownCards: OwnCardRow[];
	/** The learner's wording of bank cards (schema version 7; older files have none). */
	cardWordings: CardWordingRow[];
	/**
	 * Undone reviews, by global id (schema version 6), so a Merge of this file on another
	 * device takes the rating back there too; files made before they were written have none.
	 */
	tombstones: TombstoneRow[];
}

export type BackupTableName = keyof BackupTables;

export const BACKUP_TABLES = [
	'cards',
	'reviews',
	'attempts',
	'assignments',
	'submissions',
	'settings',
	'cardFlags',
	'ownCards',
	'cardWordings',
	'tombstones'
] as const satisfies readonly BackupTableName[];

/** A backup in memory, Dates revived. */
export interface Backup {
	format: typeof BACKUP_FORMAT;
	formatVersion: number;
	appVersion: string;
	exportedAt: Date;
	tables: BackupTables;
	/**
	 * The pack (article) of each study row's item, by item id, written on the row in the file
	 * as `packId`. Files made before rows carried it hold the one pack the app shipped then.
	 */
	packs?: ReadonlyMap<string, string>;
}

/** What a backup holds, for the preview before "Replace" or "Merge". */
export interface BackupSummary {
	appVersion: string;
	exportedAt: Date;
	counts: Record<BackupTableName, number>;
	/** Cards studied at least once (not New). */
	studiedCards: number;
	firstReview: Date | undefined;
	lastReview: Date | undefined;
}

// ---- schemas: what a row must look like in the file (dates still strings) ----
// The row schemas (with their ranges) live in row-schemas.ts: the same ones check the
// database's own rows on every read.

interface TableSpec {
	/** Fields written as plain ISO strings. */
	dates: readonly string[];
	/** Study rows: in the file each names the pack (article) of its item, `packId`. */
	study?: true;
	/** Primary key, for the duplicate check; undefined keys (new reviews) are not compared. */
	key: string;
	/** How the table is named in messages. */
	label: string;
}

const TABLE_SPECS: Record<BackupTableName, TableSpec> = {
	cards: { dates: ['due', 'last_review'], key: 'itemId', label: 'cards', study: true },
	reviews: {
		dates: ['due', 'review', 'previousDue'],
		key: 'id',
		label: 'reviews',
		study: true
	},
	attempts: {
		dates: ['startedAt', 'finishedAt'],
		key: 'id',
		label: 'quiz attempts'
	},
	assignments: {
		dates: ['createdAt'],
		key: 'id',
		label: 'assignments'
	},
	submissions: {
		dates: ['importedAt'],
		key: 'id',
		label: 'submissions'
	},
	settings: { dates: [], key: 'key', label: 'settings' },
	cardFlags: {
		dates: ['buriedUntil', 'resetAt'],
		key: 'itemId',
		label: 'card marks',
		study: true
	},
	// an own card names its article itself (packId on the row); a wording is of a bank item
	ownCards: { dates: ['createdAt', 'updatedAt'], key: 'id', label: 'own cards' },
	cardWordings: { dates: ['updatedAt'], key: 'itemId', label: 'card wordings', study: true },
	tombstones: { dates: ['at'], key: 'uid', label: 'undone reviews' }
};

// tables added after the first backup format: a file made before them simply has none
const LATER_TABLES: ReadonlySet<BackupTableName> = new Set([
	'cardFlags',
	'ownCards',
	'cardWordings',
	'tombstones'
]);

const headerSchema = v.object({
	appVersion: v.string(),
	exportedAt: anyIsoDate,
	tables: v.object(
		Object.fromEntries(
			BACKUP_TABLES.map((name) => [
				name,
				LATER_TABLES.has(name) ? v.optional(v.array(v.unknown()), []) : v.array(v.unknown())
			])
		) as Record<BackupTableName, v.ArraySchema<v.UnknownSchema, undefined>>
	)
});

// ---- encoding and decoding of values ----

const TAGS = new Set(['$date', '$number', '$escaped']);

function isPlainObject(value: unknown): value is Record<string, unknown> {
	if (value === null || typeof value !== 'object') return false;
	const proto = Object.getPrototypeOf(value);
	return proto === Object.prototype || proto === null;
}

/**
 * How deep a free-form value may nest. The app's own values nest a few levels; a file nested
 * thousands deep would overflow the stack of every later read, so it is refused on import.
 */
export const MAX_VALUE_DEPTH = 64;

function tooDeep(): BackupError {
	return new BackupError(
		'invalid-rows',
		`This backup holds a value nested more than ${MAX_VALUE_DEPTH} levels deep, which this app never writes, so nothing was imported.`
	);
}

/** A free-form value as JSON data, Dates and non-finite numbers tagged. */
function encodeValue(value: unknown, depth = 0): unknown {
	if (depth > MAX_VALUE_DEPTH) throw tooDeep();
	if (typeof value === 'number') {
		return Number.isFinite(value) ? value : { $number: String(value) };
	}
	if (value === null || typeof value !== 'object') return value;
	if (value instanceof Date) return { $date: isoOf(value) };
	if (Array.isArray(value))
		return value.map((x) => (x === undefined ? null : encodeValue(x, depth + 1)));
	const out: Record<string, unknown> = {};
	let keys = 0;
	let onlyKey = '';
	for (const [k, x] of Object.entries(value)) {
		if (x === undefined) continue;
		setOwn(out, k, encodeValue(x, depth + 1));
		keys++;
		onlyKey = k;
	}
	// an object that would read back as a tag is wrapped, so it reads back as itself
	return keys === 1 && TAGS.has(onlyKey) ? { $escaped: out } : out;
}

/** The inverse of `encodeValue`. */
function decodeValue(value: unknown, depth = 0): unknown {
	if (value === null || typeof value !== 'object') return value;
	if (depth > MAX_VALUE_DEPTH) throw tooDeep();
	if (Array.isArray(value)) return value.map((x) => decodeValue(x, depth + 1));
	const record = value as Record<string, unknown>;
	const keys = Object.keys(record);
	if (keys.length === 1) {
		const [k] = keys;
		const x = record[k!];
		if (k === '$date' && typeof x === 'string') return new Date(x);
		if (k === '$number' && typeof x === 'string') return Number(x);
		if (k === '$escaped' && isPlainObject(x)) return decodeObject(x, depth + 1);
	}
	return decodeObject(record, depth);
}

function decodeObject(record: Record<string, unknown>, depth: number): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const k of Object.keys(record)) setOwn(out, k, decodeValue(record[k], depth + 1));
	return out;
}

/** Sets a property even when it is named "__proto__", without touching the prototype. */
function setOwn(target: Record<string, unknown>, k: string, value: unknown): void {
	if (k === '__proto__') {
		Object.defineProperty(target, k, {
			value,
			enumerable: true,
			writable: true,
			configurable: true
		});
	} else target[k] = value;
}

function isoOf(date: Date): string | null {
	// an invalid Date has no ISO form; null keeps the file valid JSON and is refused on import
	return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function encodeRow(row: object, dates: readonly string[]): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [k, x] of Object.entries(row)) {
		if (x === undefined) continue;
		setOwn(out, k, dates.includes(k) && x instanceof Date ? isoOf(x) : encodeValue(x));
	}
	return out;
}

function decodeRow(
	row: Record<string, unknown>,
	dates: readonly string[]
): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const k of Object.keys(row)) {
		const x = row[k];
		setOwn(out, k, dates.includes(k) && typeof x === 'string' ? new Date(x) : decodeValue(x));
	}
	return out;
}

// ---- one row as text (sync carries attempts, assignments and receipts this way) ----

/** A row as the JSON text of its backup row: known dates as ISO strings, other values tagged. */
export function rowText(table: BackupTableName, row: object): string {
	return JSON.stringify(encodeRow(row, TABLE_SPECS[table].dates));
}

/** The row a `rowText` stands for, Dates revived (not yet checked), or undefined if it is not one. */
export function rowFromText(
	table: BackupTableName,
	text: string
): Record<string, unknown> | undefined {
	try {
		const data = JSON.parse(text) as unknown;
		return isPlainObject(data) ? decodeRow(data, TABLE_SPECS[table].dates) : undefined;
	} catch {
		return undefined; // not JSON, or nested deeper than any row the app writes
	}
}

// ---- the public functions ----

/**
 * A backup of `tables` made at `now` by app version `appVersion`; `packs` names the pack of
 * each study row's item (an item it does not list, such as a retired one, is written without).
 */
export function createBackup(
	tables: BackupTables,
	now: Date,
	appVersion: string,
	packs?: ReadonlyMap<string, string>
): Backup {
	return {
		format: BACKUP_FORMAT,
		formatVersion: BACKUP_FORMAT_VERSION,
		appVersion,
		exportedAt: now,
		tables,
		...(packs ? { packs } : {})
	};
}

/** The backup as the text of the file. */
export function serializeBackup(backup: Backup): string {
	const tables: Record<string, unknown[]> = {};
	for (const name of BACKUP_TABLES) {
		const { dates, study } = TABLE_SPECS[name];
		tables[name] = backup.tables[name].map((row) => {
			const packId = study && backup.packs?.get((row as { itemId: string }).itemId);
			return packId ? { ...encodeRow(row, dates), packId } : encodeRow(row, dates);
		});
	}
	return JSON.stringify({
		format: backup.format,
		formatVersion: backup.formatVersion,
		appVersion: backup.appVersion,
		exportedAt: isoOf(backup.exportedAt),
		tables
	});
}

function byteLength(text: string): number {
	let bytes = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c < 0x80) bytes += 1;
		else if (c < 0x800) bytes += 2;
		else if (c >= 0xd800 && c <= 0xdbff) {
			bytes += 4; // a surrogate pair is one 4-byte character
			i++;
		} else bytes += 3;
	}
	return bytes;
}

/** Whether JSON-like text ends inside a string or with an object or list still open. */
function isUnclosed(text: string): boolean {
	let depth = 0;
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (inString) {
			if (c === '\\') i++;
			else if (c === '"') inString = false;
		} else if (c === '"') inString = true;
		else if (c === '{' || c === '[') depth++;
		else if (c === '}' || c === ']') depth--;
	}
	return inString || depth > 0;
}

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/** A plain sentence naming the first problem valibot found in one row. */
function rowProblem(label: string, index: number, issue: v.BaseIssue<unknown>): string {
	const path = v.getDotPath(issue);
	const where = path ? ` (${path}: ${issue.message})` : ` (${issue.message})`;
	return `Entry ${index + 1} of the ${label} in this backup is damaged${where}, so nothing was imported.`;
}

/**
 * Reads and checks a whole backup file; throws a BackupError saying what is wrong with it.
 * Nothing is returned until every row of every table has passed.
 */
export function parseBackup(
	text: string,
	{
		maxBytes = DEFAULT_MAX_BACKUP_BYTES,
		now = new Date(),
		packs: appPacks
	}: {
		maxBytes?: number;
		now?: Date;
		/**
		 * The packs this app has, and the pack of each of their items: study rows naming another
		 * pack, or the wrong pack for their item, are refused.
		 */
		packs?: AppPacks;
	} = {}
): Backup {
	if (text.trim() === '') throw new BackupError('empty', 'The file is empty.');
	// a character is at least one byte, so only texts that might fit need counting
	if (text.length > maxBytes || (text.length * 3 > maxBytes && byteLength(text) > maxBytes)) {
		throw new BackupError(
			'too-large',
			`The file is larger than ${megabytes(maxBytes)}, too large to be a backup of this app.`
		);
	}

	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (cause) {
		// our backups are one JSON object; one that never closes was cut off while copying
		if (text.trimStart().startsWith('{') && isUnclosed(text)) {
			throw new BackupError(
				'truncated',
				'The backup file is incomplete: it was probably cut off while being saved or copied.',
				{ cause }
			);
		}
		throw new BackupError('not-json', 'This file is not a backup: it is not JSON data.', {
			cause
		});
	}

	if (!isPlainObject(data) || data.format !== BACKUP_FORMAT) {
		throw new BackupError('wrong-format', 'This file is not a Sahel Brief backup.');
	}
	const version = data.formatVersion;
	if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
		throw new BackupError('wrong-format', 'This backup has no valid format version.');
	}
	if (version > BACKUP_FORMAT_VERSION) {
		throw new BackupError(
			'newer-version',
			'This backup was made by a newer version of the app. Update the app, then import it again.'
		);
	}

	const header = v.safeParse(headerSchema, data, { abortEarly: true });
	if (!header.success) {
		const path = v.getDotPath(header.issues[0]);
		throw new BackupError(
			'incomplete',
			`This backup is incomplete or damaged${path ? ` (${path} is missing or wrong)` : ''}, so nothing was imported.`
		);
	}

	const schemas = rowSchemas(now);
	const tables = {} as Record<BackupTableName, unknown[]>;
	const packs = new Map<string, string>();
	for (const name of BACKUP_TABLES) {
		const spec = TABLE_SPECS[name];
		const rows = header.output.tables[name];
		const seen = new Set<unknown>();
		for (let i = 0; i < rows.length; i++) {
			const result = v.safeParse(schemas[name], rows[i], { abortEarly: true });
			if (!result.success) {
				throw new BackupError('invalid-rows', rowProblem(spec.label, i, result.issues[0]));
			}
			const id = (rows[i] as Record<string, unknown>)[spec.key];
			if (id === undefined) continue;
			if (seen.has(id)) {
				throw new BackupError(
					'invalid-rows',
					`The ${spec.label} in this backup list the same entry twice (${spec.key} ${JSON.stringify(id)}), so nothing was imported.`
				);
			}
			seen.add(id);
		}
		if (spec.study) checkPacks(rows, spec.label, appPacks, packs);
		// decoded only once every row of this table passed; nothing is half-built on failure;
		// the pack id is not stored: item ids are unique across packs, so the item names it
		const decoded = rows.map((row) =>
			decodeRow(withoutPack(row as Record<string, unknown>, spec.study), spec.dates)
		);
		// checked again as it will be stored: a tagged value ({ "$number": "NaN" }) passes as
		// an object in the file but decodes to what the row must not hold
		for (let i = 0; i < decoded.length; i++) {
			const result = v.safeParse(schemas[name], asFileRow(decoded[i], spec.dates), {
				abortEarly: true
			});
			if (!result.success) {
				throw new BackupError('invalid-rows', rowProblem(spec.label, i, result.issues[0]));
			}
		}
		tables[name] =
			name === 'reviews' ? foldReviews(decoded as unknown as BackupReviewRow[]) : decoded;
	}

	// last, the documented schema itself (docs/backup.schema.json): the checks above name the
	// row at fault in the learner's words; this one makes the file's documentation a promise
	if (!validateFile(data))
		throw new BackupError('invalid-rows', schemaProblem(validateFile.errors));

	return {
		format: BACKUP_FORMAT,
		formatVersion: version,
		appVersion: header.output.appVersion,
		exportedAt: new Date(header.output.exportedAt),
		tables: tables as unknown as BackupTables,
		...(packs.size > 0 ? { packs } : {})
	};
}

/** The packs an app has, and the pack of each of their items (item ids are unique across packs). */
export interface AppPacks {
	known: ReadonlySet<string>;
	ofItem: ReadonlyMap<string, string>;
}

/**
 * Checks the pack each study row names (rows with none are older, of the pack shipped then)
 * against the packs this app has, and the other rows of the same item; adds them to `packs`.
 */
function checkPacks(
	rows: readonly unknown[],
	label: string,
	app: AppPacks | undefined,
	packs: Map<string, string>
): void {
	for (const row of rows) {
		const { packId, itemId } = row as Record<string, unknown>;
		if (packId === undefined) continue;
		if (typeof packId !== 'string' || packId === '' || typeof itemId !== 'string') {
			throw new BackupError(
				'invalid-rows',
				`Some ${label} in this backup name no valid article (packId), so nothing was imported.`
			);
		}
		if (app && !app.known.has(packId)) {
			throw new BackupError(
				'other-pack',
				`This backup holds study of an article this app does not have (${JSON.stringify(packId)}), so nothing was imported.`
			);
		}
		const seen = packs.get(itemId) ?? app?.ofItem.get(itemId);
		if (seen !== undefined && seen !== packId) {
			throw new BackupError(
				'invalid-rows',
				`The ${label} in this backup give one card two articles (${JSON.stringify(seen)} and ${JSON.stringify(packId)}), so nothing was imported.`
			);
		}
		packs.set(itemId, packId);
	}
}

function withoutPack(row: Record<string, unknown>, study: true | undefined) {
	if (!study || !('packId' in row)) return row;
	const rest = { ...row };
	delete rest.packId;
	return rest;
}

/** Where and how a file fails the schema, in words (Ajv's first error). */
function schemaProblem(errors: readonly SchemaError[] | null | undefined): string {
	const error = errors?.[0];
	const where = error?.instancePath
		? error.instancePath.slice(1).split('/').join(' › ')
		: 'the file';
	return `This backup does not match the documented backup format (${where}: ${error?.message ?? 'invalid'}), so nothing was imported.`;
}

/**
 * The reviews with repeats folded: the same card rated at the same millisecond is one
 * review, however often the file lists it (a review without an id would otherwise be
 * stored once per listing). The first listing is kept.
 */
function foldReviews(reviews: BackupReviewRow[]): BackupReviewRow[] {
	const seen = new Set<string>();
	return reviews.filter((r) => {
		const identity = `${r.itemId}\u0000${r.review.getTime()}`;
		if (seen.has(identity)) return false;
		seen.add(identity);
		return true;
	});
}

/** Counts and review dates of a backup, for the preview shown before importing it. */
export function summarizeBackup(backup: Backup): BackupSummary {
	const counts = {} as Record<BackupTableName, number>;
	for (const name of BACKUP_TABLES) counts[name] = backup.tables[name].length;
	let first = Infinity;
	let last = -Infinity;
	for (const { review } of backup.tables.reviews) {
		const t = review.getTime();
		if (t < first) first = t;
		if (t > last) last = t;
	}
	return {
		appVersion: backup.appVersion,
		exportedAt: backup.exportedAt,
		counts,
		studiedCards: backup.tables.cards.filter((c) => c.state !== State.New).length,
		firstReview: Number.isFinite(first) ? new Date(first) : undefined,
		lastReview: Number.isFinite(last) ? new Date(last) : undefined
	};
}
