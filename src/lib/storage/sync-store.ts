// Storage's side of sync: what the sync engine reads of this device, and the one transaction
// that writes what other devices sent. Everything that arrives is checked by the same row
// schemas as a backup's rows; a row that fails is refused and changes nothing.
import type { ApplyReport, Arrivals, RowText, SyncStore, Undone } from '../sync/engine';
import {
	MARK_FIELDS,
	isLaterMark,
	isRemovable,
	outranks,
	refusalOf,
	removalText,
	removedAt,
	ROW_KEY,
	ROW_MAPS,
	stepClock,
	TIMED_ARRIVAL,
	type MarkEntry,
	type RowMapName
} from '../sync/owned-rows';
import { OWN_ID_PREFIX } from '../srs/own-cards';
import { dueAfterWrongAnswers, wrongAnswers } from '../quiz/study-link';
import { removeOwnCardRows } from './own-cards';
import type { AttemptRow, CardFlagRow, CardRow, ReviewRow, SahelDatabase } from './db';
import { reviewsSinceReset } from '../srs/card-flags';
import { rowFromText, rowText } from './backup-format';
import { historyIsComplete, replayCard } from '../srs/replay';
import { clampStudySettings } from '../srs/settings';
import type { StudySettings } from '../srs/types';
import { database as openDatabase, readStored, validRow, validRows } from './repository';
import { isValidRow } from './stored-rows';
import { allReviews, appendReviews, removeReviews, reviewsOfItems, reviewUids } from './review-log';

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
		prepare: async () => void (await (await database()).open()),
		localIds: () =>
			read({ reviews: [], undone: [] }, async (db) => {
				const [reviews, undone] = await Promise.all([
					reviewUids(db),
					db.tombstones.toCollection().primaryKeys()
				]);
				return { reviews, undone: undone as string[] };
			}),
		readReviews: async (uids) => {
			const db = await database();
			const wanted = new Set(uids);
			return (await allReviews(db)).filter((r) => r.uid !== undefined && wanted.has(r.uid));
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
		readRows: () =>
			read(
				Object.fromEntries(ROW_MAPS.map((kind) => [kind, new Map<string, string>()])) as Record<
					RowMapName,
					Map<string, string>
				>,
				async (db) => {
					const [stored, ...tables] = await Promise.all([
						db.ownRemovals.toArray(),
						...ROW_MAPS.map((kind) => db.table(kind).toArray())
					]);
					// checked once (a damaged row is reported once, not once per map)
					const removals = validRows('ownRemovals', stored);
					const out = {} as Record<RowMapName, Map<string, string>>;
					ROW_MAPS.forEach((kind, i) => {
						const rows = validRows(kind, tables[i] as Record<string, unknown>[]);
						const texts = new Map(
							rows.map((row) => [String(row[ROW_KEY[kind]]), syncedText(kind, row)])
						);
						for (const removal of removals) {
							if (removal.kind === kind && !texts.has(removal.key))
								texts.set(removal.key, removalText(removal.kind, removal.key, removal.at));
						}
						out[kind] = texts;
					});
					return out;
				}
			),
		readMarks: () =>
			read([], async (db) => validRows('cardFlags', await db.cardFlags.toArray()).flatMap(marksOf)),
		applyArrivals: async (arrivals) =>
			applyArrivals(await database(), arrivals, options.factIdsOf, now()),
		keepsReview: (review) => isValidRow('reviews', review, now())
	};
}

/** A row's sync text; an attempt's draft (the answer being typed) stays on its device. */
function syncedText(kind: RowMapName, row: object): string {
	return rowText(kind, kind === 'attempts' ? { ...row, draft: undefined } : row);
}

/** A card's marks as sync compares them: every mark set, or taken off at a known time. */
export function marksOf(flags: CardFlagRow): MarkEntry[] {
	const out: MarkEntry[] = [];
	for (const field of MARK_FIELDS) {
		const value = flags[field];
		const at = flags.markedAt?.[field];
		if (value === undefined && at === undefined) continue;
		out.push({
			itemId: flags.itemId,
			field,
			value: value instanceof Date ? value.getTime() : (value ?? null),
			at: at ?? 0
		});
	}
	return out;
}

/** `flags` with one mark as another device set it, or undefined when it cannot be a mark. */
function withMark(flags: CardFlagRow, mark: MarkEntry): CardFlagRow | undefined {
	const next: CardFlagRow = { ...flags, markedAt: { ...flags.markedAt, [mark.field]: mark.at } };
	const { field, value } = mark;
	if (value === null) delete next[field];
	else if (field === 'suspended' && value === true) next.suspended = true;
	else if (field === 'flag' && typeof value === 'string') next.flag = value as CardFlagRow['flag'];
	else if ((field === 'buriedUntil' || field === 'resetAt') && typeof value === 'number')
		next[field] = new Date(value);
	else return undefined;
	return next;
}

/** An arrived row, checked: the row to store, or when it was removed. */
type CheckedRow = RowText & { row?: Record<string, unknown>; removedAt?: Date };

/** Arrived rows decoded and checked by the backup's row schemas; the others' refusal ids. */
function checkedRows(rows: readonly RowText[], now: Date) {
	const ok: CheckedRow[] = [];
	const refused: string[] = [];
	for (const arrival of rows) {
		const removal = removedAt(arrival.kind, arrival.key, arrival.text);
		if (removal) {
			const row = { kind: arrival.kind, key: arrival.key, at: removal };
			if (isValidRow('ownRemovals', row, now)) ok.push({ ...arrival, removedAt: removal });
			else refused.push(refusalOf(arrival.kind, arrival.key, arrival.text));
			continue;
		}
		const row = rowFromText(arrival.kind, arrival.text);
		if (row && row[ROW_KEY[arrival.kind]] === arrival.key && isValidRow(arrival.kind, row, now)) {
			ok.push({ ...arrival, row });
		} else refused.push(refusalOf(arrival.kind, arrival.key, arrival.text));
	}
	return { ok, refused };
}

/** Writes arrivals in one transaction and recomputes every card they touch from its reviews. */
export async function applyArrivals(
	db: SahelDatabase,
	arrivals: Arrivals,
	factIdsOf: SyncStoreOptions['factIdsOf'],
	now: Date
): Promise<ApplyReport> {
	const step = stepClock(() => arrivals.reviews.length >= TIMED_ARRIVAL);
	step('apply');
	const refusedIds: string[] = [];
	let refused = 0;
	const reviews: ReviewRow[] = [];
	// one global id is one rating: a second event under an id already taken (of another card,
	// say) is refused, as the unique index once did
	const taken = new Set<string>();
	for (const review of arrivals.reviews) {
		const row = { ...review };
		// a local key means nothing here (deleted only when there: a deletion puts the row in V8's
		// slow dictionary mode for the checks, the packing and the replay after)
		if ('id' in row) delete row.id;
		if (typeof row.uid === 'string' && !taken.has(row.uid) && isValidRow('reviews', row, now)) {
			reviews.push(row);
			taken.add(row.uid);
		} else refusedIds.push(String(row.uid));
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

	const rows = checkedRows(arrivals.rows ?? [], now);
	refusedIds.push(...rows.refused);

	step('validated');
	const report = await db.transaction(
		'rw',
		[
			db.reviewLogs,
			db.cards,
			db.cardFlags,
			db.tombstones,
			db.settings,
			db.attempts,
			db.assignments,
			db.submissions,
			db.ownCards,
			db.cardWordings,
			db.ownRemovals
		],
		async () => {
			const rowsWritten = await writeRows(db, rows.ok);
			const marks = await writeMarks(db, arrivals.marks ?? [], now, refusedIds);
			// another tab may have written some of these since the engine looked: skip those
			const undoneHere = new Set(
				(await db.tombstones.bulkGet(undone.map((t) => t.uid)))
					.filter((row) => row !== undefined)
					.map((row) => row.uid)
			);
			const gone = new Set([...undoneHere, ...undone.map((t) => t.uid)]);
			// ratings of an own card deleted here (made elsewhere before the deletion arrived
			// there) go with it: tombstoned, so every device takes them off
			const removedCards = await removedOwnCards(
				db,
				reviews.map((r) => r.itemId)
			);
			const late = reviews.filter((r) => removedCards.has(r.itemId) && !gone.has(r.uid!));
			if (late.length > 0) {
				const tombs = late.map((r) => ({ uid: r.uid!, at: removedCards.get(r.itemId)! }));
				await db.tombstones.bulkPut(tombs);
			}
			// the ratings undone elsewhere leave their logs (wherever they are: every log is looked
			// at, as a tombstone names no card)
			const doomed = undone.length > 0 ? await removeReviews(db, new Set(gone)) : [];
			// an id held here, under whatever card, is held: another tab may have written it since
			// the engine looked
			const held = new Set(reviews.length > 0 ? await reviewUids(db) : []);
			const arriving = reviews.filter(
				(r) => !gone.has(r.uid!) && !held.has(r.uid!) && !removedCards.has(r.itemId)
			);
			// each card's history: its log here (a fresh device has none, so nothing is read back)
			// and the arrivals it does not hold yet; a card is touched only by a rating added or
			// taken away, so ratings delivered again change nothing
			const history = await reviewsOfItems(
				db,
				[...arriving, ...doomed].map((r) => r.itemId)
			);
			step('read-here');
			if (undone.length > 0) {
				await db.tombstones.bulkPut(undone.filter((t) => !undoneHere.has(t.uid)));
			}
			for (const { key, value } of settings) await db.settings.put({ key, value });
			const studySettings = clampStudySettings(
				(await db.settings.get('study'))?.value as Partial<StudySettings> | undefined
			);
			// the stored state of every card an arrival may touch, read before the logs are put
			const maybe = [...new Set([...arriving, ...doomed].map((r) => r.itemId))];
			const [cards, flags] = await Promise.all([
				db.cards.bulkGet(maybe),
				db.cardFlags.bulkGet(maybe)
			]);
			const { added: fresh, written } = await appendReviews(db, arriving);
			step('logs-put');
			// from here to `written`, nothing is awaited: the cards are replayed while IndexedDB
			// writes the logs (0.4 to 0.6 s of a fresh phone's 100,000 ratings, on its own thread)
			for (const r of fresh) history.get(r.itemId)!.push(r);
			const touched = new Set([...fresh, ...doomed].map((r) => r.itemId));
			// per card, the ratings taken away here: the stored card counted them
			const undoneOf = new Map<string, number>();
			for (const r of doomed) {
				if (r.rating >= 1 && r.rating <= 4)
					undoneOf.set(r.itemId, (undoneOf.get(r.itemId) ?? 0) + 1);
			}
			const put: CardRow[] = [];
			const drop: string[] = [];
			maybe.forEach((itemId, i) => {
				if (!touched.has(itemId)) return;
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
			step('cards-replayed');
			await Promise.all([
				written,
				put.length > 0 && db.cards.bulkPut(put),
				drop.length > 0 && db.cards.bulkDelete(drop)
			]);
			step('written');
			// a reset (or its Undo) made on another device: the card is what its reviews since make it
			const reset = [...marks.resetChanged];
			if (reset.length > 0) {
				const [resetCards, resetFlags, resetReviews] = await Promise.all([
					db.cards.bulkGet(reset),
					db.cardFlags.bulkGet(reset),
					reviewsOfItems(db, reset)
				]);
				for (let i = 0; i < reset.length; i++) {
					const itemId = reset[i]!;
					const since = reviewsSinceReset(resetReviews.get(itemId) ?? [], resetFlags[i]);
					if (since.length === 0) await db.cards.delete(itemId);
					else {
						const factIds = resetCards[i]?.factIds ?? factIdsOf?.(itemId) ?? [];
						await db.cards.put(replayCard({ itemId, factIds }, since, studySettings));
					}
				}
			}
			// a wrong quiz answer brings its facts' cards forward, on every device: a card
			// replayed here, or one whose facts an arrived attempt answered wrong
			// (an unfinished attempt arrives again after each answer: only a wrong one reads on)
			const arrivedWrong = factIdsOf
				? wrongAnswers(
						rows.ok.flatMap((r) =>
							r.kind === 'attempts' && r.row ? [r.row as { answers: Record<string, unknown> }] : []
						),
						factIdsOf
					)
				: [];
			if (factIdsOf && (put.length > 0 || reset.length > 0 || arrivedWrong.length > 0)) {
				const wrong = wrongAnswers(validRows('attempts', await db.attempts.toArray()), factIdsOf);
				if (wrong.length > 0) {
					const candidates =
						arrivedWrong.length > 0
							? validRows('cards', await db.cards.toArray())
							: validRows(
									'cards',
									(await db.cards.bulkGet([...touched, ...reset])).filter(
										(c): c is CardRow => c !== undefined
									)
								);
					const moved = candidates.flatMap((card) => {
						const next = dueAfterWrongAnswers(card, wrong);
						return next === card ? [] : [next];
					});
					if (moved.length > 0) await db.cards.bulkPut(moved);
				}
			}
			const removed = doomed.length;
			return {
				added: fresh.length,
				removed,
				refused: refused + refusedIds.length,
				refusedIds,
				cards: new Set([...touched, ...reset]).size,
				rows: rowsWritten,
				marks: marks.written
			};
		}
	);
	step('committed');
	step('done');
	return report;
}

/**
 * Writes arrived rows whose copy still outranks the stored one (another tab may have written
 * since the engine looked), and the removals that outrank the row here: a deleted own card
 * goes with its schedule, marks and ratings, as on the device that deleted it. An unfinished
 * attempt keeps the answer being typed here.
 */
async function writeRows(db: SahelDatabase, rows: readonly CheckedRow[]): Promise<number> {
	let written = 0;
	for (const kind of ROW_MAPS) {
		const mine = rows.filter((r) => r.kind === kind);
		if (mine.length === 0) continue;
		const table = db.table<Record<string, unknown>, string>(kind);
		const keys = mine.map((r) => r.key);
		const [stored, removals] = await Promise.all([
			table.bulkGet(keys),
			isRemovable(kind)
				? db.ownRemovals.bulkGet(keys.map((key) => [kind, key] as [typeof kind, string]))
				: []
		]);
		const put: Record<string, unknown>[] = [];
		const removed: { key: string; at: Date }[] = [];
		mine.forEach((arrival, i) => {
			const here = validRow(kind, stored[i]);
			const gone = isRemovable(kind) ? validRow('ownRemovals', removals[i]) : undefined;
			const hereText = here
				? syncedText(kind, here)
				: gone && isRemovable(kind)
					? removalText(kind, arrival.key, gone.at)
					: undefined;
			if (hereText !== undefined && !outranks(kind, arrival.text, hereText)) return;
			if (arrival.removedAt) {
				removed.push({ key: arrival.key, at: arrival.removedAt });
				return;
			}
			const draft = (here as AttemptRow | undefined)?.draft;
			const keepsDraft = kind === 'attempts' && draft !== undefined && !arrival.row!.finishedAt;
			put.push(keepsDraft ? { ...arrival.row!, draft } : arrival.row!);
		});
		if (put.length > 0) await table.bulkPut(put);
		if (isRemovable(kind) && put.length > 0)
			await db.ownRemovals.bulkDelete(
				put.map((row) => [kind, String(row[ROW_KEY[kind]])] as [typeof kind, string])
			);
		for (const { key, at } of removed) {
			if (kind === 'ownCards') await removeOwnCardRows(db, key, at);
			else {
				await table.delete(key);
				await db.ownRemovals.put({ kind: 'cardWordings', key, at });
			}
		}
		written += put.length + removed.length;
	}
	return written;
}

/** The own cards among `itemIds` deleted here (and not written again), with when. */
async function removedOwnCards(
	db: SahelDatabase,
	itemIds: Iterable<string>
): Promise<Map<string, Date>> {
	const own = [...new Set(itemIds)].filter((id) => id.startsWith(OWN_ID_PREFIX));
	const out = new Map<string, Date>();
	if (own.length === 0) return out;
	const removals = await db.ownRemovals.bulkGet(
		own.map((id) => ['ownCards', id] as ['ownCards', string])
	);
	for (const removal of removals) if (removal) out.set(removal.key, removal.at);
	return out;
}

/**
 * Writes arrived marks that are later than the stored ones, card by card; a card whose marks
 * would not pass the row schema is left as it was and its marks refused. Answers the cards
 * whose reset changed (they are replayed).
 */
async function writeMarks(
	db: SahelDatabase,
	marks: readonly MarkEntry[],
	now: Date,
	refusedIds: string[]
): Promise<{ written: number; resetChanged: Set<string> }> {
	const resetChanged = new Set<string>();
	if (marks.length === 0) return { written: 0, resetChanged };
	const byItem = new Map<string, MarkEntry[]>();
	for (const mark of marks) {
		const list = byItem.get(mark.itemId);
		if (list) list.push(mark);
		else byItem.set(mark.itemId, [mark]);
	}
	// a deleted own card's marks stay in the document: they must not bring back its row
	const removed = await removedOwnCards(db, byItem.keys());
	const ids = [...byItem.keys()].filter((id) => !removed.has(id));
	const stored = await db.cardFlags.bulkGet(ids);
	const put: CardFlagRow[] = [];
	let written = 0;
	ids.forEach((itemId, i) => {
		let row: CardFlagRow | undefined = validRow('cardFlags', stored[i]) ?? { itemId };
		const before = new Map(marksOf(row).map((m) => [m.field, m]));
		let changed = 0;
		let reset = false;
		for (const mark of byItem.get(itemId)!) {
			const here = before.get(mark.field);
			if (here && !isLaterMark(mark, here)) continue;
			row = row && withMark(row, mark);
			changed++;
			if (mark.field === 'resetAt') reset = true;
		}
		if (changed === 0) return;
		if (!row || !isValidRow('cardFlags', row, now)) {
			for (const mark of byItem.get(itemId)!)
				refusedIds.push(refusalOf('marks', `${mark.field}:${itemId}`, [mark.value, mark.at]));
			return;
		}
		put.push(row);
		written += changed;
		if (reset) resetChanged.add(itemId);
	});
	if (put.length > 0) await db.cardFlags.bulkPut(put);
	return { written, resetChanged };
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
