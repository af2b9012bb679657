// Backup and restore of the whole database. Export reads every table in one read transaction
// (a consistent snapshot, even while another tab studies); import writes every table in one
// read-write transaction, so a full disk or any other failure leaves the database as it was.
import type { Table } from 'dexie';
import {
	BACKUP_TABLES,
	BackupError,
	createBackup,
	parseBackup,
	serializeBackup,
	summarizeBackup,
	type BackupSummary,
	type Backup,
	type BackupReviewRow,
	type BackupTableName,
	type BackupTables
} from './backup-format';
import {
	withCurrentPlan,
	type AttemptRow,
	type CardRow,
	type OwnRemovalRow,
	type ReviewRow,
	type SahelDatabase
} from './db';
import { database } from './repository';
import { missesRatings, replayCard } from '../srs/replay';
import { DEFAULT_STUDY_SETTINGS } from '../srs/settings';
import type { StudySettings } from '../srs/types';
import { validRows } from './stored-rows';
import { legacyReviewUid, reviewUid } from './review-uid';
import { applyArrivals, marksOf } from './sync-store';
import { addReviews, clearReviews, reviewsOfItems, storedReviews } from './review-log';
import { inKeyOrder } from './review-pack';

/** Replace: the database becomes the backup. Merge: the union of both (see `mergePlan`). */
export type ImportMode = 'replace' | 'merge';

/** Rows written per table by an import. */
export interface ImportResult {
	mode: ImportMode;
	written: Record<BackupTableName, number>;
}

/** Row counts and a hash of every row of every table, to prove a database did not change. */
export interface ContentFingerprint {
	counts: Record<BackupTableName, number>;
	hash: string;
}

/** How a backup reads, clears and writes one table's rows (within a transaction over `scope`). */
interface TableAccess {
	scope: Table;
	read(): Promise<unknown[]>;
	clear(): Promise<void>;
	write(rows: unknown[]): Promise<unknown>;
}

function access(table: Table): TableAccess {
	return {
		scope: table,
		read: () => table.toArray(),
		clear: () => table.clear(),
		write: (rows) => table.bulkPut(rows)
	};
}

function tablesOf(db: SahelDatabase): Record<BackupTableName, TableAccess> {
	return {
		cards: access(db.cards),
		// a backup lists ratings one by one; this device keeps them in one log per card
		reviews: {
			scope: db.reviewLogs,
			// (in one order of fields, whether a rating was read packed or as a row)
			read: async () => (await storedReviews(db)).map(inKeyOrder),
			clear: () => clearReviews(db),
			write: (rows) => addReviews(db, rows as ReviewRow[])
		},
		attempts: access(db.attempts),
		assignments: access(db.assignments),
		submissions: access(db.submissions),
		settings: access(db.settings),
		cardFlags: access(db.cardFlags),
		ownCards: access(db.ownCards),
		cardWordings: access(db.cardWordings),
		tombstones: access(db.tombstones)
	};
}

/** The tables a transaction over every backup table spans. */
const scopes = (tables: Record<BackupTableName, TableAccess>) =>
	Object.values(tables).map((table) => table.scope);

/** Rows read in BACKUP_TABLES order, named by table. */
function asTables(rows: unknown[][]): BackupTables {
	const named: Record<string, unknown[]> = {};
	BACKUP_TABLES.forEach((name, i) => (named[name] = rows[i] ?? []));
	return named as unknown as BackupTables;
}

/** Every row of every table, read in one transaction. */
async function readAllTables(): Promise<BackupTables> {
	const db = await database();
	const tables = tablesOf(db);
	return db.transaction('r', scopes(tables), async () => {
		const rows = await Promise.all(BACKUP_TABLES.map((name) => tables[name].read()));
		return asTables(rows);
	});
}

/** The rows of every table that reads would use (damaged ones left out). */
function validTables(tables: BackupTables, now: Date): BackupTables {
	const valid = {} as Record<BackupTableName, unknown[]>;
	for (const name of BACKUP_TABLES) valid[name] = validRows<unknown>(name, tables[name], now);
	return valid as unknown as BackupTables;
}

const REPLACED_COPY_ID = 'latest';
/** How long the copy of what a Replace removed can be restored. */
export const REPLACED_COPY_DAYS = 7;
const REPLACED_COPY_MS = REPLACED_COPY_DAYS * 24 * 3_600_000;

/** The copy a Replace kept: when it was made, until when it can be restored, what it holds. */
export interface ReplacedCopy {
	savedAt: Date;
	expiresAt: Date;
	summary: BackupSummary;
}

/** What this device holds now, summed up like a backup (for the comparison before Replace). */
export async function deviceSummary(now: Date): Promise<BackupSummary> {
	return summarizeBackup(createBackup(validTables(await readAllTables(), now), now, ''));
}

/** The copy the last Replace kept, if it is younger than a week; an older one is dropped. */
export async function replacedCopy(now: Date): Promise<ReplacedCopy | undefined> {
	const db = await database();
	const row = await db.replacedCopies.get(REPLACED_COPY_ID);
	if (!row) return undefined;
	const expiresAt = new Date(row.savedAt.getTime() + REPLACED_COPY_MS);
	if (!(now < expiresAt)) {
		await db.replacedCopies.delete(REPLACED_COPY_ID);
		return undefined;
	}
	const summary = summarizeBackup(parseBackup(row.text, { now }));
	return { savedAt: row.savedAt, expiresAt, summary };
}

/**
 * Puts back what the last Replace removed (itself a Replace, so what is here now becomes the
 * copy in turn). Throws BackupError 'incomplete' when there is no copy any more.
 */
export async function restoreReplacedCopy(now: Date): Promise<ImportResult> {
	const db = await database();
	const row = await db.replacedCopies.get(REPLACED_COPY_ID);
	if (!row || !(now.getTime() < row.savedAt.getTime() + REPLACED_COPY_MS)) {
		throw new BackupError(
			'incomplete',
			'There is no copy to restore any more: copies are kept for a week.'
		);
	}
	return importBackup(parseBackup(row.text, { now }), 'replace', { now });
}

/** The whole database as the text of a backup file; `packs` names each study item's pack. */
export async function exportBackup(
	now: Date,
	appVersion: string,
	packs?: ReadonlyMap<string, string>
): Promise<string> {
	let tables: BackupTables;
	try {
		tables = await readAllTables();
	} catch (cause) {
		throw new BackupError(
			'read-failed',
			'Your data could not be read to make a backup. Reload the app and try again.',
			{ cause }
		);
	}
	// damaged rows are left out: a backup must always be restorable by this same app
	return serializeBackup(createBackup(validTables(tables, now), now, appVersion, packs));
}

/**
 * A backup's reviews, each with its global id: an older file's get the id derived from their
 * card and time (as the schema upgrade gives them); a repeated id is made unique by the row key.
 */
function withReviewUids(reviews: readonly BackupReviewRow[]): BackupReviewRow[] {
	const taken = new Set<string>();
	return reviews.map((review, i) => {
		let uid = reviewUid(review);
		if (taken.has(uid)) uid = `${legacyReviewUid(review)}#${review.id ?? `row${i}`}`;
		taken.add(uid);
		return { ...review, uid };
	});
}

/** The identity of a review: the same card rated at the same millisecond is the same review. */
export const reviewIdentity = (r: Pick<BackupReviewRow, 'itemId' | 'review'>): string =>
	`${r.itemId}\u0000${r.review.getTime()}`;

const lastReviewTime = (card: CardRow) => card.last_review?.getTime() ?? -Infinity;

/** Whether the backup's card state is newer than the local one (later review, then more reps). */
function isNewerCard(incoming: CardRow, local: CardRow): boolean {
	const a = lastReviewTime(incoming);
	const b = lastReviewTime(local);
	return a !== b ? a > b : incoming.reps > local.reps;
}

/** Whether the backup's attempt went further than the local copy of the same attempt. */
function isFurtherAttempt(incoming: AttemptRow, local: AttemptRow): boolean {
	if (local.finishedAt) return false;
	return incoming.finishedAt !== undefined || incoming.position > local.position;
}

/**
 * What a merge writes, given the local rows and the backup's:
 * - cards: per itemId, the newer state by `last_review` (then by `reps`); a tie keeps the local
 *   (and `importBackup` then replays a card that misses a rating the other side made);
 * - reviews: the union of events, as sync makes it: a review identified by its global id
 *   (`uid`), or by itemId + review time (see `reviewIdentity`); one undone here or in the
 *   backup (a tombstone) stays undone; added reviews join their cards' logs, and a local
 *   review is never rewritten (Undo names it by its `uid`);
 * - tombstones: the union by uid (`importBackup` then takes back the local reviews the
 *   backup's device undid, and replays their cards);
 * - attempts: the union by id; for an id on both sides, the copy that got further;
 * - assignments, submissions: the union by id, the local copy kept on a clash;
 * - settings: the backup's only for keys this device has never set;
 * - card marks: not in the plan: `importBackup` gives them to sync's rule, each mark of each
 *   card changed last wins (by its `markedAt`), and a card reset on the other side is replayed;
 * - own cards, wordings: per id, the copy edited last; one removed here (`removed`, from
 *   `ownRemovals`) comes back only when the backup's copy was edited after the removal, the
 *   order sync keeps, so an older backup does not bring a deleted card back.
 */
export function mergePlan(
	local: BackupTables,
	incoming: BackupTables,
	undone: ReadonlySet<string> = new Set(),
	removed: readonly OwnRemovalRow[] = []
): BackupTables {
	const cards = new Map(local.cards.map((c) => [c.itemId, c]));
	const seenReviews = new Set(local.reviews.map(reviewIdentity));
	const seenUids = new Set(local.reviews.map(reviewUid));
	const attempts = new Map(local.attempts.map((a) => [a.id, a]));
	const absent = <T>(mine: readonly T[], theirs: readonly T[], key: (row: T) => unknown) => {
		const keys = new Set(mine.map(key));
		return theirs.filter((row) => !keys.has(key(row)));
	};

	const removedAt = new Map(removed.map((r) => [`${r.kind}\u0000${r.key}`, r.at.getTime()]));
	// at the same millisecond the removal wins, as in sync (`laterChange`)
	const editedAfterRemoval = (kind: OwnRemovalRow['kind'], key: string, updatedAt: Date) =>
		updatedAt.getTime() > (removedAt.get(`${kind}\u0000${key}`) ?? -Infinity);
	const undoneAnywhere = new Set([...undone, ...incoming.tombstones.map((t) => t.uid)]);
	const reviews: BackupReviewRow[] = [];
	for (const review of incoming.reviews) {
		const identity = reviewIdentity(review);
		const uid = reviewUid(review);
		// an Undo made here is final: a backup from before it does not bring the rating back
		if (seenReviews.has(identity) || seenUids.has(uid) || undoneAnywhere.has(uid)) continue;
		seenReviews.add(identity); // also drops duplicates within the backup itself
		seenUids.add(uid);
		const copy = { ...review, uid };
		delete copy.id;
		reviews.push(copy);
	}
	return {
		cards: incoming.cards.filter((c) => {
			const mine = cards.get(c.itemId);
			return !mine || isNewerCard(c, mine);
		}),
		reviews,
		attempts: incoming.attempts.filter((a) => {
			const mine = attempts.get(a.id);
			return !mine || isFurtherAttempt(a, mine);
		}),
		assignments: absent(local.assignments, incoming.assignments, (a) => a.id),
		submissions: absent(local.submissions, incoming.submissions, (s) => s.id),
		settings: absent(local.settings, incoming.settings, (s) => s.key),
		cardFlags: [],
		// the learner's own text: the copy edited last wins, as for a card rated last
		ownCards: incoming.ownCards.filter((c) => {
			const mine = local.ownCards.find((m) => m.id === c.id);
			return (
				(!mine || c.updatedAt > mine.updatedAt) && editedAfterRemoval('ownCards', c.id, c.updatedAt)
			);
		}),
		cardWordings: incoming.cardWordings.filter((w) => {
			const mine = local.cardWordings.find((m) => m.itemId === w.itemId);
			return (
				(!mine || w.updatedAt > mine.updatedAt) &&
				editedAfterRemoval('cardWordings', w.itemId, w.updatedAt)
			);
		}),
		tombstones: absent(local.tombstones, incoming.tombstones, (t) => t.uid).filter(
			(t) => !undone.has(t.uid)
		)
	};
}

/** Whether `error`, or an error it wraps (Dexie nests them), is a full disk. */
function isQuotaError(error: unknown, depth = 0): boolean {
	if (!error || typeof error !== 'object' || depth > 4) return false;
	const e = error as {
		name?: unknown;
		inner?: unknown;
		cause?: unknown;
		failures?: unknown;
		failuresByPos?: unknown;
	};
	if (e.name === 'QuotaExceededError') return true;
	const nested = [
		e.inner,
		e.cause,
		...(Array.isArray(e.failures) ? e.failures : []),
		...(e.failuresByPos && typeof e.failuresByPos === 'object'
			? Object.values(e.failuresByPos)
			: [])
	];
	return nested.some((inner) => isQuotaError(inner, depth + 1));
}

/**
 * After a merge added reviews, each card that now counts fewer ratings than its reviews hold
 * (the newer card alone has only its own device's) is replayed from the union of its reviews,
 * so a rating made on either device counts. Other cards are left as they are: replaying them
 * would cost time on a large backup, and lose a due date a quiz moved.
 */
async function replayMergedCards(
	db: SahelDatabase,
	itemIds: ReadonlySet<string>,
	settings: StudySettings
): Promise<void> {
	const ids = [...itemIds];
	const [cards, logs] = await Promise.all([db.cards.bulkGet(ids), reviewsOfItems(db, ids)]);
	for (const [i, itemId] of ids.entries()) {
		const card = cards[i];
		const reviews = logs.get(itemId) ?? [];
		if (card && missesRatings(card, reviews))
			await db.cards.put(replayCard(card, reviews, settings));
	}
}

/**
 * Writes a parsed backup into the database, all or nothing: every table in one transaction,
 * which any failure aborts (then throws BackupError 'quota' or 'write-failed'). A merge
 * replays the cards it added reviews to with `settings`, the study settings in force; `now`
 * dates the copy a Replace keeps of what it removed.
 */
export async function importBackup(
	backup: Backup,
	mode: ImportMode,
	{
		settings = DEFAULT_STUDY_SETTINGS,
		now = new Date()
	}: { settings?: StudySettings; now?: Date } = {}
): Promise<ImportResult> {
	const db = await database();
	const tables = tablesOf(db);
	try {
		const touched = [...scopes(tables), db.replacedCopies, db.ownRemovals];
		return await db.transaction('rw', touched, async () => {
			let rows: BackupTables;
			if (mode === 'replace') {
				// what is replaced is kept first, in the same transaction: no Replace loses data for good
				const local = asTables(await Promise.all(BACKUP_TABLES.map((name) => tables[name].read())));
				if (BACKUP_TABLES.some((name) => local[name].length > 0)) {
					const text = serializeBackup(createBackup(validTables(local, now), now, 'replaced'));
					await db.replacedCopies.put({ id: REPLACED_COPY_ID, savedAt: now, text });
				}
				await Promise.all(BACKUP_TABLES.map((name) => tables[name].clear()));
				rows = { ...backup.tables, reviews: withReviewUids(backup.tables.reviews) };
			} else {
				const local = await Promise.all(BACKUP_TABLES.map((name) => tables[name].read()));
				const undone = new Set((await db.tombstones.toArray()).map((row) => row.uid));
				rows = mergePlan(asTables(local), backup.tables, undone, await db.ownRemovals.toArray());
			}
			// a backup from before schema version 5 holds plans in their older shapes
			rows = { ...rows, attempts: rows.attempts.map(withCurrentPlan) };
			const written = {} as Record<BackupTableName, number>;
			for (const name of BACKUP_TABLES) {
				if (rows[name].length > 0) await tables[name].write(rows[name]);
				written[name] = rows[name].length;
			}
			// a card or wording the file brings is no longer removed here (sync still lets a
			// removal made later elsewhere win)
			await db.ownRemovals.bulkDelete([
				...rows.ownCards.map((c) => ['ownCards', c.id] as const),
				...rows.cardWordings.map((w) => ['cardWordings', w.itemId] as const)
			] as [OwnRemovalRow['kind'], string][]);
			if (mode === 'merge') {
				// the backup's device took these ratings back: so does this one, as sync would
				// and its card marks merge as sync merges them: each mark changed last wins
				const marks = backup.tables.cardFlags.flatMap(marksOf);
				if (rows.tombstones.length > 0 || marks.length > 0) {
					const applied = await applyArrivals(
						db,
						{ reviews: [], undone: rows.tombstones, settings: [], marks },
						undefined,
						now
					);
					// for marks, the count is of marks taken (a card's row may take one or several)
					written.cardFlags = applied.marks ?? 0;
				}
				await replayMergedCards(db, new Set(rows.reviews.map((row) => row.itemId)), settings);
			}
			return { mode, written };
		});
	} catch (cause) {
		if (cause instanceof BackupError) throw cause;
		if (isQuotaError(cause)) {
			throw new BackupError(
				'quota',
				'Your device ran out of storage space while importing, so nothing was changed. Free some space and try again.',
				{ cause }
			);
		}
		throw new BackupError(
			'write-failed',
			'The backup could not be written, so nothing was changed. Reload the app and try again.',
			{ cause }
		);
	}
}

/** A 53-bit hash (cyrb53) fed piece by piece, so a large table needs no single huge string. */
class Hash53 {
	#h1 = 0xdeadbeef;
	#h2 = 0x41c6ce57;

	update(text: string): void {
		for (let i = 0; i < text.length; i++) {
			const c = text.charCodeAt(i);
			this.#h1 = Math.imul(this.#h1 ^ c, 2654435761);
			this.#h2 = Math.imul(this.#h2 ^ c, 1597334677);
		}
	}

	digest(): string {
		let h1 = this.#h1;
		let h2 = this.#h2;
		h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
		h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
		return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
	}
}

/** A canonical text of a stored value: keys sorted, undefined left out, Dates told from strings. */
function canonical(value: unknown): string {
	if (value === undefined) return 'u';
	if (value === null) return 'null';
	if (value instanceof Date) return `D${value.getTime()}`;
	if (typeof value === 'number') return `n${Object.is(value, -0) ? '-0' : String(value)}`;
	if (typeof value !== 'object') return JSON.stringify(value) ?? String(value);
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	const record = value as Record<string, unknown>;
	const keys = Object.keys(record)
		.filter((k) => record[k] !== undefined)
		.sort();
	return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(record[k])}`).join(',')}}`;
}

/** Row counts and a hash of every row (in key order) of every table. */
export async function contentFingerprint(): Promise<ContentFingerprint> {
	const tables = await readAllTables();
	const hash = new Hash53();
	const counts = {} as Record<BackupTableName, number>;
	for (const name of BACKUP_TABLES) {
		counts[name] = tables[name].length;
		hash.update(`#${name}\n`);
		for (const row of tables[name]) hash.update(`${canonical(row)}\n`);
	}
	return { counts, hash: hash.digest() };
}
