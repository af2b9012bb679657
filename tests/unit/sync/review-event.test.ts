// A review as it travels: both forms decode to the stored row, and any entry of another shape
// (a field of the wrong type at any position, another id, another length) decodes to nothing.
import { describe, expect, test } from 'vitest';
import type { StudyReview } from '$lib/srs/types';
import { decodeReviewEvent, encodeReviewEvent, encodeReviewText } from '$lib/sync/review-event';

const full: StudyReview & { uid: string } = {
	uid: 'uid-1',
	itemId: 'item-1',
	rating: 3,
	state: 2,
	review: new Date(Date.UTC(2025, 5, 3, 9)),
	due: new Date(Date.UTC(2025, 5, 1, 9)),
	stability: 10.5,
	difficulty: 5.25,
	elapsed_days: 3,
	last_elapsed_days: 2,
	scheduled_days: 10,
	learning_steps: 0,
	previousDue: new Date(Date.UTC(2025, 5, 2, 9)),
	durationMs: 4200
};
const bare: StudyReview & { uid: string } = { ...full, uid: 'uid-2' };
delete bare.previousDue;
delete bare.durationMs;

const text = (review: StudyReview & { uid: string }) =>
	JSON.parse(encodeReviewText(review)) as unknown[];

describe('decodeReviewEvent', () => {
	test('the text form and the map form decode to the row, optional fields or none', () => {
		for (const review of [full, bare]) {
			expect(decodeReviewEvent(review.uid, text(review))).toEqual(review);
			expect(decodeReviewEvent(review.uid, encodeReviewEvent(review))).toEqual(review);
		}
		expect('previousDue' in decodeReviewEvent(bare.uid, text(bare))!).toBe(false);
	});

	test('an entry of any other shape decodes to nothing', () => {
		const good = text(full);
		const broken: unknown[][] = [
			[1, ...good.slice(1)], // the text form under the map form's version
			good.slice(0, 14),
			[...good, null],
			[2, 'another-uid', ...good.slice(2)],
			[2, 'uid-1', 7, ...good.slice(3)] // an item id that is no string
		];
		// every number position (rating to steps), then the two optional ones
		for (let i = 3; i <= 14; i++) {
			for (const wrong of ['3', Number.NaN, Number.POSITIVE_INFINITY, undefined, {}]) {
				const copy = [...good];
				copy[i] = wrong;
				broken.push(copy);
			}
		}
		for (const event of broken) expect(decodeReviewEvent('uid-1', event)).toBeUndefined();
		for (const event of ['[2]', null, 7, { 0: 2 }])
			expect(decodeReviewEvent('uid-1', event)).toBeUndefined();
	});
});
