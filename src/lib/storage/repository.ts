// The one door to the database: pages and state classes call these functions, never Dexie.
// Dexie is about a third of a page's JavaScript, so its code loads on the first read or write,
// and reads made before anything was ever stored answer "nothing" without loading it at all.
import type { CardRow, ReviewRow, SahelDatabase, SettingRow } from './db';
import { requestPersistentStorage } from '../pwa/storage-persistence';
import { DB_NAME } from './db-name';
import { announceDatabaseOutdated, databaseExists } from './lifecycle';

export { onDatabaseOutdated } from './lifecycle';

let opening: Promise<SahelDatabase> | undefined;
let instance: SahelDatabase | undefined;
let persistenceAsked = false;

/** The open database; its code is loaded and the database created on first use. */
export function database(): Promise<SahelDatabase> {
	opening ??= import('./db').then(({ SahelDatabase }) => {
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
	});
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
}

/** How many rows each table holds (Settings and backups show it). */
export async function tableCounts(): Promise<Record<string, number>> {
	const db = await database();
	const counts: Record<string, number> = {};
	for (const table of db.tables) counts[table.name] = await table.count();
	return counts;
}

/** Everything the study queue needs from storage for one study day. */
export interface StudyDayData {
	cards: CardRow[];
	/** Reviews made between `start` and `end`, oldest first. */
	reviewsToday: ReviewRow[];
}

/** Loads every card and the reviews of one study day (an index range, not a scan of all logs). */
export async function loadStudyDay(start: Date, end: Date): Promise<StudyDayData> {
	return readStored({ cards: [], reviewsToday: [] }, (db) =>
		db.transaction('r', db.cards, db.reviews, async () => ({
			cards: await db.cards.toArray(),
			reviewsToday: await db.reviews
				.where('review')
				.between(start, end, true, false)
				.sortBy('review')
		}))
	);
}

/** Writes a rating: the card's new state and its review row, together or not at all. */
export async function recordReview(card: CardRow, review: ReviewRow): Promise<number> {
	const db = await database();
	const id = await db.transaction('rw', db.cards, db.reviews, async () => {
		await db.cards.put(card);
		return db.reviews.add(review);
	});
	noteSaved();
	// '++id' makes IndexedDB assign a number
	return id as number;
}

/** Takes back one rating: removes its review row and restores the card as it was. */
export async function undoReview(reviewId: number, previousCard: CardRow): Promise<void> {
	const db = await database();
	await db.transaction('rw', db.cards, db.reviews, async () => {
		const review = await db.reviews.get(reviewId);
		// another tab may have undone it already: restoring the card again would be wrong
		if (!review || review.itemId !== previousCard.itemId) return;
		await db.reviews.delete(reviewId);
		await db.cards.put(previousCard);
	});
}

/** How many reviews were made between `start` (included) and `end` (excluded). */
export async function countReviewsBetween(start: Date, end: Date): Promise<number> {
	return readStored(0, (db) => db.reviews.where('review').between(start, end, true, false).count());
}

/** The latest `limit` reviews, oldest first (for the last session's summary). */
export async function recentReviews(limit: number): Promise<ReviewRow[]> {
	const newestFirst = await readStored([], (db) =>
		db.reviews.orderBy('review').reverse().limit(limit).toArray()
	);
	return newestFirst.reverse();
}
