// Cards the learner owns: cards they write (from a passage of the article or from nothing)
// and their own wording of a bank card. Both are kept apart from the bank, so a new bank
// version never touches them. Pure: the text checks, the cloze made from a selection, and the
// study items the rest of the app schedules, lists and exports like the bank's own.
import type { BankItem } from '../bank/types';

/** A question and answer, or a sentence with a gap (the gap is `CLOZE_GAP` in the front). */
export const OWN_CARD_KINDS = ['basic', 'cloze'] as const;
export type OwnCardKind = (typeof OWN_CARD_KINDS)[number];

/** Where the bank writes a cloze's gap; own clozes use the same mark. */
export const CLOZE_GAP = '_____';

/** Own card ids start with this, so they never meet a bank item id. */
export const OWN_ID_PREFIX = 'own-';

/** The topic own cards are listed under in the card browser. */
export const OWN_TOPIC = 'Your own cards';

/** One card the learner wrote. */
export interface OwnCard {
	id: string;
	kind: OwnCardKind;
	front: string;
	back: string;
	/** The article (pack) it was written for: each article's study counts its own cards only. */
	packId?: string;
	/** The article paragraph it was made from (p1, p2, ...), when it was. */
	paragraph?: string;
	/** The words selected in that paragraph. */
	quote?: string;
	createdAt: Date;
	updatedAt: Date;
}

/** The learner's wording of a bank card; an absent side keeps the bank's. */
export interface CardWording {
	itemId: string;
	front?: string;
	back?: string;
	updatedAt: Date;
}

/** What a side of a card may hold: enough for a paragraph, not a pasted page. */
export const CARD_TEXT_MAX = 2000;

/** An own card as a study item, so study, the browser and the exports treat it as any card. */
export function ownCardItem(card: OwnCard): BankItem {
	return {
		id: card.id,
		type: card.kind === 'cloze' ? 'cloze' : 'flashcard',
		prompt: card.front,
		answer: card.back,
		explanation: '',
		// no fact: an own card never buries a bank card, nor is buried by one
		factIds: [],
		topic: OWN_TOPIC,
		difficulty: 2,
		source: { paragraph: card.paragraph ?? '', quote: card.quote ?? '' }
	};
}

/** The own cards of article `packId`; a card naming none is of `defaultPackId`. */
export function ownCardsOf<T extends Pick<OwnCard, 'packId'>>(
	cards: readonly T[],
	packId: string,
	defaultPackId: string
): T[] {
	return cards.filter((card) => (card.packId ?? defaultPackId) === packId);
}

/** Whether an item id names an own card. */
export function isOwnCardId(itemId: string): boolean {
	return itemId.startsWith(OWN_ID_PREFIX);
}

/** A bank item in the learner's wording (the item itself when there is none). */
export function withWording(item: BankItem, wording: CardWording | undefined): BankItem {
	if (!wording || (wording.front === undefined && wording.back === undefined)) return item;
	const reworded = { ...item };
	if (wording.front !== undefined) reworded.prompt = wording.front;
	if (wording.back !== undefined) {
		reworded.answer = wording.back;
		// the bank's other spellings belong to its answer, not to the learner's
		delete reworded.accept;
		delete reworded.keyTerms;
	}
	return reworded;
}

const paragraphNumber = (id: string | undefined) => {
	const match = /^p(\d+)$/.exec(id ?? '');
	return match ? Number(match[1]) : Infinity;
};

/**
 * Every study card in article order: the bank's items in the learner's wording, each own
 * card after the bank cards of its paragraph (own cards of no paragraph last, oldest first).
 */
export function deckItems(
	bankItems: readonly BankItem[],
	ownCards: readonly OwnCard[],
	wordings: ReadonlyMap<string, CardWording>
): BankItem[] {
	const items = bankItems.map((item) => withWording(item, wordings.get(item.id)));
	const own = [...ownCards].sort(
		(a, b) =>
			paragraphNumber(a.paragraph) - paragraphNumber(b.paragraph) ||
			a.createdAt.getTime() - b.createdAt.getTime()
	);
	const out: BankItem[] = [];
	let next = 0;
	for (const item of items) {
		const here = paragraphNumber(item.source.paragraph);
		while (next < own.length && paragraphNumber(own[next]!.paragraph) < here) {
			out.push(ownCardItem(own[next++]!));
		}
		out.push(item);
	}
	while (next < own.length) out.push(ownCardItem(own[next++]!));
	return out;
}
