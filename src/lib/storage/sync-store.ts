// Storage's side of sync: what the sync engine reads of this device, and the one transaction
// that writes what other devices sent. Everything that arrives is checked by the same row
// schemas as a backup's rows; a row that fails is refused and changes nothing.
import type { ApplyReport, Arrivals, SyncStore, Undone } from '../sync/engine';
import type { CardFlagRow, CardRow, ReviewRow, SahelDatabase } from './db';
import { reviewsSinceReset } from '../srs/card-flags';
import { historyIsComplete, replayCard } from '../srs/replay';
import { clampStudySettings } from '../srs/settings';
import type { StudySettings } from '../srs/types';
import { database as openDatabase, readStored, validRow, validRows } from './repository';
import { isValidRow } from './stored-rows';

/** The settings sync may write, each with the check its value goes through. */
const SETTING_VALUES: Record<string, (value: unknown) => unknown> = {
	study: (value) =>
		clampStudySettings(
			typeof value === 'object' && value !== null ? (value as Partial<StudySettings>) : undefined
		)
};

/** Options: which facts an item belongs to (a card arriving on a fresh device needs them). */
export interface SyncStoreOptions {
	factIdsOf?: (itemId: string) => string[] | undefined;
	now?: () => Date;
	/** Another database than this device's (tests, the benchmark: two devices in one process). */
	db?: SahelDatabase;
}

/** The sync engine's port onto this device's database. */
export function createSyncStore(options: SyncStoreOptions = {}): SyncStore {
	const now = options.now ?? (() => new Date());
	const own = options.db;
	const read = <T>(empty: T, fn: (db: SahelDatabase) => Promise<T>) =>
		own ? fn(own) : readStored(empty, fn);
	const database = () => (own ? Promise.resolve(own) : openDatabase());
	return {
		localIds: () =>
			read({ reviews: [], undone: [] }, async (db) => {
				const [reviews, undone] = await Promise.all([
					db.reviews.orderBy('uid').keys(),
					db.tombstones.toCollection().primaryKeys()
				]);
				return { reviews: reviews as string[], undone: undone as string[] };
			}),
		readReviews: async (uids) => {
			const db = await database();
			return validRows(
				'reviews',
				await db.reviews
					.where('uid')
					.anyOf([...uids])
					.toArray()
			);
		},
		readUndone: async (uids) => {
			const db = await database();
			const rows = await db.tombstones.bulkGet([...uids]);
			return validRows(
				'tombstones',
				rows.filter((row) => row !== undefined)
			);
		},
		readSettings: (keys) =>
			read({}, async (db) => {
				const rows = await db.settings.bulkGet([...keys]);
				const out: Record<string, unknown> = {};
				for (const row of rows) if (row) out[row.key] = row.value;
				return out;
			}),
		applyArrivals: async (arrivals) =>
			applyArrivals(await database(), arrivals, options.factIdsOf, now())
	};
}

/** Writes arrivals in one transaction and recomputes every card they touch from its reviews. */
export async function applyArrivals(
	db: SahelDatabase,
	arrivals: Arrivals,
	factIdsOf: SyncStoreOptions['factIdsOf'],
	now: Date
): Promise<ApplyReport> {
	const refusedIds: string[] = [];
	let refused = 0;
	const reviews: ReviewRow[] = [];
	for (const review of arrivals.reviews) {
		const row = { ...review };
		delete row.id; // a local key means nothing here
		if (typeof row.uid === 'string' && isValidRow('reviews', row, now)) reviews.push(row);
		else refusedIds.push(String(row.uid));
	}
	const undone: Undone[] = [];
	for (const tomb of arrivals.undone) {
		if (isValidRow('tombstones', tomb, now)) undone.push({ uid: tomb.uid, at: tomb.at });
		else refusedIds.push(String(tomb.uid));
	}
	const settings: { key: string; value: unknown }[] = [];
	for (const { key, value } of arrivals.settings) {
		const check = SETTING_VALUES[key];
		if (check) settings.push({ key, value: check(value) });
		else refused++;
	}

	return db.transaction(
		'rw',
		[db.reviews, db.cards, db.cardFlags, db.tombstones, db.settings],
		async () => {
			// another tab may have written some of these since the engine looked: skip those
			const undoneHere = new Set(
				(await db.tombstones.bulkGet(undone.map((t) => t.uid)))
					.filter((row) => row !== undefined)
					.map((row) => row.uid)
			);
			const gone = new Set([...undoneHere, ...undone.map((t) => t.uid)]);
			// a few arrivals are looked up one by one; many (a fresh device) by one scan of the index
			const present = new Set(
				(reviews.length > 500
					? await db.reviews.orderBy('uid').keys()
					: await db.reviews
							.where('uid')
							.anyOf(reviews.map((r) => r.uid!))
							.keys()) as string[]
			);
			const fresh = reviews.filter((r) => !present.has(r.uid!) && !gone.has(r.uid!));
			const doomed =
				undone.length > 0
					? await db.reviews
							.where('uid')
							.anyOf(undone.map((t) => t.uid))
							.toArray()
					: [];
			const touched = new Set([...fresh, ...doomed].map((r) => r.itemId));
			// each touched card's history: its reviews already here (read before writing, so a
			// fresh device reads nothing back) without the undone ones, and the arrivals
			const doomedKeys = new Set(doomed.map((r) => r.id));
			const here =
				touched.size > 0
					? validRows(
							'reviews',
							await db.reviews
								.where('itemId')
								.anyOf([...touched])
								.toArray()
						)
					: [];
			const history = new Map<string, ReviewRow[]>();
			const add = (r: ReviewRow) => {
				const list = history.get(r.itemId);
				if (list) list.push(r);
				else history.set(r.itemId, [r]);
			};
			for (const r of here) if (!doomedKeys.has(r.id)) add(r);
			for (const r of fresh) add(r);

			if (fresh.length > 0) await db.reviews.bulkAdd(fresh);
			if (doomed.length > 0) await db.reviews.bulkDelete(doomed.map((r) => r.id!));
			if (undone.length > 0) {
				await db.tombstones.bulkPut(undone.filter((t) => !undoneHere.has(t.uid)));
			}
			// per card, the ratings taken away here: the stored card counted them
			const undoneOf = new Map<string, number>();
			for (const r of doomed) {
				if (r.rating >= 1 && r.rating <= 4)
					undoneOf.set(r.itemId, (undoneOf.get(r.itemId) ?? 0) + 1);
			}
			for (const { key, value } of settings) await db.settings.put({ key, value });

			const studySettings = clampStudySettings(
				(await db.settings.get('study'))?.value as Partial<StudySettings> | undefined
			);
			const ids = [...touched];
			const [cards, flags] = await Promise.all([db.cards.bulkGet(ids), db.cardFlags.bulkGet(ids)]);
			const put: CardRow[] = [];
			const drop: string[] = [];
			ids.forEach((itemId, i) => {
				const outcome = replayedCard(
					itemId,
					validRow('cards', cards[i]),
					history.get(itemId) ?? [],
					validRow('cardFlags', flags[i]),
					studySettings,
					factIdsOf,
					undoneOf.get(itemId) ?? 0
				);
				if (outcome === 'delete') drop.push(itemId);
				else if (outcome) put.push(outcome);
			});
			if (put.length > 0) await db.cards.bulkPut(put);
			if (drop.length > 0) await db.cards.bulkDelete(drop);
			const removed = doomed.length;
			return {
				added: fresh.length,
				removed,
				refused: refused + refusedIds.length,
				refusedIds,
				cards: touched.size
			};
		}
	);
}

/**
 * A card as the replay of its reviews: the card to store, 'delete' when no rating of it is
 * left, or undefined to keep the stored one (older data whose logs are incomplete).
 */
function replayedCard(
	itemId: string,
	stored: CardRow | undefined,
	all: readonly ReviewRow[],
	flags: CardFlagRow | undefined,
	settings: StudySettings,
	factIdsOf: SyncStoreOptions['factIdsOf'],
	undoneHere: number
): CardRow | 'delete' | undefined {
	const reviews = reviewsSinceReset(all, flags);
	// replaying incomplete logs would forget ratings (those just undone were in the count, and
	// are meant to be forgotten)
	if (stored && !historyIsComplete({ reps: stored.reps - undoneHere }, reviews)) return undefined;
	if (reviews.length === 0) return stored && all.length === 0 ? 'delete' : undefined;
	const identity = { itemId, factIds: stored?.factIds ?? factIdsOf?.(itemId) ?? [] };
	return replayCard(identity, reviews, settings);
}
