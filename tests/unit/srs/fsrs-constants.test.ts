import { Rating as FsrsRating, State as FsrsState } from 'ts-fsrs';
import { expect, test } from 'vitest';
import { Rating, State } from '$lib/srs/fsrs-constants';

test('our State constants are exactly ts-fsrs State', () => {
	expect(State).toEqual({
		New: FsrsState.New,
		Learning: FsrsState.Learning,
		Review: FsrsState.Review,
		Relearning: FsrsState.Relearning
	});
});

test('our Rating constants are exactly ts-fsrs Rating', () => {
	expect(Rating).toEqual({
		Manual: FsrsRating.Manual,
		Again: FsrsRating.Again,
		Hard: FsrsRating.Hard,
		Good: FsrsRating.Good,
		Easy: FsrsRating.Easy
	});
});
