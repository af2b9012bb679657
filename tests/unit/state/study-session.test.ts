import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { formatInterval } from '$lib/srs/interval-label';
import type { Bank } from '$lib/bank/types';
import { createScheduler, newCard, DEFAULT_STUDY_SETTINGS, Rating, type Grade } from '$lib/srs';
import type { StudyCard } from '$lib/srs/types';
import { StudySession } from '$lib/state/study-session.svelte';
import { importBackup } from '$lib/storage/backup';
import { createBackup } from '$lib/storage/backup-format';
import { DB_NAME } from '$lib/storage/db';
import { closeDatabase, database } from '$lib/storage/repository';
import { reviewCount, reviewsOf } from '$lib/storage/review-log';

// the bank the app ships, served to the session as the page would fetch it
const bank = JSON.parse(readFileSync('static/bank/france-mali-2025.json', 'utf8')) as Bank;
vi.mock('$lib/state/bank', async (original) => ({
	...(await original<typeof import('$lib/state/bank')>()),
	getBank: async () => bank
}));

const MINUTE = 60_000;
const START = new Date(2025, 5, 10, 12, 0);

/** One clock for every tab of the test, moved by hand. */
function testClock() {
	let now = START;
	return {
		clock: () => now,
		advance: (ms: number) => (now = new Date(now.getTime() + ms))
	};
}

/** A tab with /study open: its own session over the shared database. */
async function openTab(clock: () => Date): Promise<StudySession> {
	const session = new StudySession(clock);
	await session.load();
	expect(session.phase).toBe('front');
	return session;
}

async function rateShown(session: StudySession, rating: Grade): Promise<string> {
	const itemId = session.current!.id;
	session.reveal();
	await session.rate(rating);
	return itemId;
}

const storedCard = async (itemId: string) => (await database()).cards.get(itemId);
const storedReviews = async (itemId: string) => reviewsOf(await database(), itemId);

/** The card a single tab would have computed from these ratings, one after the other. */
function ratedInTurn(itemId: string, ratings: readonly { rating: Grade; at: Date }[]): StudyCard {
	const item = bank.items.find((candidate) => candidate.id === itemId)!;
	const scheduler = createScheduler(DEFAULT_STUDY_SETTINGS);
	let card = newCard(item.id, item.factIds, ratings[0]!.at);
	for (const { rating, at } of ratings) card = scheduler.rateCard(card, rating, at).card;
	return card;
}

afterEach(async () => {
	vi.restoreAllMocks();
	closeDatabase();
	await Dexie.delete(DB_NAME);
});

describe('StudySession', () => {
	test('shows the first new card, its answer, then the next card after a rating', async () => {
		const time = testClock();
		const session = await openTab(time.clock);
		const first = session.current!;
		expect(session.counts).toMatchObject({ dueNow: 0, newToday: DEFAULT_STUDY_SETTINGS.newPerDay });
		// the learning steps (1m, 10m) label three buttons; Easy skips them by days
		expect(session.intervals).toMatchObject({ Again: 60_000, Hard: 360_000, Good: 600_000 });
		expect(formatInterval(session.intervals!.Easy)).toMatch(/^\d+d$/);
		session.reveal();
		expect(session.phase).toBe('back');

		time.advance(4000);
		await session.rate(Rating.Good);
		expect(session.phase).toBe('front');
		expect(session.current?.id).not.toBe(first.id);
		expect(session.canUndo).toBe(true);
		expect(session.announcement).toBe('Rated Good. Next review in 10m.');
		const [review] = await storedReviews(first.id);
		// the injected clock times the rating and how long the card was on screen
		expect(review).toMatchObject({ rating: Rating.Good, review: time.clock(), durationMs: 4000 });
		expect(session.summary).toMatchObject({ studied: 1, right: 1, activeMs: 4000 });
	});

	test('a double tap on a rating stores one review', async () => {
		const session = await openTab(testClock().clock);
		const itemId = session.current!.id;
		session.reveal();
		await Promise.all([session.rate(Rating.Good), session.rate(Rating.Easy)]);
		expect(await storedReviews(itemId)).toHaveLength(1);
		expect((await storedReviews(itemId))[0]?.rating).toBe(Rating.Good);
		expect(reviewCount(await database())).resolves.toBe(1);
	});

	test('a rating that cannot be saved says so, keeps the card on screen and stores nothing', async () => {
		const session = await openTab(testClock().clock);
		const itemId = session.current!.id;
		session.reveal();
		vi.spyOn((await database()).reviewLogs, 'bulkPut').mockRejectedValue(
			Object.assign(new Error('disk on fire'), { name: 'QuotaExceededError' })
		);
		await session.rate(Rating.Good);
		// shown on screen (saveProblem), saying what happened and what to do
		expect(session.saveProblem).toBe(
			'Your rating could not be saved: This device is out of storage space for the app. Free some space, then try again. Rate the card again.'
		);
		expect(session.announcement).toBe(session.saveProblem);
		expect(session.phase).toBe('back');
		expect(session.current?.id).toBe(itemId);
		expect(session.canUndo).toBe(false);
		expect(await storedCard(itemId)).toBeUndefined();
		vi.restoreAllMocks();

		// and the same tap works once the disk does
		await session.rate(Rating.Good);
		expect(await storedReviews(itemId)).toHaveLength(1);
		expect(session.current?.id).not.toBe(itemId);
		expect(session.saveProblem).toBe('');
	});

	test('Undo takes the rating back and shows the card again', async () => {
		const time = testClock();
		const session = await openTab(time.clock);
		const itemId = await rateShown(session, Rating.Easy);
		time.advance(MINUTE);
		await session.undo();
		expect(session.announcement).toBe('Last rating undone.');
		expect(session.current?.id).toBe(itemId);
		expect(session.phase).toBe('front');
		expect(session.canUndo).toBe(false);
		expect(await storedReviews(itemId)).toEqual([]);
		expect((await storedCard(itemId))?.reps ?? 0).toBe(0);
	});
});

describe('two tabs studying the same card', () => {
	test("each tab's rating counts in the card's schedule, in the order they were made", async () => {
		const time = testClock();
		const [tabA, tabB] = [await openTab(time.clock), await openTab(time.clock)];
		// both tabs show the same first card
		expect(tabB.current?.id).toBe(tabA.current?.id);
		const itemId = await rateShown(tabA, Rating.Good);
		const goodAt = time.clock();
		time.advance(MINUTE);
		await rateShown(tabB, Rating.Again);
		const againAt = time.clock();

		expect((await storedReviews(itemId)).map((r) => r.rating)).toEqual([Rating.Good, Rating.Again]);
		const card = await storedCard(itemId);
		expect(card?.reps).toBe(2);
		expect(card).toEqual(
			ratedInTurn(itemId, [
				{ rating: Rating.Good, at: goodAt },
				{ rating: Rating.Again, at: againAt }
			])
		);
	});

	test("Undo in one tab after the other tab's rating takes back only its own", async () => {
		const time = testClock();
		const [tabA, tabB] = [await openTab(time.clock), await openTab(time.clock)];
		const itemId = await rateShown(tabA, Rating.Easy);
		time.advance(MINUTE);
		await rateShown(tabB, Rating.Again);
		const againAt = time.clock();

		time.advance(MINUTE);
		await tabA.undo();
		const reviews = await storedReviews(itemId);
		expect(reviews.map((r) => r.rating)).toEqual([Rating.Again]);
		// the card is what tab B's rating alone makes of it, as if tab A never rated
		expect(await storedCard(itemId)).toEqual(
			ratedInTurn(itemId, [{ rating: Rating.Again, at: againAt }])
		);
	});

	test("Undo of the latest rating restores the card as the other tab's rating left it", async () => {
		const time = testClock();
		const [tabA, tabB] = [await openTab(time.clock), await openTab(time.clock)];
		const itemId = await rateShown(tabA, Rating.Good);
		const afterA = await storedCard(itemId);
		time.advance(MINUTE);
		await rateShown(tabB, Rating.Hard);
		await tabB.undo();
		expect((await storedReviews(itemId)).map((r) => r.rating)).toEqual([Rating.Good]);
		expect(await storedCard(itemId)).toEqual(afterA);
		expect(tabB.current?.id).toBe(itemId);
	});

	test('a Replace in another tab: the next rating here builds on the restored reviews', async () => {
		const time = testClock();
		const tab = await openTab(time.clock);
		const itemId = tab.current!.id;
		const item = bank.items.find((candidate) => candidate.id === itemId)!;
		// another tab restores a backup in which this card was rated Easy an hour ago
		const easyAt = new Date(START.getTime() - 60 * MINUTE);
		const scheduler = createScheduler(DEFAULT_STUDY_SETTINGS);
		const restored = scheduler.rateCard(newCard(itemId, item.factIds, easyAt), Rating.Easy, easyAt);
		const empty = {
			attempts: [],
			assignments: [],
			submissions: [],
			settings: [],
			cardFlags: [],
			ownCards: [],
			cardWordings: [],
			tombstones: []
		};
		await importBackup(
			createBackup(
				{ ...empty, cards: [restored.card], reviews: [{ ...restored.review, id: 1 }] },
				START,
				'test'
			),
			'replace'
		);

		time.advance(MINUTE);
		await rateShown(tab, Rating.Good);
		expect((await storedReviews(itemId)).map((r) => r.rating)).toEqual([Rating.Easy, Rating.Good]);
		expect(await storedCard(itemId)).toEqual(
			ratedInTurn(itemId, [
				{ rating: Rating.Easy, at: easyAt },
				{ rating: Rating.Good, at: time.clock() }
			])
		);
	});
});
