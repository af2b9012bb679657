// Read-only views of the study cards for pages that only look at progress (/read shading).
import type { CardRow } from './db';
import { readStored } from './repository';
import { validRows } from './stored-rows';

/** The fields mastery needs from a card. */
export type CardMasteryFields = Pick<CardRow, 'itemId' | 'state' | 'stability'>;

/** Every card's state and stability, without the rest of its scheduling fields. */
export async function readCardMastery(): Promise<CardMasteryFields[]> {
	const cards = validRows('cards', await readStored([], (db) => db.cards.toArray()));
	return cards.map(({ itemId, state, stability }) => ({ itemId, state, stability }));
}
