// The card browser's rows: every study item with its card, the learner's marks and its last
// rating, and the search, filters and sort over them. Pure and allocation-light, because a
// search runs on each keystroke over up to 10,000 rows.
import { State, type Rating } from './fsrs-constants';
import { isHeldBack, isLeech, type CardFlags, type FlagColour } from './card-flags';
import type { BankItem } from '../bank/types';
import { formatInterval } from './interval-label';
import { isOwnCardId } from './own-cards';
import type { StudyCard, StudyReview } from './types';

/** What the browser calls a card's state: FSRS's four, or the learner's hold on it. */
export const BROWSER_STATES = [
	'new',
	'learning',
	'review',
	'relearning',
	'suspended',
	'buried'
] as const;
export type BrowserState = (typeof BROWSER_STATES)[number];

/**
 * FSRS-6's default decay (ts-fsrs `FSRS6_DEFAULT_DECAY`, checked by a unit test): restated
 * because importing anything from ts-fsrs brings its whole scheduler into the page.
 */
export const FSRS6_DECAY = 0.1542;
const DAY_MS = 86_400_000;

/** Probability of recall after `elapsedDays` for a memory of `stability` days (FSRS-6 curve). */
export function recallProbability(elapsedDays: number, stability: number): number {
	const decay = -FSRS6_DECAY;
	const factor = Math.pow(0.9, 1 / decay) - 1;
	return Math.pow(1 + (factor * Math.max(0, elapsedDays)) / stability, decay);
}

/** One line of the browser. */
export interface BrowserRow {
	itemId: string;
	front: string;
	back: string;
	topic: string;
	type: BankItem['type'];
	state: BrowserState;
	/** Undefined for a card never studied. */
	due?: Date;
	stability: number;
	/** Current probability of recall, 0 to 1; undefined for a card never studied. */
	recall?: number;
	lapses: number;
	lastRating?: Rating;
	flag?: FlagColour;
	leech: boolean;
	/** A card the learner wrote. */
	own: boolean;
	/** A bank card shown in the learner's wording. */
	reworded: boolean;
	/** Front and back lower-cased once, so a keystroke only compares strings. */
	haystack: string;
}

export type BrowserItem = Pick<BankItem, 'id' | 'type' | 'prompt' | 'answer' | 'topic'>;

const FSRS_STATES: Record<State, BrowserState> = {
	[State.New]: 'new',
	[State.Learning]: 'learning',
	[State.Review]: 'review',
	[State.Relearning]: 'relearning'
};

/** The browser's state for a card: a hold (suspended, then buried) wins over FSRS's state. */
export function browserState(
	card: Pick<StudyCard, 'state'> | undefined,
	flags: CardFlags | undefined,
	now: Date
): BrowserState {
	if (flags?.suspended) return 'suspended';
	if (isHeldBack(flags, now)) return 'buried';
	return card ? FSRS_STATES[card.state] : 'new';
}

/** The browser's rows, in bank order (which follows the article). */
export function browserRows(
	items: readonly BrowserItem[],
	cards: ReadonlyMap<string, StudyCard>,
	flags: ReadonlyMap<string, CardFlags>,
	lastRatings: ReadonlyMap<string, Rating>,
	now: Date,
	reworded: ReadonlySet<string> = new Set()
): BrowserRow[] {
	return items.map((item) => {
		const card = cards.get(item.id);
		const mark = flags.get(item.id);
		const studied = card !== undefined && card.state !== State.New;
		const row: BrowserRow = {
			itemId: item.id,
			front: item.prompt,
			back: item.answer,
			topic: item.topic,
			type: item.type,
			state: browserState(card, mark, now),
			stability: studied ? card.stability : 0,
			lapses: card?.lapses ?? 0,
			leech: isLeech(card),
			own: isOwnCardId(item.id),
			reworded: reworded.has(item.id),
			haystack: `${item.prompt}\n${item.answer}`.toLowerCase()
		};
		if (studied) {
			row.due = card.due;
			const last = card.last_review?.getTime() ?? now.getTime();
			row.recall = recallProbability((now.getTime() - last) / DAY_MS, card.stability);
		}
		const rating = lastRatings.get(item.id);
		if (rating !== undefined) row.lastRating = rating;
		if (mark?.flag) row.flag = mark.flag;
		return row;
	});
}

export const SORT_KEYS = [
	'front',
	'state',
	'due',
	'stability',
	'recall',
	'lapses',
	'lastRating'
] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** "any" for no filter; for flags also "leech" and "none". */
export interface BrowserQuery {
	text: string;
	topic: string;
	type: string;
	state: BrowserState | 'any';
	flag: FlagColour | 'any' | 'none' | 'leech';
	sort: SortKey;
	descending: boolean;
}

export const DEFAULT_QUERY: BrowserQuery = {
	text: '',
	topic: 'any',
	type: 'any',
	state: 'any',
	flag: 'any',
	sort: 'due',
	descending: false
};

function matches(row: BrowserRow, query: BrowserQuery, needle: string): boolean {
	if (query.topic !== 'any' && row.topic !== query.topic) return false;
	if (query.type !== 'any' && row.type !== query.type) return false;
	if (query.state !== 'any' && row.state !== query.state) return false;
	if (query.flag === 'leech') {
		if (!row.leech) return false;
	} else if (query.flag === 'none') {
		if (row.flag) return false;
	} else if (query.flag !== 'any' && row.flag !== query.flag) return false;
	return needle === '' || row.haystack.includes(needle);
}

const stateOrder = new Map(BROWSER_STATES.map((s, i) => [s, i]));

// missing values (never studied, never rated) sort last whichever the direction
function sortValue(row: BrowserRow, key: SortKey): number | string | undefined {
	switch (key) {
		case 'front':
			return row.front.toLowerCase();
		case 'state':
			return stateOrder.get(row.state);
		case 'due':
			return row.due?.getTime();
		case 'stability':
			return row.due ? row.stability : undefined;
		case 'recall':
			return row.recall;
		case 'lapses':
			return row.lapses;
		case 'lastRating':
			return row.lastRating;
	}
}

/** The rows `query` keeps, sorted by its column (stable: ties keep bank order). */
export function queryRows(rows: readonly BrowserRow[], query: BrowserQuery): BrowserRow[] {
	const needle = query.text.trim().toLowerCase();
	const kept = rows.filter((row) => matches(row, query, needle));
	const sign = query.descending ? -1 : 1;
	const keyed = kept.map((row) => ({ row, value: sortValue(row, query.sort) }));
	keyed.sort((a, b) => {
		if (a.value === b.value) return 0;
		if (a.value === undefined) return 1;
		if (b.value === undefined) return -1;
		return (a.value < b.value ? -1 : 1) * sign;
	});
	return keyed.map((k) => k.row);
}

/** One line of a card's history. */
export interface HistoryEntry {
	at: Date;
	rating: Rating;
	/** The interval this rating gave, as a label ("10m", "4d"); undefined when unknown. */
	interval?: string;
}

/**
 * A card's history from its reviews in time order. A log does not hold the due date its
 * rating set, so it is read from the next log's `previousDue` (the card's due date just
 * before that rating), or the card's own for the latest rating.
 */
export function cardHistoryEntries(
	reviews: readonly Pick<StudyReview, 'review' | 'rating' | 'previousDue'>[],
	card: Pick<StudyCard, 'due'> | undefined
): HistoryEntry[] {
	return reviews.map((r, i) => {
		const nextDue = i + 1 < reviews.length ? reviews[i + 1]!.previousDue : card?.due;
		const entry: HistoryEntry = { at: r.review, rating: r.rating };
		if (nextDue) entry.interval = formatInterval(nextDue.getTime() - r.review.getTime());
		return entry;
	});
}
