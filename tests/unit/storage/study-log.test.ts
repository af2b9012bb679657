// Ratings and Undo as the repository stores them: the card always follows from its reviews.
import Dexie from 'dexie';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createScheduler, newCard } from '$lib/srs/scheduler';
import { DEFAULT_STUDY_SETTINGS } from '$lib/srs/settings';
import { Rating, State, type Grade, type StudyCard } from '$lib/srs/types';
import { DB_NAME } from '$lib/storage/db';
import {
	closeDatabase,
	database,
	recordReview,
	undoReview,
	type RecordedRating
} from '$lib/storage/repository';
import { at, card } from './backup-fixtures';
import { addReviews, removeReviews, reviewCount, reviewsOf } from '$lib/storage/review-log';

const settings = DEFAULT_STUDY_SETTINGS;
const MINUTE = 60_000;
const later = (base: Date, minutes: number) => new Date(base.getTime() + minutes * MINUTE);

const rate = (rating: Grade, when: Date, itemId = 'fc-1') =>
	recordReview({ itemId, factIds: [`fact-${itemId}`], rating, at: when }, settings);

const target = ({ review }: RecordedRating) => ({
	uid: review.uid!,
	itemId: review.itemId,
	review: review.review
});

/** The card one tab alone would have computed from these ratings, one after the other. */
function ratedInTurn(ratings: readonly [Grade, Date][], itemId = 'fc-1'): StudyCard {
	const scheduler = createScheduler(settings);
	let current = newCard(itemId, [`fact-${itemId}`], ratings[0]![1]);
	for (const [rating, when] of ratings) current = scheduler.rateCard(current, rating, when).card;
	return current;
}

const stored = async (itemId = 'fc-1') => (await database()).cards.get(itemId);
const ratingsOf = async (itemId = 'fc-1') =>
	reviewsOf(await database(), itemId).then((rows) => rows.map((row) => row.rating));

afterEach(async () => {
	closeDatabase();
	await Dexie.delete(DB_NAME);
});

describe('recordReview', () => {
	test('stores the review and the card it makes, and answers both', async () => {
		const t0 = at(10);
		const recorded = await rate(Rating.Good, t0);
		expect(recorded.card).toEqual(ratedInTurn([[Rating.Good, t0]]));
		expect(await stored()).toEqual(recorded.card);
		expect(recorded.review).toMatchObject({
			uid: expect.any(String),
			rating: Rating.Good,
			review: t0
		});
		expect(recorded.review.state).toBe(State.New);
	});

	test('two tabs rating the same card in turn: both ratings make the card', async () => {
		const t0 = at(10);
		// tab A rates; tab B, which still shows the card as new, rates it a minute later
		await rate(Rating.Good, t0);
		const fromB = await rate(Rating.Again, later(t0, 1));
		await rate(Rating.Easy, later(t0, 3));
		const expected = ratedInTurn([
			[Rating.Good, t0],
			[Rating.Again, later(t0, 1)],
			[Rating.Easy, later(t0, 3)]
		]);
		expect(await stored()).toEqual(expected);
		expect(fromB.review.state).toBe(State.Learning); // B's review logs the card as A left it
		expect(await ratingsOf()).toEqual([Rating.Good, Rating.Again, Rating.Easy]);
	});

	test('two ratings sent at once are both counted, one transaction after the other', async () => {
		const t0 = at(10);
		await Promise.all([rate(Rating.Good, t0), rate(Rating.Hard, later(t0, 1))]);
		expect((await stored())?.reps).toBe(2);
		expect(await ratingsOf()).toEqual([Rating.Good, Rating.Hard]);
	});

	test('a card whose older logs are gone is rated from its stored state, not forgotten', async () => {
		const db = await database();
		// restored from data that kept the card but not its three reviews
		await db.cards.put(card('fc-1', { factIds: ['fact-fc-1'] }));
		const { card: after } = await rate(Rating.Good, at(21));
		expect(after.reps).toBe(4);
		expect(after).toEqual(
			createScheduler(settings).rateCard(
				card('fc-1', { factIds: ['fact-fc-1'] }),
				Rating.Good,
				at(21)
			).card
		);
	});

	test('nothing is stored when the write fails', async () => {
		const db = await database();
		const failing = vi.spyOn(db.reviewLogs, 'bulkPut').mockRejectedValue(new Error('disk on fire'));
		await expect(rate(Rating.Good, at(10))).rejects.toThrow('disk on fire');
		failing.mockRestore();
		expect(await stored()).toBeUndefined();
		expect(await reviewCount(db)).toBe(0);
	});
});

describe('undoReview', () => {
	test("after another tab's rating, takes back only this rating and replays the rest", async () => {
		const t0 = at(10);
		const mine = await rate(Rating.Easy, t0);
		await rate(Rating.Again, later(t0, 1)); // the other tab
		expect(await undoReview(target(mine), settings)).toEqual(
			ratedInTurn([[Rating.Again, later(t0, 1)]])
		);
		expect(await stored()).toEqual(ratedInTurn([[Rating.Again, later(t0, 1)]]));
		expect(await ratingsOf()).toEqual([Rating.Again]);
	});

	test('of the latest rating, puts the card back exactly, due date moved by a quiz included', async () => {
		const t0 = at(10);
		await rate(Rating.Good, t0);
		await rate(Rating.Good, later(t0, 10));
		const db = await database();
		// a wrong quiz answer made the card due early
		await db.cards.update('fc-1', { due: at(11, 9) });
		const before = await stored();
		const last = await rate(Rating.Hard, at(11, 9, 30));
		await undoReview(target(last), settings);
		expect(await stored()).toEqual(before);
	});

	test('of the only rating, leaves no card, as before it was rated', async () => {
		const only = await rate(Rating.Good, at(10));
		expect(await undoReview(target(only), settings)).toBeUndefined();
		expect(await stored()).toBeUndefined();
		expect(await ratingsOf()).toEqual([]);
	});

	test('on a card whose older logs are gone, rolls the rating back to the stored state', async () => {
		const old = card('fc-1', { factIds: ['fact-fc-1'] });
		await (await database()).cards.put(old);
		const rated = await rate(Rating.Again, at(21));
		expect(await undoReview(target(rated), settings)).toEqual(old);
		expect(await stored()).toEqual(old);
	});

	test('twice (two tabs) undoes once', async () => {
		const t0 = at(10);
		await rate(Rating.Good, t0);
		const second = await rate(Rating.Easy, later(t0, 1));
		const [a, b] = await Promise.all([
			undoReview(target(second), settings),
			undoReview(target(second), settings)
		]);
		expect([a, b].filter((result) => result === false)).toHaveLength(1);
		expect(await ratingsOf()).toEqual([Rating.Good]);
		expect(await stored()).toEqual(ratedInTurn([[Rating.Good, t0]]));
	});

	test('after a restore put another review under its id, changes nothing', async () => {
		const mine = await rate(Rating.Good, at(10));
		const db = await database();
		// a Replace in another tab: the same id now holds a review from the backup
		await removeReviews(db, new Set([mine.review.uid!]));
		await addReviews(db, [{ ...mine.review, review: at(9), rating: Rating.Hard }]);
		const before = { card: await stored(), ratings: await ratingsOf() };
		expect(await undoReview(target(mine), settings)).toBe(false);
		expect({ card: await stored(), ratings: await ratingsOf() }).toEqual(before);
	});
});
