// The one door to the database: pages and state classes call these functions, never Dexie.
// Dexie is about a third of a page's JavaScript, so its code loads on the first read or write,
// and reads made before anything was ever stored answer "nothing" without loading it at all.
import type {
	CardFlagRow,
	CardRow,
	CardWordingRow,
	OwnCardRow,
	ReviewRow,
	SahelDatabase,
	SettingRow
} from './db';
import { reviewsSinceReset } from '../srs/card-flags';
import { requestPersistentStorage } from '../pwa/storage-persistence';
import { DB_NAME } from './db-name';
import { announceDatabaseOutdated, databaseExists } from './lifecycle';
import { EARLIEST_DATE, latestDate } from './date-range';
import type { RowTableName } from './row-schemas';
import type { Grade, StudySettings } from '../srs/types';
import { noteLocalChange } from './change-feed';
import { newReviewUid } from './review-uid';
// the ratings' storage loads with Dexie (the database module imports it), not with every page
const reviewLog = () => import('./review-log');

export { onDatabaseOutdated } from './lifecycle';

let opening: Promise<SahelDatabase> | undefined;
// the row checks (valibot and the schemas) load with Dexie: only reads that found a database need them
let rowChecks: typeof import('./stored-rows') | undefined;
let instance: SahelDatabase | undefined;
let persistenceAsked = false;

/** The open database; its code is loaded and the database created on first use. */
export function database(): Promise<SahelDatabase> {
	opening ??= Promise.all([import('./db'), import('./stored-rows')]).then(
		([{ SahelDatabase }, checks]) => {
			rowChecks = checks;
			const db = new SahelDatabase(DB_NAME);
			db.on('versionchange', () => {
				// A newer version of the app, open in another tab, wants to upgrade the schema: let it,
				// and tell this tab to reload rather than silently reopening an outdated schema.
				db.close({ disableAutoOpen: true });
				announceDatabaseOutdated();
				return false;
			});
			instance = db;
			return db;
		}
	);
	return opening;
}

/** Starts loading the database code ahead of a write the learner is about to make. */
export function prepareDatabase(): void {
	void database();
}

/**
 * Runs a read against the database, or answers `empty` when this browser never stored
 * anything: a first visit then shows its empty state without downloading the database code.
 */
export async function readStored<T>(empty: T, read: (db: SahelDatabase) => Promise<T>): Promise<T> {
	if (!opening && !(await databaseExists())) return empty;
	return read(await database());
}

/** The rows of `table` the app could have written; damaged ones are skipped and counted. */
export function validRows<T>(table: RowTableName, rows: readonly T[]): T[] {
	// rows come only from an open database, so the checks are loaded whenever there are any
	return rows.length === 0 || !rowChecks ? [...rows] : rowChecks.validRows(table, rows);
}

/** The one row, or undefined when it is damaged. */
export function validRow<T>(table: RowTableName, row: T | undefined): T | undefined {
	return row === undefined ? undefined : validRows(table, [row])[0];
}

/** How many damaged rows reads have skipped in this visit, by table (Settings reports it). */
export function skippedRowCounts(): Readonly<Record<string, number>> {
	return rowChecks?.skippedRowCounts() ?? {};
}

/** Closes the database (tests, and before a full restore). */
export function closeDatabase(): void {
	instance?.close();
	instance = undefined;
	opening = undefined;
}

/** Asks the browser once per visit to keep our data, after the first thing the user saves. */
function noteSaved(): void {
	if (persistenceAsked) return;
	persistenceAsked = true;
	void requestPersistentStorage();
}

/** Reads one setting, or `fallback` when it was never saved. */
export async function readSetting<T>(key: string, fallback: T): Promise<T> {
	const row = await readStored(undefined, (db) => db.settings.get(key));
	return row === undefined ? fallback : (row.value as T);
}

/** Saves one setting. */
export async function saveSetting(key: string, value: unknown): Promise<void> {
	const row: SettingRow = { key, value };
	await (await database()).settings.put(row);
	noteSaved();
	noteLocalChange({ kind: 'setting', key });
}

/** How many rows each table holds (Settings and backups show it). */
export async function tableCounts(): Promise<Record<string, number>> {
	const db = await database();
	const counts: Record<string, number> = {};
	for (const table of db.tables) counts[table.name] = await table.count();
	// a log row holds one card's ratings: what is counted is ratings
	delete counts.reviewLogs;
	counts.reviews = await (await reviewLog()).reviewCount(db);
	return counts;
}

/** Everything the study queue needs from storage for one study day. */
export interface StudyDayData {
	cards: CardRow[];
	/** Reviews made between `start` and `end`, oldest first. */
	reviewsToday: ReviewRow[];
	/** The learner's marks (suspended, buried, flag), by item id. */
	flags: Map<string, CardFlagRow>;
}

/** Loads every card and the reviews of one study day (only the logs of cards rated since). */
export async function loadStudyDay(start: Date, end: Date): Promise<StudyDayData> {
	return readStored({ cards: [], reviewsToday: [], flags: new Map() }, async (db) => {
		const { reviewsFrom } = await reviewLog();
		return db.transaction('r', db.cards, db.reviewLogs, db.cardFlags, async () => ({
			cards: validRows('cards', await db.cards.toArray()),
			reviewsToday: (await reviewsFrom(db, start)).filter((r) => r.review < end),
			flags: new Map(
				validRows('cardFlags', await db.cardFlags.toArray()).map((row) => [row.itemId, row])
			)
		}));
	});
}

/** A rating as the learner gives it: which card, which answer, when, and how long it took. */
export interface NewRating {
	itemId: string;
	factIds: string[];
	rating: Grade;
	at: Date;
	durationMs?: number;
}

/** What a rating stored: the review row (its `uid` names it for Undo) and the card as it now is. */
export interface RecordedRating {
	review: ReviewRow;
	card: CardRow;
}

// ts-fsrs loads with the first rating, not with every page that reads the database
const loadScheduling = () =>
	Promise.all([import('../srs/replay'), import('../srs/scheduler')]).then(
		([replay, scheduler]) => ({ ...replay, ...scheduler })
	);
type Scheduling = Awaited<ReturnType<typeof loadScheduling>>;

/** The card as its stored reviews make it; `stored` itself when its logs are incomplete. */
function cardFromReviews(
	srs: Scheduling,
	identity: Pick<CardRow, 'itemId' | 'factIds'>,
	stored: CardRow | undefined,
	reviews: readonly ReviewRow[],
	settings: StudySettings,
	now: Date
): CardRow {
	if (stored && !srs.historyIsComplete(stored, reviews)) return stored;
	if (reviews.length === 0) return stored ?? srs.newCard(identity.itemId, identity.factIds, now);
	return srs.replayCard(identity, reviews, settings);
}

/**
 * Writes a rating: its review row, and the card recomputed from all the card's stored reviews,
 * in one transaction. The card is never the state this tab last saw, so a rating made in
 * another tab (or restored from a backup) since then still counts in the schedule.
 */
export async function recordReview(
	rating: NewRating,
	settings: StudySettings,
	target?: SahelDatabase
): Promise<RecordedRating> {
	const [db, srs, { addReviews, reviewsOf }] = await Promise.all([
		target ?? database(),
		loadScheduling(),
		reviewLog()
	]);
	const recorded = await db.transaction('rw', db.cards, db.reviewLogs, db.cardFlags, async () => {
		const [stored, all, flags] = await Promise.all([
			db.cards.get(rating.itemId).then((row) => validRow('cards', row)),
			reviewsOf(db, rating.itemId),
			db.cardFlags.get(rating.itemId).then((row) => validRow('cardFlags', row))
		]);
		// a card reset to new schedules only from the reviews made since
		const reviews = reviewsSinceReset(all, flags);
		const before = cardFromReviews(srs, rating, stored, reviews, settings, rating.at);
		const { card, review } = srs
			.createScheduler(settings)
			.rateCard(before, rating.rating, rating.at);
		// the due date as stored (a wrong quiz answer may have moved it), so Undo puts it back
		const row: ReviewRow = {
			...review,
			uid: newReviewUid(),
			previousDue: stored?.due ?? before.due
		};
		if (rating.durationMs !== undefined) row.durationMs = rating.durationMs;
		await db.cards.put(card);
		await addReviews(db, [row]);
		return { review: row, card };
	});
	noteSaved();
	noteLocalChange({ kind: 'reviews' });
	return recorded;
}

/** The review an Undo means: its global id, and its card and time to check it is that review. */
export type UndoTarget = Pick<Required<ReviewRow>, 'uid' | 'itemId' | 'review'>;

/**
 * Takes back one rating: deletes its review and recomputes the card from the reviews left, in
 * one transaction, so the result is exact whatever another tab rated meanwhile. Answers the
 * card as it now is (undefined when no rating of it is left), or `false` when that review is
 * gone already (undone in another tab, or replaced by a restore).
 */
export async function undoReview(
	target: UndoTarget,
	settings: StudySettings,
	on?: SahelDatabase,
	factIdsOf?: (itemId: string) => readonly string[] | undefined
): Promise<CardRow | undefined | false> {
	const [db, srs, link, { removeReviews, reviewsOf }] = await Promise.all([
		on ?? database(),
		loadScheduling(),
		factIdsOf ? import('../quiz/study-link') : undefined,
		reviewLog()
	]);
	const undone = await db.transaction(
		'rw',
		[db.cards, db.reviewLogs, db.cardFlags, db.tombstones, db.attempts],
		async () => {
			const [stored, all, flags] = await Promise.all([
				db.cards.get(target.itemId).then((row) => validRow('cards', row)),
				reviewsOf(db, target.itemId),
				db.cardFlags.get(target.itemId).then((row) => validRow('cardFlags', row))
			]);
			const reviews = reviewsSinceReset(all, flags);
			// the same rating (undone in another tab, or replaced by a restore, it is gone); an
			// own card's deletion undone brings its ratings back under new ids, so a rating of
			// this card at this very millisecond is the same one (as a backup's Merge reckons)
			const time = target.review.getTime();
			const byId = all.find((row) => row.uid === target.uid);
			const review = byId ?? all.find((row) => row.review.getTime() === time);
			if (!review?.uid || review.review.getTime() !== time) return false;
			const uid = review.uid;
			await removeReviews(db, new Set([uid]), [target.itemId]);
			// the tombstone: a device that synced this rating takes it back too
			await db.tombstones.put({ uid, at: new Date() });
			const left = reviews.filter((row) => row.uid !== uid);
			const latest = left.every((row) => srs.compareReviews(row, review) < 0);
			let card: CardRow | undefined;
			if (stored && !srs.historyIsComplete(stored, reviews)) {
				// older data without every log: ts-fsrs rolls the latest rating back; an earlier one
				// can only be forgotten
				card = latest ? srs.createScheduler(settings).undoReview(stored, review) : stored;
			} else if (left.length > 0) {
				const identity = { itemId: target.itemId, factIds: stored?.factIds ?? [] };
				card = srs.replayCard(identity, left, settings);
				// the due date as it was stored before this rating (a quiz may have moved it)
				if (latest && review.previousDue) card.due = review.previousDue;
				// and every wrong answer since its last rating left, from any device: what sync's
				// replay makes of this card elsewhere
				if (link && factIdsOf) {
					const attempts = validRows('attempts', await db.attempts.toArray());
					card = link.dueAfterWrongAnswers(card, link.wrongAnswers(attempts, factIdsOf));
				}
			}
			// no rating left: the card goes, as before its first rating
			if (card) await db.cards.put(card);
			else await db.cards.delete(target.itemId);
			return card;
		}
	);
	if (undone !== false) noteLocalChange({ kind: 'reviews' });
	return undone;
}

/** How many reviews were made between `start` (included) and `end` (excluded). */
export async function countReviewsBetween(start: Date, end: Date): Promise<number> {
	return readStored(0, async (db) => {
		const { reviewsFrom } = await reviewLog();
		return (await reviewsFrom(db, start)).filter((r) => r.review < end).length;
	});
}

/**
 * The latest `limit` reviews, oldest first (for the last session's summary); of the items in
 * `only` when given (one article's), so another article's study never pushes them out.
 */
export async function recentReviews(
	limit: number,
	only?: ReadonlySet<string>
): Promise<ReviewRow[]> {
	// within the dates a review may carry, so a row dated in year 275760 is never "latest"
	const latest = latestDate(new Date());
	return readStored([], async (db) => {
		const { byTime, newestReviews } = await reviewLog();
		const newestFirst = await newestReviews(
			db,
			limit,
			(r) => r.review >= EARLIEST_DATE && r.review <= latest && (only ? only.has(r.itemId) : true)
		);
		return newestFirst.sort(byTime);
	});
}

/** The learner's cards and wordings (every page that schedules or lists cards joins them). */
export interface OwnDeckData {
	ownCards: OwnCardRow[];
	wordings: Map<string, CardWordingRow>;
}

/** Every own card (oldest first) and every wording. */
export async function loadOwnDeck(): Promise<OwnDeckData> {
	const empty: OwnDeckData = { ownCards: [], wordings: new Map() };
	return readStored(empty, (db) =>
		db.transaction('r', db.ownCards, db.cardWordings, async () => ({
			ownCards: validRows('ownCards', await db.ownCards.orderBy('createdAt').toArray()),
			wordings: new Map(
				validRows('cardWordings', await db.cardWordings.toArray()).map((w) => [w.itemId, w])
			)
		}))
	);
}
