// Where ratings are stored: one row per card, its log, not one row per rating. A card's state
// is the replay of its log, so a rating reads and writes that one row; and a fresh device that
// receives 100,000 ratings writes a few hundred rows. (IndexedDB in Chromium here takes about
// 6 s to put 100,000 rows with their indexes, 4 s with none, and 0.2 s for 100 rows of 1,000:
// the cost is per row and per index entry, so `npm run bench -- browser-sync` measures it.)
// Within a row, the app's own ratings are packed as columns (see review-pack.ts): IndexedDB
// copies an object per rating slowly and an array of numbers at once.
// Every other module reads and writes reviews through these functions, inside its own
// transaction over `db.reviewLogs`.
import type { ReviewLogRow, ReviewRow, SahelDatabase } from './db';
import { validRows } from './repository';
import { packedUids, packReviews, unpackReviews } from './review-pack';

/** The newest review time among `reviews` (the log's `last`), or the epoch for none. */
function lastOf(reviews: readonly ReviewRow[]): Date {
	let last = 0;
	for (const review of reviews) {
		const time = review?.review instanceof Date ? review.review.getTime() : NaN;
		if (time > last) last = time;
	}
	return new Date(last);
}

/** A stored log's entries exactly as stored, damaged ones included (a rewrite keeps them). */
function rawOf(log: ReviewLogRow | undefined): ReviewRow[] {
	if (!log) return [];
	const rows = Array.isArray(log.reviews) ? log.reviews : [];
	const packed = log.packed === undefined ? undefined : unpackReviews(log.itemId, log.packed);
	return packed && packed.length > 0 ? [...packed, ...rows] : rows;
}

/** A stored log's ratings: its entries that are rows at all (damaged ones included). */
function storedOf(log: ReviewLogRow | undefined): ReviewRow[] {
	return rawOf(log).filter((r) => typeof r === 'object' && r !== null);
}

/** The ratings reads use: the app's own rows, of the log's card. */
function validOf(log: ReviewLogRow | undefined): ReviewRow[] {
	const stored = storedOf(log);
	return stored.length === 0
		? []
		: validRows(
				'reviews',
				stored.filter((r) => r?.itemId === log!.itemId)
			);
}

/** Oldest first: by time, then by id (two ratings of one card in one millisecond). */
export function byTime(a: ReviewRow, b: ReviewRow): number {
	const byClock = a.review.getTime() - b.review.getTime();
	if (byClock !== 0) return byClock;
	return (a.uid ?? '') < (b.uid ?? '') ? -1 : (a.uid ?? '') > (b.uid ?? '') ? 1 : 0;
}

/** A rating as it is stored: a local key from before logs means nothing any more. */
function stored(review: ReviewRow): ReviewRow {
	if (review.id === undefined) return review;
	const row = { ...review };
	delete row.id;
	return row;
}

/** One card's ratings, oldest first. */
export async function reviewsOf(db: SahelDatabase, itemId: string): Promise<ReviewRow[]> {
	return validOf(await db.reviewLogs.get(itemId)).sort(byTime);
}

/** The ratings of each of `itemIds` (oldest first; a card never rated has none). */
export async function reviewsOfItems(
	db: SahelDatabase,
	itemIds: Iterable<string>
): Promise<Map<string, ReviewRow[]>> {
	const ids = [...new Set(itemIds)];
	const logs = ids.length > 0 ? await db.reviewLogs.bulkGet(ids) : [];
	return new Map(ids.map((id, i) => [id, validOf(logs[i]).sort(byTime)]));
}

/** Every rating, oldest first. */
export async function allReviews(db: SahelDatabase): Promise<ReviewRow[]> {
	return (await db.reviewLogs.toArray()).flatMap(validOf).sort(byTime);
}

/**
 * Every rating made at or after `start`, oldest first: only the logs whose newest rating is
 * that late are read (the `last` index), so today's ratings cost today's cards.
 */
export async function reviewsFrom(db: SahelDatabase, start: Date): Promise<ReviewRow[]> {
	const logs = await db.reviewLogs.where('last').aboveOrEqual(start).toArray();
	return logs
		.flatMap(validOf)
		.filter((r) => r.review >= start)
		.sort(byTime);
}

/**
 * The newest `limit` ratings (of the items `only` holds, when given), newest first. Logs are
 * walked from the most recently rated card and the walk stops at the first log whose newest
 * rating is older than all `limit` found: none of it could be among them.
 */
export async function newestReviews(
	db: SahelDatabase,
	limit: number,
	keep: (review: ReviewRow) => boolean
): Promise<ReviewRow[]> {
	const found: ReviewRow[] = [];
	let threshold = -Infinity;
	await db.reviewLogs
		.orderBy('last')
		.reverse()
		// (a damaged `last` that is no Date never stops the walk)
		.until(
			(log) => found.length >= limit && log.last instanceof Date && log.last.getTime() < threshold
		)
		.each((log) => {
			found.push(...validOf(log).filter(keep));
			found.sort((a, b) => byTime(b, a));
			found.length = Math.min(found.length, limit);
			if (found.length >= limit) threshold = found[found.length - 1]!.review.getTime();
		});
	return found;
}

/** Every stored rating as stored, damaged ones included (backups check them; sync lists ids). */
export async function storedReviews(db: SahelDatabase): Promise<ReviewRow[]> {
	return (await db.reviewLogs.toArray()).flatMap(storedOf);
}

/** The entries of a log kept as rows (not packed), that are rows at all. */
function rowsOf(log: ReviewLogRow): ReviewRow[] {
	return Array.isArray(log.reviews)
		? log.reviews.filter((r) => typeof r === 'object' && r !== null)
		: [];
}

/** The global id of every stored rating (read from the packed columns, not unpacked). */
export async function reviewUids(db: SahelDatabase): Promise<string[]> {
	const uids: string[] = [];
	for (const log of await db.reviewLogs.toArray()) {
		for (const uid of packedUids(log.packed)) uids.push(uid);
		for (const review of rowsOf(log)) if (typeof review.uid === 'string') uids.push(review.uid);
	}
	return uids;
}

/** How many ratings are stored. */
export async function reviewCount(db: SahelDatabase): Promise<number> {
	let count = 0;
	await db.reviewLogs.each((log) => (count += packedUids(log.packed).length + rowsOf(log).length));
	return count;
}

/**
 * A log to write: its ratings, what a damaged row held in their place, and a packed field this
 * version cannot read (a later version's, or a damaged one), each kept as it was.
 */
interface NextLog {
	reviews: ReviewRow[];
	damaged?: unknown;
	unreadPacked?: unknown;
}

/** A stored log's packed field when this version cannot read it (kept as it is). */
function unreadPackedOf(log: ReviewLogRow | undefined): unknown {
	if (log?.packed === undefined) return undefined;
	return unpackReviews(log.itemId, log.packed) ? undefined : log.packed;
}

/** What a stored log held instead of a list of ratings (a row no app wrote), to keep it. */
function damagedOf(log: ReviewLogRow | undefined): unknown {
	if (!log) return undefined;
	if (log.damaged !== undefined) return log.damaged;
	return Array.isArray(log.reviews) || log.reviews === undefined ? undefined : log.reviews;
}

/** Writes each card's log as given (a card with no ratings left loses its row). */
async function writeLogs(db: SahelDatabase, logs: Map<string, NextLog>): Promise<void> {
	const put: ReviewLogRow[] = [];
	const drop: string[] = [];
	for (const [itemId, { reviews, damaged, unreadPacked }] of logs) {
		if (reviews.length === 0 && damaged === undefined && unreadPacked === undefined) {
			drop.push(itemId);
			continue;
		}
		// beside a packed field it cannot read, this version adds nothing to it: rows only
		const { packed, rows } =
			unreadPacked === undefined
				? packReviews(itemId, reviews)
				: { packed: undefined, rows: reviews };
		const log: ReviewLogRow = { itemId, reviews: rows, last: lastOf(reviews) };
		if (packed) log.packed = packed;
		else if (unreadPacked !== undefined) log.packed = unreadPacked as ReviewLogRow['packed'];
		if (damaged) log.damaged = damaged;
		put.push(log);
	}
	if (put.length > 0) await db.reviewLogs.bulkPut(put);
	if (drop.length > 0) await db.reviewLogs.bulkDelete(drop);
}

/**
 * Adds ratings to their cards' logs, each once: one whose global id its log holds already is
 * left out. Answers the ratings added.
 */
export async function addReviews(
	db: SahelDatabase,
	reviews: readonly ReviewRow[]
): Promise<ReviewRow[]> {
	const { added, written } = await appendReviews(db, reviews);
	await written;
	return added;
}

/**
 * `addReviews` that does not wait for the write: it answers the ratings added once their logs
 * are handed to IndexedDB, and `written` settles when they are stored. A caller in the same
 * transaction can work meanwhile (a sync arrival replays its cards while IndexedDB's own thread
 * writes the logs); it must await `written` before anything else it awaits.
 */
export async function appendReviews(
	db: SahelDatabase,
	reviews: readonly ReviewRow[]
): Promise<{ added: ReviewRow[]; written: Promise<void> }> {
	if (reviews.length === 0) return { added: [], written: Promise.resolve() };
	const byItem = new Map<string, ReviewRow[]>();
	for (const review of reviews) {
		const list = byItem.get(review.itemId);
		if (list) list.push(stored(review));
		else byItem.set(review.itemId, [stored(review)]);
	}
	const ids = [...byItem.keys()];
	const logs = await db.reviewLogs.bulkGet(ids);
	const added: ReviewRow[] = [];
	const next = new Map<string, NextLog>();
	ids.forEach((itemId, i) => {
		const here = rawOf(logs[i]);
		const seen = new Set(here.map((r) => r?.uid));
		const fresh = byItem.get(itemId)!.filter((r) => {
			if (r.uid !== undefined && seen.has(r.uid)) return false;
			seen.add(r.uid);
			return true;
		});
		if (fresh.length === 0) return;
		added.push(...fresh);
		next.set(itemId, {
			reviews: [...here, ...fresh],
			damaged: damagedOf(logs[i]),
			unreadPacked: unreadPackedOf(logs[i])
		});
	});
	return { added, written: writeLogs(db, next) };
}

/**
 * Takes out the ratings whose global id is in `uids` (of the cards in `itemIds` when the
 * caller knows them; otherwise every log is looked at). Answers the ratings taken out.
 */
export async function removeReviews(
	db: SahelDatabase,
	uids: ReadonlySet<string>,
	itemIds?: Iterable<string>
): Promise<ReviewRow[]> {
	if (uids.size === 0) return [];
	const ids = itemIds ? [...new Set(itemIds)] : undefined;
	const logs = ids
		? (await db.reviewLogs.bulkGet(ids)).filter((log) => log !== undefined)
		: await db.reviewLogs.toArray();
	const removed: ReviewRow[] = [];
	const next = new Map<string, NextLog>();
	for (const log of logs) {
		const here = rawOf(log);
		const doomed = (r: ReviewRow) => typeof r?.uid === 'string' && uids.has(r.uid);
		const gone = here.filter(doomed);
		if (gone.length === 0) continue;
		// (of the ratings taken out only: not the log's packed ones)
		removed.push(...validOf({ itemId: log.itemId, reviews: gone, last: log.last }));
		next.set(log.itemId, {
			reviews: here.filter((r) => !doomed(r)),
			damaged: damagedOf(log),
			unreadPacked: unreadPackedOf(log)
		});
	}
	await writeLogs(db, next);
	return removed;
}

/** Deletes one card's log; answers its ratings (the app's own rows). */
export async function takeLog(db: SahelDatabase, itemId: string): Promise<ReviewRow[]> {
	const log = await db.reviewLogs.get(itemId);
	if (log) await db.reviewLogs.delete(itemId);
	return validOf(log);
}

/** Deletes every rating. */
export async function clearReviews(db: SahelDatabase): Promise<void> {
	await db.reviewLogs.clear();
}

/** The logs `reviews` make: the shape the schema upgrade turns a table of ratings into. */
export function logsOf(reviews: readonly ReviewRow[]): ReviewLogRow[] {
	const byItem = new Map<string, ReviewRow[]>();
	for (const review of reviews) {
		const key = typeof review?.itemId === 'string' ? review.itemId : '';
		const list = byItem.get(key);
		if (list) list.push(stored(review));
		else byItem.set(key, [stored(review)]);
	}
	return [...byItem].map(([itemId, list]) => {
		const { packed, rows } = packReviews(itemId, list);
		return { itemId, reviews: rows, last: lastOf(list), ...(packed ? { packed } : {}) };
	});
}
