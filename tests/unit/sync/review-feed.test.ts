// The lines of ratings a sync document holds, as the feed reads them while the document
// changes: lines added at the end, before the lines it read, after a damaged part of a line,
// and lines taken out; and the list of texts the version before wrote.
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
const KEEPS = (review: StudyReview) => isValidRow('reviews', review);

/** `n` ratings made on `d`, each with its stored row (to append through a feed). */
async function rated(d: Device, n: number, day = 1) {
	const out: (StudyReview & { uid: string })[] = [];
	for (let i = 0; i < n; i++) {
		const r = await d.rate(`item-${i}`, Rating.Good, at(day, 9, i));
		const row = (await reviewsOf(d.db, `item-${i}`)).find((x) => x.uid === r.uid)!;
		out.push({ ...row, uid: r.uid });
	}
	return out;
}

describe('a feed reading the lines as they change', () => {
	test('lines appended after it read the document are found', async () => {
		const owner = device('owner');
		const [first, second] = await rated(owner, 2);
		const doc = new Y.Doc();
		const feed = new ReviewFeed(doc);
		doc.transact(() => feed.append([first!]));
		expect(feed.holds(first!.uid, KEEPS)).toBe(true);
		expect(feed.holds(second!.uid, KEEPS)).toBe(false);
		doc.transact(() => feed.append([second!]));
		expect(feed.holds(second!.uid, KEEPS)).toBe(true);
		expect([...feed.entries()].map(([uid]) => uid)).toEqual([first!.uid, second!.uid]);
	});

	test("another device's lines, put before the ones it read, are found", async () => {
		const owner = device('owner');
		const [mine, theirs] = await rated(owner, 2);
		const here = new Y.Doc();
		const there = new Y.Doc();
		// both append at once, unaware of each other: Yjs orders the two appends by client id
		here.clientID = 2;
		there.clientID = 1;
		const feed = new ReviewFeed(here);
		here.transact(() => feed.append([mine!]));
		expect(feed.holds(mine!.uid, KEEPS)).toBe(true);
		there.transact(() => new ReviewFeed(there).append([theirs!]));
		exchange(here, there);
		expect(linesOf(here)).toEqual([theirs, mine].map((r) => encodeReviewText(r!)));
		expect(feed.holds(theirs!.uid, KEEPS)).toBe(true);
		expect(feed.holds(mine!.uid, KEEPS)).toBe(true);
	});

	test('a part of a line left at the end does not swallow the next append', async () => {
		const owner = device('owner');
		const [r] = await rated(owner, 1);
		const doc = new Y.Doc();
		const feed = new ReviewFeed(doc);
		const { ratingLines } = syncMaps(doc);
		ratingLines.insert(0, '[2, "cut');
		expect(feed.holds(r!.uid, KEEPS)).toBe(false);
		doc.transact(() => feed.append([r!]));
		expect(feed.holds(r!.uid, KEEPS)).toBe(true);
		// and a device that reads it all at once finds it too
		expect(new ReviewFeed(doc).holds(r!.uid, KEEPS)).toBe(true);
	});

	test('a line cut in two, or taken out, is no longer held; the other lines are', async () => {
		const owner = device('owner');
		const [a, b, c] = await rated(owner, 3);
		const doc = new Y.Doc();
		const feed = new ReviewFeed(doc);
		doc.transact(() => feed.append([a!, b!, c!]));
		expect(feed.holds(b!.uid, KEEPS)).toBe(true);
		const { ratingLines } = syncMaps(doc);
		const text = ratingLines.toString();
		// a newline in the middle of b's line
		ratingLines.insert(text.indexOf(b!.uid) + 3, '\n');
		expect(feed.holds(b!.uid, KEEPS)).toBe(false);
		expect(feed.holds(a!.uid, KEEPS)).toBe(true);
		const cLine = encodeReviewText(c!);
		ratingLines.delete(ratingLines.toString().indexOf(cLine), cLine.length);
		expect(feed.holds(c!.uid, KEEPS)).toBe(false);
		expect(feed.holds(a!.uid, KEEPS)).toBe(true);
	});
});

/** The ids a feed holds, with the number of their copies. */
const held = (feed: ReviewFeed) => [...feed.entries()].map(([uid, copies]) => [uid, copies.length]);

describe('a feed reads what a fresh read of the document finds (an independent reader broke each)', () => {
	test('an insert after a line with no end joins that line, both ways', async () => {
		const owner = device('owner');
		const [r] = await rated(owner, 1);
		const line = encodeReviewText(r!);
		// a whole line without its end, then text put after it
		const doc = new Y.Doc();
		const feed = new ReviewFeed(doc);
		const { ratingLines } = syncMaps(doc);
		ratingLines.insert(0, `\n${line}`);
		expect(feed.holds(r!.uid, KEEPS)).toBe(true);
		ratingLines.insert(ratingLines.length, 'junk\n');
		expect(feed.holds(r!.uid, KEEPS)).toBe(false);
		expect(held(feed)).toEqual(held(new ReviewFeed(doc)));
		// a first half, then the second
		const split = new Y.Doc();
		const splitFeed = new ReviewFeed(split);
		const text = syncMaps(split).ratingLines;
		text.insert(0, `\n${line.slice(0, 20)}`);
		expect(splitFeed.holds(r!.uid, KEEPS)).toBe(false);
		text.insert(text.length, `${line.slice(20)}\n`);
		expect(splitFeed.holds(r!.uid, KEEPS)).toBe(true);
		expect(held(splitFeed)).toEqual(held(new ReviewFeed(split)));
	});

	test('the owner of a line damaged that way sends it again', async () => {
		const phone = device('phone');
		const rogue = device('rogue');
		const tablet = device('tablet');
		const r = await phone.rate('item-1', Rating.Good, at(1));
		await phone.engine.run();
		exchange(phone.doc, rogue.doc);
		const text = syncMaps(rogue.doc).ratingLines;
		rogue.doc.transact(() => text.delete(text.length - 1, 1));
		exchange(rogue.doc, phone.doc);
		await phone.engine.run();
		rogue.doc.transact(() => text.insert(text.length, 'junk\n'));
		exchange(rogue.doc, phone.doc);
		expect((await phone.engine.run()).sent).toBe(1);
		exchange(phone.doc, tablet.doc);
		await tablet.engine.run();
		expect(await tablet.reviewUids()).toEqual([r.uid]);
	});

	test('something that is not text before the end neither misplaces an insert nor rebuilds on each append', async () => {
		const owner = device('owner');
		const [a, b, c] = await rated(owner, 3);
		const doc = new Y.Doc();
		const feed = new ReviewFeed(doc);
		const { ratingLines } = syncMaps(doc);
		ratingLines.insertEmbed(0, { image: 'x' });
		doc.transact(() => feed.append([a!, b!]));
		expect(feed.holds(b!.uid, KEEPS)).toBe(true);
		// an append is read as one (the ids storage kept are still trusted)
		feed.kept(b!.uid);
		doc.transact(() => feed.append([c!]));
		expect(feed.holds(b!.uid, () => false)).toBe(true);
		// text put at the end of the string, inside the last line, is found as what it is
		ratingLines.insert(ratingLines.toString().length - 1, 'junk');
		expect(feed.holds(c!.uid, KEEPS)).toBe(false);
		expect(held(feed)).toEqual(held(new ReviewFeed(doc)));
	});
});

describe('the version before: texts in a list', () => {
	test('a space it wrote arrives, and its ratings are not sent again as lines', async () => {
		const old = device('old');
		const phone = device('phone');
		const ratings = await rated(old, 3);
		syncMaps(old.doc).ratings.push(ratings.map((r) => encodeReviewText(r)));
		exchange(old.doc, phone.doc);
		const report = await phone.engine.run();
		expect(report.added).toBe(3);
		expect(report.sent).toBe(0);
		expect(await phone.reviewUids()).toEqual(ratings.map((r) => r.uid).sort());
		expect(linesOf(phone.doc)).toEqual([]);
		// a rating made after goes in the lines
		const r = await phone.rate('item-7', Rating.Hard, at(3));
		expect((await phone.engine.run()).sent).toBe(1);
		expect(linesOf(phone.doc).map((line) => JSON.parse(line)[1])).toEqual([r.uid]);
	});
});
