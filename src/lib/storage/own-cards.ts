// Cards the learner owns: the cards they write and their wording of bank cards. Each change
// is one transaction and answers what it replaced, so the browser can undo it exactly; every
// text is checked (own-card-text.ts in srs) before anything is written.
import { checkedCardText } from '../srs/own-card-text';
import { CLOZE_GAP, OWN_ID_PREFIX, type OwnCardKind } from '../srs/own-cards';
import type { CardFlagRow, CardRow, CardWordingRow, OwnCardRow, ReviewRow } from './db';
import { database } from './repository';

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
	now: Date
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
	const db = await database();
	await db.ownCards.add(card);
	return { card, snapshot: emptySnapshot([card.id]) };
}

/** Rewrites an own card's two sides; answers what it was. */
export async function editOwnCard(
	id: string,
	sides: { front: string; back: string },
	now: Date
): Promise<OwnSnapshot> {
	const db = await database();
	return db.transaction('rw', db.ownCards, async () => {
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
		await db.ownCards.put({ ...before, front, back, updatedAt: now });
		return { ...emptySnapshot([id]), ownCards: [before] };
	});
}

/** Deletes an own card with its schedule, marks and reviews, in one transaction. */
export async function deleteOwnCard(id: string): Promise<OwnSnapshot> {
	const db = await database();
	return db.transaction('rw', [db.ownCards, db.cards, db.cardFlags, db.reviews], async () => {
		const [card, schedule, flags, reviews] = await Promise.all([
			db.ownCards.get(id),
			db.cards.get(id),
			db.cardFlags.get(id),
			db.reviews.where('itemId').equals(id).toArray()
		]);
		const snapshot = emptySnapshot([id]);
		if (card) snapshot.ownCards.push(card);
		if (schedule) snapshot.cards.push(schedule);
		if (flags) snapshot.flags.push(flags);
		snapshot.reviews = reviews;
		await Promise.all([
			db.ownCards.delete(id),
			db.cards.delete(id),
			db.cardFlags.delete(id),
			db.reviews.bulkDelete(reviews.map((r) => r.id!))
		]);
		return snapshot;
	});
}

/**
 * Keeps the learner's wording of a bank card; a side equal to the bank's is not stored, so
 * "restore the original" is the same as writing the bank's text back.
 */
export async function saveWording(
	item: { id: string; type: 'flashcard' | 'reverse' | 'cloze'; prompt: string; answer: string },
	sides: { front: string; back: string },
	now: Date
): Promise<OwnSnapshot> {
	const { front, back } = checkedCardText(
		item.type === 'cloze' && sides.front.includes(CLOZE_GAP) ? 'cloze' : 'flashcard',
		sides.front,
		sides.back
	);
	const db = await database();
	return db.transaction('rw', db.cardWordings, async () => {
		const before = await db.cardWordings.get(item.id);
		const row: CardWordingRow = { itemId: item.id, updatedAt: now };
		if (front !== item.prompt) row.front = front;
		if (back !== item.answer) row.back = back;
		if (row.front === undefined && row.back === undefined) await db.cardWordings.delete(item.id);
		else await db.cardWordings.put(row);
		return { ...emptySnapshot([], [item.id]), wordings: before ? [before] : [] };
	});
}

/** "Restore the original": the bank's wording again; answers the learner's, for Undo. */
export async function restoreOriginalWording(itemId: string): Promise<OwnSnapshot> {
	const db = await database();
	return db.transaction('rw', db.cardWordings, async () => {
		const before = await db.cardWordings.get(itemId);
		await db.cardWordings.delete(itemId);
		return { ...emptySnapshot([], [itemId]), wordings: before ? [before] : [] };
	});
}

/** Puts the rows of a snapshot back exactly as they were (Undo). */
export async function restoreOwnSnapshot(previous: OwnSnapshot): Promise<void> {
	const db = await database();
	await db.transaction(
		'rw',
		[db.ownCards, db.cardWordings, db.cards, db.cardFlags, db.reviews],
		async () => {
			// a card that did not exist before goes with the schedule and reviews it gained since
			const kept = new Set(previous.ownCards.map((c) => c.id));
			const added = previous.ownCardIds.filter((id) => !kept.has(id));
			if (added.length) {
				await db.cards.bulkDelete(added);
				await db.cardFlags.bulkDelete(added);
				await db.reviews.where('itemId').anyOf(added).delete();
			}
			await db.ownCards.bulkDelete(previous.ownCardIds);
			await db.cardWordings.bulkDelete(previous.wordingIds);
			await db.ownCards.bulkPut(previous.ownCards);
			await db.cardWordings.bulkPut(previous.wordings);
			if (previous.cards.length) await db.cards.bulkPut(previous.cards);
			if (previous.flags.length) await db.cardFlags.bulkPut(previous.flags);
			// with their keys, so a later Undo of a rating finds its review again
			if (previous.reviews.length) await db.reviews.bulkPut(previous.reviews);
		}
	);
}
