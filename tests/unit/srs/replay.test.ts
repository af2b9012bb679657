import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
	compareReviews,
	historyIsComplete,
	missesRatings,
	replayCard
} from '../../../src/lib/srs/replay';
import { createScheduler, newCard } from '../../../src/lib/srs/scheduler';
import { Rating, type Grade, type StudyCard, type StudyReview } from '../../../src/lib/srs/types';
import { NOW, settings } from './fixtures';

const MINUTE = 60_000;
const identity = { itemId: 'fc-1', factIds: ['f1'] };

/** Rates a new card through `ratings` one after the other, as a single tab does. */
function ratedInTurn(ratings: readonly { rating: Grade; at: Date }[], fuzz = true) {
	const scheduler = createScheduler(settings(), { fuzz });
	let card: StudyCard = newCard(identity.itemId, identity.factIds, ratings[0]!.at);
	const reviews: StudyReview[] = [];
	ratings.forEach(({ rating, at }, i) => {
		const rated = scheduler.rateCard(card, rating, at);
		card = rated.card;
		reviews.push({ ...rated.review, id: i + 1 });
	});
	return { card, reviews };
}

const grade = fc.constantFrom<Grade>(Rating.Again, Rating.Hard, Rating.Good, Rating.Easy);
// gaps from a second to two months, so cards go through learning, review and relearning
const ratingsArb = fc
	.array(fc.record({ rating: grade, gap: fc.integer({ min: 1000, max: 60 * 86_400_000 }) }), {
		minLength: 1,
		maxLength: 30
	})
	.map((steps) => {
		let t = NOW.getTime();
		return steps.map(({ rating, gap }) => ({ rating, at: new Date((t += gap)) }));
	});

describe('replayCard', () => {
	test('gives the card that rating it in turn gives, fuzz on or off', () => {
		fc.assert(
			fc.property(ratingsArb, fc.boolean(), (ratings, fuzz) => {
				const { card, reviews } = ratedInTurn(ratings, fuzz);
				expect(replayCard(identity, reviews, settings(), { fuzz })).toEqual(card);
			}),
			{ numRuns: 1000 }
		);
	});

	test('gives the same card whatever order the reviews are listed in', () => {
		fc.assert(
			fc.property(ratingsArb, fc.integer(), (ratings, seed) => {
				const { card, reviews } = ratedInTurn(ratings);
				const shuffled = [...reviews].sort(
					(a, b) => (((a.id! * 2654435761) ^ seed) >>> 0) - (((b.id! * 2654435761) ^ seed) >>> 0)
				);
				expect(replayCard(identity, shuffled, settings())).toEqual(card);
			}),
			{ numRuns: 100 }
		);
	});

	test('two tabs rating in turn make the card both ratings make, not the last tab alone', () => {
		const good = { rating: Rating.Good, at: NOW } as const;
		const again = { rating: Rating.Again, at: new Date(NOW.getTime() + MINUTE) } as const;
		const { card, reviews } = ratedInTurn([good, again]);
		expect(replayCard(identity, reviews, settings())).toEqual(card);
		expect(replayCard(identity, reviews, settings()).reps).toBe(2);
		expect(replayCard(identity, reviews, settings())).not.toEqual(ratedInTurn([again]).card);
	});

	test('two ratings in the same millisecond replay in the order they were stored', () => {
		const { reviews } = ratedInTurn([
			{ rating: Rating.Easy, at: NOW },
			{ rating: Rating.Again, at: NOW }
		]);
		const replayed = replayCard(identity, [...reviews].reverse(), settings());
		expect(replayed).toEqual(
			ratedInTurn([
				{ rating: Rating.Easy, at: NOW },
				{ rating: Rating.Again, at: NOW }
			]).card
		);
		expect(compareReviews(reviews[0]!, reviews[1]!)).toBeLessThan(0);
	});

	test('skips a manual reschedule, which is no rating', () => {
		const { card, reviews } = ratedInTurn([{ rating: Rating.Good, at: NOW }]);
		const manual = {
			...reviews[0]!,
			id: 9,
			rating: Rating.Manual,
			review: new Date(NOW.getTime() + MINUTE)
		};
		expect(replayCard(identity, [...reviews, manual], settings())).toEqual(card);
	});

	test('with no rating, is a new card of that item', () => {
		expect(replayCard(identity, [], settings())).toMatchObject({ ...identity, reps: 0, state: 0 });
	});

	test('uses the settings in force: a higher desired retention gives a nearer due date', () => {
		const { reviews } = ratedInTurn([
			{ rating: Rating.Easy, at: NOW },
			{ rating: Rating.Good, at: new Date(NOW.getTime() + 10 * 86_400_000) }
		]);
		const relaxed = replayCard(identity, reviews, settings({ desiredRetention: 0.8 }));
		const strict = replayCard(identity, reviews, settings({ desiredRetention: 0.97 }));
		expect(strict.due.getTime()).toBeLessThan(relaxed.due.getTime());
		// memory itself does not depend on the target
		expect(strict.stability).toBe(relaxed.stability);
	});
});

describe('historyIsComplete', () => {
	const { reviews } = ratedInTurn([
		{ rating: Rating.Good, at: NOW },
		{ rating: Rating.Good, at: new Date(NOW.getTime() + 10 * MINUTE) }
	]);
	test.each([
		['no stored card', undefined, 2, true],
		['as many reps as reviews', { reps: 2 }, 2, true],
		['fewer reps than reviews (a rating another tab dropped)', { reps: 1 }, 2, true],
		['more reps than reviews (older logs gone)', { reps: 5 }, 2, false],
		['reps but no reviews at all', { reps: 1 }, 0, false]
	])('%s: %s', (_, stored, count, complete) => {
		expect(historyIsComplete(stored, reviews.slice(0, count))).toBe(complete);
	});
});

describe('missesRatings', () => {
	const { card, reviews } = ratedInTurn([
		{ rating: Rating.Good, at: NOW },
		{ rating: Rating.Good, at: new Date(NOW.getTime() + 10 * MINUTE) }
	]);
	test.each([
		['a card holding every rating', 2, false],
		['a card missing one (another device rated it)', 1, true],
		['a card with ratings whose logs are gone', 5, false]
	])('%s', (_, reps, misses) => {
		expect(missesRatings({ ...card, reps }, reviews)).toBe(misses);
	});

	test('a manual reschedule is no missing rating', () => {
		const manual = { ...reviews[0]!, id: 9, rating: Rating.Manual };
		expect(missesRatings(card, [...reviews, manual])).toBe(false);
	});
});
