// The study deck every page schedules, lists and exports: the bank's study items in the
// learner's wording, with the cards the learner wrote placed in article order.
import { studyItems } from '$lib/bank/study-items';
import type { Bank, BankItem } from '$lib/bank/types';
import { deckItems, ownCardsOf } from '$lib/srs/own-cards';
import { loadOwnDeck, type OwnDeckData } from '$lib/storage';
import { DEFAULT_PACK_ID, getBank } from './bank';

export interface Deck {
	bank: Bank;
	/** Every study card, own ones included, in the learner's wording. */
	items: BankItem[];
	/** The bank's study items as the bank words them (for "restore the original"). */
	bankItems: BankItem[];
	own: OwnDeckData;
}

/** The bank and the learner's own cards and wordings, joined. */
export async function loadDeck(): Promise<Deck> {
	const [bank, all] = await Promise.all([getBank(), loadOwnDeck()]);
	const bankItems = studyItems(bank);
	// the chosen article's own cards only, as its study counts its own bank cards only
	const own = { ...all, ownCards: ownCardsOf(all.ownCards, bank.pack.id, DEFAULT_PACK_ID) };
	return { bank, items: deckItems(bankItems, own.ownCards, own.wordings), bankItems, own };
}
