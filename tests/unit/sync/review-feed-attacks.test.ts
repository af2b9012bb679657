// Texts of the ratings list built to fool the feed (an independent reader wrote them): damaged
// pieces that join into JSON, and damaged copies of a rating beside or instead of its good one.
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { Rating, type StudyReview } from '$lib/srs/types';
import { isValidRow } from '$lib/storage/stored-rows';
import { reviewsOf } from '$lib/storage/review-log';
import { encodeReviewText } from '$lib/sync/review-event';
import { ReviewFeed } from '$lib/sync/review-feed';
import { syncMaps } from '$lib/sync/sync-doc';
import { at, devicesClosedAfterEach, exchange, linesOf, type Device } from './devices';

const device = devicesClosedAfterEach();
/** What storage keeps: the review row's checks. */
const KEEPS = (review: StudyReview) => isValidRow('reviews', review);

/** A valid text for a review rated on `d` (uid and text). */
async function validText(d: Device, itemId: string) {
	const r = await d.rate(itemId, Rating.Good, at(1));
	const row = (await reviewsOf(d.db, itemId)).find((x) => x.uid === r.uid)!;
	return { uid: r.uid, text: encodeReviewText({ ...row, uid: r.uid }) };
}

describe('the texts of the list are parsed one by one', () => {
	test('a valid text between damaged pieces that would join into JSON is found', async () => {
		const owner = device('owner');
		const { uid, text } = await validText(owner, 'item-1');
		const doc = new Y.Doc();
		// '[0' and '0]' swallow the valid text; '1,2' and '3,4' make up the count (5 values, 5 parsed)
		syncMaps(doc).ratings.push(['[0', text, '0]', '1,2', '3,4']);
		const feed = new ReviewFeed(doc);
		// one by one, the second text is a review named `uid`
		expect(JSON.parse(text)[1]).toBe(uid);
		expect(feed.holds(uid, KEEPS)).toBe(true);
	});

	test('a fresh device receives that review, however the texts arrived', async () => {
		const owner = device('owner');
		const rogue = device('rogue');
		const phone = device('phone');
		const { uid, text } = await validText(owner, 'item-1');
		// the rogue learned the text (say, by file) and writes it among damaged pieces
		syncMaps(rogue.doc).ratings.push(['[0', text, '0]', '1,2', '3,4']);
		// a feed built before, that saw the pieces one transaction at a time, finds it...
		const early = new Y.Doc();
		const earlyFeed = new ReviewFeed(early);
		expect(earlyFeed.holds(uid, KEEPS)).toBe(false);
		for (const piece of ['[0', text, '0]', '1,2', '3,4']) syncMaps(early).ratings.push([piece]);
		expect(earlyFeed.holds(uid, KEEPS)).toBe(true);
		// ...a device that gets them in one update does not
		exchange(rogue.doc, phone.doc);
		const report = await phone.engine.run();
		expect(await phone.reviewUids()).toEqual([uid]);
		expect(report.added).toBe(1);
	});

	test('damaged pieces that would join into a review make no review', async () => {
		const owner = device('owner');
		const phone = device('phone');
		const { text } = await validText(owner, 'item-1');
		const forged = JSON.parse(text) as unknown[];
		forged[1] = 'forged-uid';
		const json = JSON.stringify(forged);
		const cut = json.indexOf(',', json.indexOf('forged-uid'));
		// two halves, each invalid JSON alone, plus '7,8' to keep the count
		const pieces = [json.slice(0, cut), json.slice(cut + 1), '7,8'];
		for (const p of pieces) expect(() => JSON.parse(p)).toThrow();
		syncMaps(phone.doc).ratings.push(pieces);
		// a feed built from the list (as a device that loads it does)
		const feed = new ReviewFeed(phone.doc);
		expect(feed.holds('forged-uid', KEEPS)).toBe(false);
		const report = await phone.engine.run();
		expect(await phone.reviewUids()).toEqual([]);
		expect(report.refused).toBe(3);
	});
});

/**
 * A rating `owner` made and sent, in `rogue`'s copy of the document, with a damaged copy of
 * its text (a rating out of range) to put beside or instead of it.
 */
async function ratingWithDamagedCopy(owner: Device, rogue: Device) {
	const { uid } = await validText(owner, 'item-1');
	await owner.engine.run();
	exchange(owner.doc, rogue.doc);
	const { ratingLines } = syncMaps(rogue.doc);
	const damaged = JSON.parse(linesOf(rogue.doc)[0]!) as unknown[];
	damaged[3] = 9; // a rating out of range
	return { uid, ratingLines, damagedText: JSON.stringify(damaged) };
}

describe('a damaged copy of a rating never hides it', () => {
	test('a device that refused the damaged copy receives the one its owner appends again', async () => {
		const owner = device('owner');
		const phone = device('phone');
		const r = await owner.rate('item-1', Rating.Good, at(1));
		await owner.engine.run();
		const text = syncMaps(owner.doc).ratingLines;
		const damaged = JSON.stringify([
			...(JSON.parse(linesOf(owner.doc)[0]!) as unknown[]).slice(0, 3),
			9
		]);
		// someone else replaces the line with a damaged copy
		owner.doc.transact(() => {
			text.delete(0, text.length);
			text.insert(0, `${damaged}\n`);
		}, 'remote');
		exchange(owner.doc, phone.doc);
		expect((await phone.engine.run()).refused).toBe(1);
		expect((await phone.engine.run()).refused).toBe(0); // (not counted again)
		expect((await owner.engine.run()).sent).toBe(1);
		exchange(owner.doc, phone.doc);
		await phone.engine.run();
		expect(await phone.reviewUids()).toEqual([r.uid]);
	});

	test('a damaged copy before the valid one: the review arrives', async () => {
		const owner = device('owner');
		const rogue = device('rogue');
		const phone = device('phone');
		const { uid, ratingLines, damagedText } = await ratingWithDamagedCopy(owner, rogue);
		ratingLines.insert(0, `${damagedText}\n`);
		exchange(rogue.doc, owner.doc);
		exchange(rogue.doc, phone.doc);
		await phone.engine.run();
		// the valid copy is in the document
		expect(linesOf(phone.doc).filter((t) => t.includes(uid))).toHaveLength(2);
		expect(await phone.reviewUids()).toEqual([uid]);
	});

	test('a damaged text does not hide a valid map entry of an earlier version for the same id', async () => {
		const old = device('old');
		const phone = device('phone');
		const { uid, text } = await validText(old, 'item-1');
		const row = (await reviewsOf(old.db, 'item-1'))[0]!;
		const { encodeReviewEvent } = await import('$lib/sync/review-event');
		const damaged = JSON.parse(text) as unknown[];
		damaged.length = 14; // cut off
		old.doc.transact(() => {
			syncMaps(old.doc).reviews.set(uid, encodeReviewEvent(row));
			syncMaps(old.doc).ratings.push([JSON.stringify(damaged)]);
		});
		exchange(old.doc, phone.doc);
		await phone.engine.run();
		expect(await phone.reviewUids()).toEqual([uid]);
	});

	test('a valid text replaced by a damaged one naming the same id: its owner appends it again', async () => {
		const owner = device('owner');
		const rogue = device('rogue');
		const phone = device('phone');
		const { uid, ratingLines, damagedText } = await ratingWithDamagedCopy(owner, rogue);
		rogue.doc.transact(() => {
			ratingLines.delete(0, ratingLines.length);
			ratingLines.insert(0, `${damagedText}\n`);
		});
		exchange(rogue.doc, owner.doc);
		// a deletion alone is healed (engine.test.ts); a deletion that leaves a damaged copy is not
		const report = await owner.engine.run();
		exchange(owner.doc, phone.doc);
		await phone.engine.run();
		expect(report.sent).toBe(1);
		expect(await phone.reviewUids()).toEqual([uid]);
	});
});
