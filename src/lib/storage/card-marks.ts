// The card browser's reads and writes: the learner's marks on cards (suspend, bury, flag,
// reset) and each card's history. Every change is one transaction and answers what it
// replaced, so the browser can undo it exactly.
import type { Rating } from '../srs/fsrs-constants';
import { CARD_MARK_FIELDS, hasFlags, type CardFlags, type CardMarkField } from '../srs/card-flags';
import { noteLocalChange } from './change-feed';
import type { CardFlagRow, CardRow, ReviewRow } from './db';
import { database, readStored } from './repository';
import { allReviews, reviewsOf } from './review-log';

/** Everything the browser lists. */
export interface CardBrowserData {
	cards: Map<string, CardRow>;
	flags: Map<string, CardFlagRow>;
	lastRatings: Map<string, Rating>;
}

/** Every card, mark and each card's latest rating, read in one transaction. */
export async function loadCardBrowser(): Promise<CardBrowserData> {
	const empty: CardBrowserData = { cards: new Map(), flags: new Map(), lastRatings: new Map() };
	return readStored(empty, (db) =>
		db.transaction('r', db.cards, db.reviewLogs, db.cardFlags, async () => {
			const cards = new Map((await db.cards.toArray()).map((c) => [c.itemId, c]));
			const flags = new Map((await db.cardFlags.toArray()).map((f) => [f.itemId, f]));
			const lastRatings = new Map<string, Rating>();
			// in time order, so the last one written per card is its latest
			for (const r of await allReviews(db)) lastRatings.set(r.itemId, r.rating);
			return { cards, flags, lastRatings };
		})
	);
}

/** One card's reviews, oldest first. */
export async function cardHistory(itemId: string): Promise<ReviewRow[]> {
	return readStored([], (db) => reviewsOf(db, itemId));
}

/** What a change replaced, for Undo: the rows as they were (absent when there was none). */
export interface CardsSnapshot {
	itemIds: string[];
	cards: CardRow[];
	flags: CardFlagRow[];
}

/** A change to the marks of several cards; `undefined` clears a field. */
export type FlagsChange = Partial<Omit<CardFlags, 'itemId' | 'markedAt'>>;

async function snapshot(itemIds: readonly string[]): Promise<CardsSnapshot> {
	const db = await database();
	const [cards, flags] = await Promise.all([
		db.cards.bulkGet([...itemIds]),
		db.cardFlags.bulkGet([...itemIds])
	]);
	return {
		itemIds: [...itemIds],
		cards: cards.filter((c): c is CardRow => c !== undefined),
		flags: flags.filter((f): f is CardFlagRow => f !== undefined)
	};
}

/**
 * `flags` with `fields` stamped as changed at `at` (sync keeps each mark's later change). A
 * stamp always moves forward, even within one millisecond, so an Undo outranks what it undoes.
 */
function stamped(flags: CardFlagRow, fields: readonly CardMarkField[], at: Date): CardFlagRow {
	if (fields.length === 0) return flags;
	const markedAt = { ...flags.markedAt };
	for (const field of fields) markedAt[field] = Math.max(at.getTime(), (markedAt[field] ?? -1) + 1);
	return { ...flags, markedAt };
}

function applied(itemId: string, before: CardFlagRow | undefined, change: FlagsChange, at: Date) {
	const next: CardFlagRow = { ...before, itemId };
	for (const [field, value] of Object.entries(change) as [keyof FlagsChange, unknown][]) {
		if (value === undefined) delete next[field];
		else (next as unknown as Record<string, unknown>)[field] = value;
	}
	return stamped(next, changedMarks(before, next), at);
}

const markValue = (flags: CardFlagRow | undefined, field: CardMarkField) => {
	const value = flags?.[field];
	return value instanceof Date ? value.getTime() : value;
};

/** The marks that differ between two rows of one card. */
function changedMarks(a: CardFlagRow | undefined, b: CardFlagRow | undefined): CardMarkField[] {
	return CARD_MARK_FIELDS.filter((field) => markValue(a, field) !== markValue(b, field));
}

/**
 * A row worth keeping: one with marks, or one that records when marks were taken off (so a
 * synced device does not put back a mark taken off here).
 */
const worthKeeping = (flags: CardFlagRow) => hasFlags(flags) || flags.markedAt !== undefined;

/** Changes the marks of `itemIds` at `at`, in one transaction; answers what they were. */
export async function changeCardFlags(
	itemIds: readonly string[],
	change: FlagsChange,
	at: Date
): Promise<CardsSnapshot> {
	const db = await database();
	const before = await db.transaction('rw', db.cards, db.cardFlags, async () => {
		const before = await snapshot(itemIds);
		const byId = new Map(before.flags.map((f) => [f.itemId, f]));
		const next = itemIds.map((id) => applied(id, byId.get(id), change, at));
		await db.cardFlags.bulkPut(next.filter(worthKeeping));
		await db.cardFlags.bulkDelete(next.filter((f) => !worthKeeping(f)).map((f) => f.itemId));
		return before;
	});
	noteLocalChange({ kind: 'marks' });
	return before;
}

/**
 * Makes `itemIds` new again at `at`: their card rows go and their reviews stay in the
 * history, marked as before the reset so they no longer schedule the card.
 */
export async function resetCards(itemIds: readonly string[], at: Date): Promise<CardsSnapshot> {
	const db = await database();
	const before = await db.transaction('rw', db.cards, db.cardFlags, async () => {
		const before = await snapshot(itemIds);
		const byId = new Map(before.flags.map((f) => [f.itemId, f]));
		await db.cardFlags.bulkPut(
			itemIds.map((id) => stamped({ ...byId.get(id), itemId: id, resetAt: at }, ['resetAt'], at))
		);
		await db.cards.bulkDelete([...itemIds]);
		return before;
	});
	noteLocalChange({ kind: 'marks' });
	return before;
}

/**
 * Puts the cards and marks of a snapshot back exactly as they were (Undo); the marks it
 * changes count as changed at `at`, so a synced device takes the Undo too.
 */
export async function restoreCards(previous: CardsSnapshot, at: Date): Promise<void> {
	const db = await database();
	await db.transaction('rw', db.cards, db.cardFlags, async () => {
		const now = new Map(
			(await db.cardFlags.bulkGet(previous.itemIds))
				.filter((f): f is CardFlagRow => f !== undefined)
				.map((f) => [f.itemId, f])
		);
		const was = new Map(previous.flags.map((f) => [f.itemId, f]));
		const rows = previous.itemIds.map((itemId) => {
			const current = now.get(itemId);
			const back: CardFlagRow = { ...was.get(itemId), itemId };
			// the times of the marks as they are now, plus this Undo's for those it changes
			if (current?.markedAt) back.markedAt = { ...current.markedAt };
			return stamped(back, changedMarks(current, back), at);
		});
		await db.cards.bulkDelete(previous.itemIds);
		await db.cardFlags.bulkDelete(previous.itemIds);
		await db.cards.bulkPut(previous.cards);
		await db.cardFlags.bulkPut(rows.filter(worthKeeping));
	});
	noteLocalChange({ kind: 'marks' });
}
