import { describe, expect, test } from 'vitest';
import { createScheduler, newCard } from '../../../src/lib/srs/scheduler';
import { formatInterval } from '../../../src/lib/srs/interval-label';
import { Rating, State, type Grade, type StudyCard } from '../../../src/lib/srs/types';
import { NOW, settings } from './fixtures';

const MINUTE = 60_000;
const scheduler = createScheduler(settings(), { fuzz: false });

describe('newCard', () => {
	test('is a new card due now that knows its item and facts', () => {
		const card = newCard('fc-1', ['f1', 'f2'], NOW);
		expect(card).toMatchObject({
			itemId: 'fc-1',
			factIds: ['f1', 'f2'],
			state: State.New,
			reps: 0
		});
		expect(card.due).toEqual(NOW);
	});
});

describe('rateCard', () => {
	test('Again on a new card schedules the first learning step, one minute away', () => {
		const { card, review } = scheduler.rateCard(newCard('fc-1', ['f1'], NOW), Rating.Again, NOW);
		expect(card.state).toBe(State.Learning);
		expect(card.due.getTime() - NOW.getTime()).toBe(1 * MINUTE);
		expect(card).toMatchObject({ itemId: 'fc-1', factIds: ['f1'], reps: 1 });
		expect(review).toMatchObject({ itemId: 'fc-1', rating: Rating.Again, state: State.New });
		expect(review.review).toEqual(NOW);
		expect(review.previousDue).toEqual(NOW);
	});

	test('Good through both learning steps graduates the card to review', () => {
		let card = newCard('fc-1', ['f1'], NOW);
		let now = NOW;
		for (const expectedState of [State.Learning, State.Review]) {
			card = scheduler.rateCard(card, Rating.Good, now).card;
			expect(card.state).toBe(expectedState);
			now = card.due;
		}
		expect(card.scheduled_days).toBeGreaterThanOrEqual(1);
	});

	test('without fuzz the same rating gives the same schedule', () => {
		const card = scheduler.rateCard(newCard('a', [], NOW), Rating.Easy, NOW).card;
		const later = new Date(card.due.getTime() + 86_400_000);
		const one = scheduler.rateCard(card, Rating.Good, later).card;
		const two = scheduler.rateCard(card, Rating.Good, later).card;
		expect(one).toEqual(two);
	});

	test('a card last reviewed in the future (clock set back) can still be rated', () => {
		const reviewed = scheduler.rateCard(newCard('a', [], NOW), Rating.Easy, NOW).card;
		const clockSetBack = new Date(NOW.getTime() - 2 * 86_400_000);
		const { card, review } = scheduler.rateCard(reviewed, Rating.Good, clockSetBack);
		expect(card.reps).toBe(2);
		expect(review.review).toEqual(NOW);
	});

	test('a higher desired retention gives a shorter interval', () => {
		const strict = createScheduler(settings({ desiredRetention: 0.97 }), { fuzz: false });
		const relaxed = createScheduler(settings({ desiredRetention: 0.8 }), { fuzz: false });
		const card = newCard('a', [], NOW);
		const strictDays = strict.rateCard(card, Rating.Easy, NOW).card.scheduled_days;
		const relaxedDays = relaxed.rateCard(card, Rating.Easy, NOW).card.scheduled_days;
		expect(strictDays).toBeLessThan(relaxedDays);
	});
});

describe('previewIntervals', () => {
	test('labels each button of a new card with the default steps', () => {
		const preview = scheduler.previewIntervals(newCard('a', [], NOW), NOW);
		expect({
			Again: formatInterval(preview.Again),
			Hard: formatInterval(preview.Hard),
			Good: formatInterval(preview.Good),
			Easy: formatInterval(preview.Easy)
		}).toEqual({
			Again: '1m',
			Hard: '6m',
			Good: '10m',
			Easy: '8d'
		});
	});

	test('follows the configured learning steps', () => {
		const custom = createScheduler(settings({ learningSteps: ['5m', '1h'] }), { fuzz: false });
		const preview = custom.previewIntervals(newCard('a', [], NOW), NOW);
		expect(formatInterval(preview.Again)).toBe('5m');
		expect(formatInterval(preview.Good)).toBe('1h');
	});

	test('does not change the card it previews', () => {
		const card = newCard('a', [], NOW);
		const before = structuredClone(card);
		scheduler.previewIntervals(card, NOW);
		expect(card).toEqual(before);
	});
});

describe('undoReview', () => {
	// each rating comes three hours after the card was due, so a rollback that only knows the
	// review time would put the wrong due date back
	const ratings: Grade[] = [
		Rating.Good,
		Rating.Again,
		Rating.Good,
		Rating.Good,
		Rating.Good,
		Rating.Again,
		Rating.Good,
		Rating.Hard,
		Rating.Easy
	];

	test.each(ratings.map((_, i) => [i]))(
		'restores the exact card before rating number %i of a long history',
		(stop) => {
			let card: StudyCard = newCard('fc-1', ['f1'], NOW);
			for (let i = 0; i < stop; i++) {
				const late = new Date(card.due.getTime() + 3 * 60 * MINUTE);
				card = scheduler.rateCard(card, ratings[i]!, late).card;
			}
			const before = structuredClone(card);
			const late = new Date(card.due.getTime() + 3 * 60 * MINUTE);
			const { card: after, review } = scheduler.rateCard(card, ratings[stop]!, late);
			expect(after).not.toEqual(before);
			expect(scheduler.undoReview(after, review)).toEqual(before);
		}
	);

	test('undo works on a review read back from storage, whatever its extra fields', () => {
		const card = newCard('fc-1', ['f1'], NOW);
		const { card: after, review } = scheduler.rateCard(card, Rating.Good, NOW);
		const stored = { ...structuredClone(review), id: 42, durationMs: 3200 };
		expect(scheduler.undoReview(after, stored)).toEqual(card);
	});
});
