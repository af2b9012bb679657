import { describe, expect, test } from 'vitest';
import { createEmptyCard, forgetting_curve, FSRS6_DEFAULT_DECAY, fsrs } from 'ts-fsrs';
import {
	browserRows,
	browserState,
	cardHistoryEntries,
	DEFAULT_QUERY,
	FSRS6_DECAY,
	queryRows,
	recallProbability,
	type BrowserItem
} from '$lib/srs/card-browser';
import { isHeldBack, isLeech, LEECH_LAPSES, reviewsSinceReset } from '$lib/srs/card-flags';
import { createScheduler, newCard, Rating, State, type StudyCard } from '$lib/srs';

const NOW = new Date(2025, 5, 10, 12);
const DAY = 86_400_000;

const item = (id: string, prompt: string, answer: string, topic = 'troops'): BrowserItem => ({
	id,
	type: 'flashcard',
	prompt,
	answer,
	topic
});

function studied(itemId: string, patch: Partial<StudyCard> = {}): StudyCard {
	const scheduler = createScheduler(undefined, { fuzz: false });
	const { card } = scheduler.rateCard(newCard(itemId, [], NOW), Rating.Good, NOW);
	return {
		...scheduler.rateCard(card, Rating.Good, new Date(NOW.getTime() + 600_000)).card,
		...patch
	};
}

const items = [
	item('a', 'When did Barkhane end?', 'In 2022', 'operations'),
	item('b', 'Who leads Mali?', 'Assimi Goïta'),
	item('c', 'What is MINUSMA?', 'A UN mission')
];

describe('recall probability', () => {
	test('matches ts-fsrs forgetting_curve with FSRS-6 default decay', () => {
		expect(FSRS6_DECAY).toBe(FSRS6_DEFAULT_DECAY);
		for (const [t, s] of [
			[0, 1],
			[3, 2.5],
			[30, 10],
			[400, 90]
		] as const) {
			expect(recallProbability(t, s)).toBeCloseTo(forgetting_curve(FSRS6_DEFAULT_DECAY, t, s), 6);
		}
	});

	test('agrees with ts-fsrs get_retrievability on a studied card', () => {
		const card = studied('a');
		const later = new Date(card.last_review!.getTime() + 5 * DAY);
		const [row] = browserRows([items[0]!], new Map([['a', card]]), new Map(), new Map(), later);
		expect(row!.recall).toBeCloseTo(fsrs().get_retrievability(card, later, false), 2);
	});
});

describe('states and marks', () => {
	test('a suspended card is suspended, a buried one buried until its time, else the FSRS state', () => {
		const card = studied('a');
		expect(browserState(undefined, undefined, NOW)).toBe('new');
		expect(browserState(card, undefined, NOW)).toBe('review');
		expect(browserState(card, { itemId: 'a', suspended: true }, NOW)).toBe('suspended');
		const buried = { itemId: 'a', buriedUntil: new Date(NOW.getTime() + DAY) };
		expect(browserState(card, buried, NOW)).toBe('buried');
		expect(browserState(card, buried, new Date(NOW.getTime() + 2 * DAY))).toBe('review');
		expect(isHeldBack(buried, NOW)).toBe(true);
		expect(isHeldBack({ itemId: 'a', flag: 'red' }, NOW)).toBe(false);
	});

	test(`a card failed ${LEECH_LAPSES} times is a leech`, () => {
		expect(isLeech({ lapses: LEECH_LAPSES - 1 })).toBe(false);
		expect(isLeech({ lapses: LEECH_LAPSES })).toBe(true);
		expect(isLeech(undefined)).toBe(false);
	});

	test('a reset keeps only the reviews made since', () => {
		const reviews = [{ review: new Date(1) }, { review: new Date(5) }, { review: new Date(9) }];
		expect(reviewsSinceReset(reviews, { resetAt: new Date(5) })).toHaveLength(2);
		expect(reviewsSinceReset(reviews, undefined)).toHaveLength(3);
	});
});

describe('search, filters and sort', () => {
	const cards = new Map([
		['a', studied('a', { lapses: 8, due: new Date(NOW.getTime() + 3 * DAY) })],
		['b', studied('b', { due: new Date(NOW.getTime() + DAY) })]
	]);
	const flags = new Map([['c', { itemId: 'c', flag: 'red' as const }]]);
	const rows = browserRows(items, cards, flags, new Map([['a', Rating.Again]]), NOW);
	const ids = (query: Partial<typeof DEFAULT_QUERY>) =>
		queryRows(rows, { ...DEFAULT_QUERY, ...query }).map((r) => r.itemId);

	test.each([
		['barkhane', ['a']],
		['GOÏTA', ['b']],
		['  un mission ', ['c']],
		['nothing like it', []]
	])('searching %j over front and back finds %j', (text, expected) => {
		expect(ids({ text, sort: 'front' })).toEqual(expected);
	});

	test('filters by topic, state, flag and leech', () => {
		expect(ids({ topic: 'operations' })).toEqual(['a']);
		expect(ids({ state: 'new' })).toEqual(['c']);
		expect(ids({ flag: 'red' })).toEqual(['c']);
		expect(ids({ flag: 'none' }).sort()).toEqual(['a', 'b']);
		expect(ids({ flag: 'leech' })).toEqual(['a']);
	});

	test('sorts by a column, missing values last in either direction', () => {
		expect(ids({ sort: 'due' })).toEqual(['b', 'a', 'c']);
		expect(ids({ sort: 'due', descending: true })).toEqual(['a', 'b', 'c']);
		expect(ids({ sort: 'lapses', descending: true })).toEqual(['a', 'b', 'c']);
		expect(ids({ sort: 'lastRating' })).toEqual(['a', 'b', 'c']);
	});

	test('a row shows the last rating and a never-studied card has no due date or recall', () => {
		const c = rows.find((r) => r.itemId === 'c')!;
		expect(c.due).toBeUndefined();
		expect(c.recall).toBeUndefined();
		expect(rows.find((r) => r.itemId === 'a')!.lastRating).toBe(Rating.Again);
	});
});

test('history: each rating with the interval it gave, read from the next due date before rating', () => {
	const t0 = NOW;
	const t1 = new Date(NOW.getTime() + 600_000);
	const reviews = [
		{ review: t0, rating: Rating.Good, previousDue: t0 },
		{ review: t1, rating: Rating.Good, previousDue: t1 }
	];
	const entries = cardHistoryEntries(reviews, { due: new Date(t1.getTime() + 3 * DAY) });
	expect(entries).toEqual([
		{ at: t0, rating: Rating.Good, interval: '10m' },
		{ at: t1, rating: Rating.Good, interval: '3d' }
	]);
	expect(State.New).toBe(createEmptyCard().state);
});
