// Cards the learner owns: the cards they write and their wording of bank cards. Each change
// is one transaction and answers what it replaced, so the browser can undo it; every text is
// checked (own-card-text.ts in srs) before anything is written. A removal (a card deleted, a
// wording given back to the bank's) is kept in `ownRemovals`, and a deleted card's ratings are
// tombstoned, so sync takes them off every device instead of bringing them back. An Undo is a
// change of its own, made now, so it wins on the devices that already took the change it undoes.
import { reviewsSinceReset } from '../srs/card-flags';
import { checkedCardText } from '../srs/own-card-text';
import { replayCard } from '../srs/replay';
import { clampStudySettings } from '../srs/settings';
import type { StudySettings } from '../srs/types';
import { CLOZE_GAP, OWN_ID_PREFIX, type OwnCardKind } from '../srs/own-cards';
import { noteLocalChange } from './change-feed';
import type {
	CardFlagRow,
	CardRow,
	CardWordingRow,
	OwnCardRow,
	ReviewRow,
	SahelDatabase
} from './db';
import { database as openDatabase } from './repository';
import { newReviewUid } from './review-uid';
import { addReviews, reviewsOf, takeLog } from './review-log';

/** This device's database, or another (tests: two devices in one process). */
const database = (db?: SahelDatabase) => (db ? Promise.resolve(db) : openDatabase());

/**
 * The date of a change made now to a row last changed at `seen` (its edits, its removal): a
 * change made after seeing another is later than it even when this clock is behind the other
 * device's, so sync's "later change wins" keeps what the learner did last, not what the
 * faster clock did. Only races between changes that did not see each other go by the clocks.
 */
export function changeDate(now: Date, ...seen: (Date | undefined)[]): Date {
	const latest = Math.max(...seen.map((d) => d?.getTime() ?? -Infinity));
	return latest >= now.getTime() ? new Date(latest + 1) : now;
}

/** Tells sync; answers `value`. */
function changed<T>(value: T): T {
	noteLocalChange({ kind: 'cards' });
	return value;
}

/** A card as the learner writes it; `paragraph` and `quote` when made from the article. */
export interface OwnCardInput {
	kind: OwnCardKind;
	front: string;
	back: string;
	/** The article it is written for. */
	packId?: string;
	paragraph?: string;
	quote?: string;
}

/** What a change replaced, for Undo: the rows as they were (absent when there was none). */
export interface OwnSnapshot {
	ownCardIds: string[];
	wordingIds: string[];
	ownCards: OwnCardRow[];
	wordings: CardWordingRow[];
	/** A deleted own card's schedule, marks and reviews, put back by Undo. */
	cards: CardRow[];
	flags: CardFlagRow[];
	reviews: ReviewRow[];
}

function emptySnapshot(ownCardIds: string[] = [], wordingIds: string[] = []): OwnSnapshot {
	return { ownCardIds, wordingIds, ownCards: [], wordings: [], cards: [], flags: [], reviews: [] };
}

function newId(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(9));
	return OWN_ID_PREFIX + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Stores a new own card (refusing bad text with a CardTextError); answers it and its Undo. */
export async function addOwnCard(
	input: OwnCardInput,
	now: Date,
	db?: SahelDatabase
): Promise<{ card: OwnCardRow; snapshot: OwnSnapshot }> {
	const { front, back } = checkedCardText(input.kind, input.front, input.back);
	const card: OwnCardRow = {
		id: newId(),
		kind: input.kind,
		front,
		back,
		createdAt: now,
		updatedAt: now
	};
	if (input.packId) card.packId = input.packId;
	if (input.paragraph) card.paragraph = input.paragraph;
	if (input.quote) card.quote = input.quote.slice(0, 8000);
	await (await database(db)).ownCards.add(card);
	return changed({ card, snapshot: emptySnapshot([card.id]) });
}

/** Rewrites an own card's two sides; answers what it was. */
export async function editOwnCard(
	id: string,
	sides: { front: string; back: string },
	now: Date,
	own?: SahelDatabase
): Promise<OwnSnapshot> {
	const db = await database(own);
	const snapshot = await db.transaction('rw', db.ownCards, async () => {
		const before = await db.ownCards.get(id);
		if (!before)
			// named as a card text error, so the page says it in the learner's language
			throw Object.assign(
				new Error('This card no longer exists: it was deleted, maybe in another tab.'),
				{
					name: 'CardTextError',
					code: 'gone'
				}
			);
		const { front, back } = checkedCardText(before.kind, sides.front, sides.back);
		await db.ownCards.put({ ...before, front, back, updatedAt: changeDate(now, before.updatedAt) });
		return { ...emptySnapshot([id]), ownCards: [before] };
	});
	return changed(snapshot);
}

/** The tables a deletion of an own card writes. */
const removalTables = (db: SahelDatabase) => [
	db.ownCards,
	db.cards,
	db.cardFlags,
	db.reviewLogs,
	db.tombstones,
	db.ownRemovals
];

/**
 * Removes an own card with its schedule, marks and reviews (inside a transaction over
 * `removalTables`): its ratings are tombstoned and the removal kept, at `at`. Answers what
 * was there. Sync calls it too, for a deletion made on another device.
 */
export async function removeOwnCardRows(
	db: SahelDatabase,
	id: string,
	at: Date
): Promise<OwnSnapshot> {
	const [card, schedule, flags, reviews] = await Promise.all([
		db.ownCards.get(id),
		db.cards.get(id),
		db.cardFlags.get(id),
		takeLog(db, id)
	]);
	const snapshot = emptySnapshot([id]);
	if (card) snapshot.ownCards.push(card);
	if (schedule) snapshot.cards.push(schedule);
	if (flags) snapshot.flags.push(flags);
	snapshot.reviews = reviews;
	const tombs = reviews.filter((r) => typeof r.uid === 'string').map((r) => ({ uid: r.uid!, at }));
	await Promise.all([
		db.ownCards.delete(id),
		db.cards.delete(id),
		db.cardFlags.delete(id),
		db.tombstones.bulkPut(tombs),
		db.ownRemovals.put({ kind: 'ownCards', key: id, at })
	]);
	return snapshot;
}

/** Deletes an own card with its schedule, marks and reviews, in one transaction. */
export async function deleteOwnCard(
	id: string,
	now: Date = new Date(),
	own?: SahelDatabase
): Promise<OwnSnapshot> {
	const db = await database(own);
	const snapshot = await db.transaction('rw', removalTables(db), async () => {
		const card = await db.ownCards.get(id);
		return removeOwnCardRows(db, id, changeDate(now, card?.updatedAt));
	});
	noteLocalChange({ kind: 'reviews' });
	return changed(snapshot);
}

/**
 * Keeps the learner's wording of a bank card; a side equal to the bank's is not stored, so
 * "restore the original" is the same as writing the bank's text back.
 */
export async function saveWording(
	item: { id: string; type: 'flashcard' | 'reverse' | 'cloze'; prompt: string; answer: string },
	sides: { front: string; back: string },
	now: Date,
	own?: SahelDatabase
): Promise<OwnSnapshot> {
	const { front, back } = checkedCardText(
		item.type === 'cloze' && sides.front.includes(CLOZE_GAP) ? 'cloze' : 'flashcard',
		sides.front,
		sides.back
	);
	const db = await database(own);
	const snapshot = await db.transaction('rw', db.cardWordings, db.ownRemovals, async () => {
		const [before, removal] = await Promise.all([
			db.cardWordings.get(item.id),
			db.ownRemovals.get(['cardWordings', item.id])
		]);
		const date = changeDate(now, before?.updatedAt, removal?.at);
		const row: CardWordingRow = { itemId: item.id, updatedAt: date };
		if (front !== item.prompt) row.front = front;
		if (back !== item.answer) row.back = back;
		if (row.front === undefined && row.back === undefined) {
			// the bank's text over the bank's text changes nothing, and its Undo must not either
			// (a removal dated then would take another device's wording away)
			if (!before) return emptySnapshot();
			await removeWording(db, item.id, date);
		} else await putWording(db, row);
		return { ...emptySnapshot([], [item.id]), wordings: before ? [before] : [] };
	});
	return changed(snapshot);
}

/** Stores a wording (no longer removed). */
async function putWording(db: SahelDatabase, row: CardWordingRow): Promise<void> {
	await db.cardWordings.put(row);
	await db.ownRemovals.delete(['cardWordings', row.itemId]);
}

/** Gives a card back the bank's wording, keeping the removal for sync. */
async function removeWording(db: SahelDatabase, itemId: string, at: Date): Promise<void> {
	await db.cardWordings.delete(itemId);
	await db.ownRemovals.put({ kind: 'cardWordings', key: itemId, at });
}

/** "Restore the original": the bank's wording again; answers the learner's, for Undo. */
export async function restoreOriginalWording(
	itemId: string,
	now: Date = new Date(),
	own?: SahelDatabase
): Promise<OwnSnapshot> {
	const db = await database(own);
	const snapshot = await db.transaction('rw', db.cardWordings, db.ownRemovals, async () => {
		const before = await db.cardWordings.get(itemId);
		if (!before) return emptySnapshot();
		await removeWording(db, itemId, changeDate(now, before.updatedAt));
		return { ...emptySnapshot([], [itemId]), wordings: [before] };
	});
	return changed(snapshot);
}

/**
 * A restored card that gained ratings since the snapshot (another device's, arrived after the
 * card came back there) is the replay of all of them, as sync makes it on every other device.
 */
async function replayChanged(db: SahelDatabase, previous: OwnSnapshot): Promise<void> {
	for (const card of previous.ownCards) {
		const reviews = await reviewsOf(db, card.id);
		const had = previous.reviews.filter((r) => r.itemId === card.id).length;
		if (reviews.length === had) continue;
		const [flags, study, stored] = await Promise.all([
			db.cardFlags.get(card.id),
			db.settings.get('study'),
			db.cards.get(card.id)
		]);
		const since = reviewsSinceReset(reviews, flags);
		if (since.length === 0) continue;
		const settings = clampStudySettings(study?.value as Partial<StudySettings> | undefined);
		const factIds = stored?.factIds ?? previous.cards.find((c) => c.itemId === card.id)?.factIds;
		await db.cards.put(replayCard({ itemId: card.id, factIds: factIds ?? [] }, since, settings));
	}
}

/**
 * Puts the rows of a snapshot back (Undo): the cards and wordings as they were, dated now (or
 * just after the change it undoes, see `changeDate`), so this change also wins on devices that
 * already took the one it undoes. A deleted card's
 * ratings come back under new ids: their old ids are tombstoned, and a tombstone is final.
 */
export async function restoreOwnSnapshot(
	previous: OwnSnapshot,
	now: Date = new Date(),
	own?: SahelDatabase
): Promise<void> {
	const db = await database(own);
	await db.transaction('rw', [...removalTables(db), db.cardWordings, db.settings], async () => {
		// a card that did not exist before goes with the schedule and reviews it gained since
		// each row's change dated after whatever this device holds of it now
		const seen = async (kind: 'ownCards' | 'cardWordings', key: string) => {
			const [row, removal] = await Promise.all([
				kind === 'ownCards' ? db.ownCards.get(key) : db.cardWordings.get(key),
				db.ownRemovals.get([kind, key])
			]);
			return changeDate(now, row?.updatedAt, removal?.at);
		};
		const kept = new Set(previous.ownCards.map((c) => c.id));
		for (const id of previous.ownCardIds)
			if (!kept.has(id)) await removeOwnCardRows(db, id, await seen('ownCards', id));
		const keptWordings = new Set(previous.wordings.map((w) => w.itemId));
		for (const itemId of previous.wordingIds)
			if (!keptWordings.has(itemId))
				await removeWording(db, itemId, await seen('cardWordings', itemId));
		for (const card of previous.ownCards) {
			await db.ownCards.put({ ...card, updatedAt: await seen('ownCards', card.id) });
			await db.ownRemovals.delete(['ownCards', card.id]);
		}
		for (const wording of previous.wordings)
			await putWording(db, { ...wording, updatedAt: await seen('cardWordings', wording.itemId) });
		if (previous.cards.length) await db.cards.bulkPut(previous.cards);
		if (previous.flags.length) await db.cardFlags.bulkPut(previous.flags);
		if (previous.reviews.length)
			await addReviews(
				db,
				previous.reviews.map((r) => ({ ...r, uid: newReviewUid() }))
			);
		await replayChanged(db, previous);
	});
	if (previous.reviews.length) noteLocalChange({ kind: 'reviews' });
	changed(undefined);
}
