import { describe, expect, test, vi } from 'vitest';
import { Rating } from '$lib/srs/types';
import { syncMaps } from '$lib/sync/sync-doc';
import { reviewsOf } from '$lib/storage/review-log';
import * as Y from 'yjs';
import { encodeReviewEvent, encodeReviewText } from '$lib/sync/review-event';
import { createSyncStore } from '$lib/storage/sync-store';
import { SyncEngine } from '$lib/sync/engine';
import { at, exchange, devicesClosedAfterEach, linesOf, syncAll } from './devices';

const device = devicesClosedAfterEach();

describe('two devices that rated offline', () => {
	test('end with the union of their reviews and identical card states', async () => {
		const phone = device('phone');
		const laptop = device('laptop');
		await phone.rate('item-1', Rating.Good, at(1));
		await phone.rate('item-2', Rating.Again, at(1, 9, 5));
		await laptop.rate('item-1', Rating.Hard, at(3));
		await laptop.rate('item-3', Rating.Easy, at(3, 10));
		await phone.rate('item-1', Rating.Good, at(5));

		await syncAll(phone, laptop);

		const uids = await phone.reviewUids();
		expect(uids).toHaveLength(5);
		expect(await laptop.reviewUids()).toEqual(uids);
		const cards = await phone.cards();
		expect(cards.map((c) => (c as { itemId: string }).itemId)).toEqual([
			'item-1',
			'item-2',
			'item-3'
		]);
		expect(await laptop.cards()).toEqual(cards);
		// item-1 counts all three ratings, from both devices
		expect((cards[0] as { reps: number }).reps).toBe(3);
	});

	test('a third device joining later gets the same, and running again changes nothing', async () => {
		const phone = device('phone');
		const laptop = device('laptop');
		await phone.rate('item-1', Rating.Good, at(1));
		await laptop.rate('item-1', Rating.Again, at(2));
		await syncAll(phone, laptop);
		const tablet = device('tablet');
		await syncAll(phone, laptop, tablet);
		expect(await tablet.cards()).toEqual(await phone.cards());
		const again = await tablet.engine.run();
		expect(again).toMatchObject({ sent: 0, added: 0, removed: 0 });
	});

	test('an Undo is a tombstone: the rating leaves every device and the card is replayed', async () => {
		const phone = device('phone');
		const laptop = device('laptop');
		await phone.rate('item-1', Rating.Good, at(1));
		const second = await phone.rate('item-1', Rating.Again, at(4));
		await syncAll(phone, laptop);
		expect(await laptop.reviewUids()).toHaveLength(2);

		await phone.undo({ uid: second.uid, itemId: 'item-1', at: second.at });
		await syncAll(phone, laptop);

		expect(await laptop.reviewUids()).toEqual(await phone.reviewUids());
		expect(await laptop.reviewUids()).not.toContain(second.uid);
		expect(await laptop.cards()).toEqual(await phone.cards());
		expect(syncMaps(laptop.doc).undone.has(second.uid)).toBe(true);
		expect(await laptop.db.tombstones.get(second.uid)).toBeDefined();
	});

	test('a rating undone on one device while the other was offline never comes back', async () => {
		const phone = device('phone');
		const laptop = device('laptop');
		const r = await phone.rate('item-1', Rating.Good, at(1));
		await syncAll(phone, laptop);
		await phone.undo({ uid: r.uid, itemId: 'item-1', at: r.at });
		await laptop.rate('item-2', Rating.Good, at(2));
		await syncAll(phone, laptop);
		await syncAll(phone, laptop);
		expect(await phone.reviewUids()).toEqual(await laptop.reviewUids());
		expect(await phone.reviewUids()).toHaveLength(1);
		expect(await laptop.db.cards.get('item-1')).toBeUndefined();
	});

	test('study settings follow the learner: the last one written wins', async () => {
		const phone = device('phone');
		const laptop = device('laptop');
		await syncAll(phone, laptop);
		await phone.db.settings.put({ key: 'study', value: { newPerDay: 7 } });
		phone.engine.settingChanged('study');
		await syncAll(phone, laptop);
		expect((await laptop.db.settings.get('study'))?.value).toMatchObject({ newPerDay: 7 });
		await laptop.db.settings.put({ key: 'study', value: { newPerDay: 12 } });
		laptop.engine.settingChanged('study');
		await syncAll(phone, laptop);
		expect((await phone.db.settings.get('study'))?.value).toMatchObject({ newPerDay: 12 });
	});
});

describe('a write that fails', () => {
	test('a full disk while the logs are written (the cards replayed meanwhile) stores nothing; the next run brings all', async () => {
		const phone = device('phone');
		const laptop = device('laptop');
		await phone.rate('item-1', Rating.Good, at(1));
		await phone.rate('item-2', Rating.Again, at(2));
		await phone.engine.run();
		exchange(phone.doc, laptop.doc);
		const full = vi
			.spyOn(laptop.db.reviewLogs, 'bulkPut')
			.mockRejectedValue(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
		await expect(laptop.engine.run()).rejects.toThrow('quota');
		expect(await laptop.db.reviewLogs.count()).toBe(0);
		// the replayed cards were put in the same transaction: they went with it
		expect(await laptop.db.cards.count()).toBe(0);
		full.mockRestore();
		const report = await laptop.engine.run();
		expect(report.added).toBe(2);
		expect(await laptop.reviewUids()).toEqual(await phone.reviewUids());
		expect(await laptop.cards()).toEqual(await phone.cards());
	});
});

describe('what arrives is checked before it is stored', () => {
	test('a malformed or impossible review is refused and stores nothing; good ones still arrive', async () => {
		const phone = device('phone');
		const rogue = device('rogue');
		const good = await rogue.rate('item-1', Rating.Good, at(1));
		await rogue.engine.run();
		const { ratingLines, ratings, reviews, undone } = syncMaps(rogue.doc);
		const text = JSON.parse(linesOf(rogue.doc)[0]!) as unknown[];
		const base = encodeReviewEvent((await reviewsOf(rogue.db, 'item-1'))[0]!);
		const withText = (uid: string, at: number, value: unknown) => {
			const copy = [...text];
			copy[1] = uid;
			copy[at] = value;
			return JSON.stringify(copy);
		};
		rogue.doc.transact(() => {
			// as this version writes them: lines of text
			const lines = [
				'{"not": "an array"}',
				'[2, "cut off',
				withText('text-bad-rating', 4, 9),
				withText('text-year-1990', 6, Date.UTC(1990, 0, 1)),
				withText('text-bad-version', 0, 3)
			];
			ratingLines.insert(ratingLines.length, `\n${lines.join('\n')}\n`);
			// as the version before wrote them: values of the list
			ratings.push([42]);
			// as earlier versions wrote them: map entries keyed by the id
			reviews.set('not-an-array', { itemId: 'item-9' });
			reviews.set('bad-rating', [...base.slice(0, 2), 9, ...base.slice(3)]);
			reviews.set('year-1990', [...base.slice(0, 4), Date.UTC(1990, 0, 1), ...base.slice(5)]);
			reviews.set('nan-stability', [...base.slice(0, 6), null, ...base.slice(7)]);
			undone.set('bad-tomb', 'yesterday');
		});
		exchange(rogue.doc, phone.doc);
		const report = await phone.engine.run();
		expect(report.refused).toBe(11);
		expect(await phone.reviewUids()).toEqual([good.uid]);
		expect(await phone.db.tombstones.count()).toBe(0);
		// refused once, not counted again
		expect((await phone.engine.run()).refused).toBe(0);
	});

	test('a setting sync does not carry is refused; a study setting out of range is clamped', async () => {
		const phone = device('phone');
		const rogue = device('rogue');
		syncMaps(rogue.doc).settings.set('study', { value: { newPerDay: 1e9 }, at: 1 });
		exchange(rogue.doc, phone.doc);
		await phone.engine.run();
		const stored = (await phone.db.settings.get('study'))?.value as { newPerDay: number };
		expect(stored.newPerDay).toBeLessThan(1e9);
	});

	test('a review event keeps every field through the document', async () => {
		const phone = device('phone');
		const laptop = device('laptop');
		const r = await phone.rate('item-1', Rating.Hard, at(2));
		await syncAll(phone, laptop);
		const mine = (await reviewsOf(phone.db, 'item-1')).find((x) => x.uid === r.uid);
		const theirs = (await reviewsOf(laptop.db, 'item-1')).find((x) => x.uid === r.uid);
		expect(theirs).toEqual(mine);
		expect(theirs).toBeDefined();
		expect(linesOf(laptop.doc)).toEqual([encodeReviewText({ ...mine!, uid: r.uid })]);
	});
});

describe('the reviews of a sync document', () => {
	test('a space written by an earlier version (one map entry per review) arrives, and is not sent again', async () => {
		const phone = device('phone');
		const old = device('old');
		const r1 = await old.rate('item-1', Rating.Good, at(1));
		const r2 = await old.rate('item-2', Rating.Again, at(2));
		const { reviews } = syncMaps(old.doc);
		for (const review of [
			...(await reviewsOf(old.db, 'item-1')),
			...(await reviewsOf(old.db, 'item-2'))
		]) {
			reviews.set(review.uid!, encodeReviewEvent(review));
		}
		exchange(old.doc, phone.doc);
		const report = await phone.engine.run();
		expect(report.added).toBe(2);
		expect(await phone.reviewUids()).toEqual([r1.uid, r2.uid].sort());
		// already in the document (as map entries): the phone appends nothing
		expect(report.sent).toBe(0);
		expect(linesOf(phone.doc)).toEqual([]);
		// and the old device's own run sees them there too
		expect((await old.engine.run()).sent).toBe(0);
	});

	test('ratings made one after another become one item of the document, not one each', async () => {
		const phone = device('phone');
		const laptop = device('laptop');
		for (let i = 0; i < 30; i++) {
			await phone.rate(`item-${i % 7}`, Rating.Good, at(1 + (i % 20), 9, i));
			await phone.engine.run();
		}
		const update = Y.encodeStateAsUpdate(phone.doc);
		const items = Y.decodeUpdate(update).structs.filter((s) => s instanceof Y.Item);
		expect(linesOf(phone.doc)).toHaveLength(30);
		// one item, holding one string of every line (Yjs writes a long string in one piece)
		expect(items.length).toBe(1);
		expect((items[0] as Y.Item).content).toBeInstanceOf(Y.ContentString);
		// and all of them arrive
		Y.applyUpdate(laptop.doc, update);
		expect((await laptop.engine.run()).added).toBe(30);
	});

	test('a damaged copy of a rating, put before the good one, does not hide it', async () => {
		const phone = device('phone');
		const laptop = device('laptop');
		const r = await laptop.rate('item-1', Rating.Good, at(1));
		await laptop.engine.run();
		const good = JSON.parse(linesOf(laptop.doc)[0]!) as unknown[];
		const damaged = JSON.stringify([...good.slice(0, 3), 9]);
		laptop.doc.transact(() => syncMaps(laptop.doc).ratingLines.insert(0, `${damaged}\n`));
		exchange(laptop.doc, phone.doc);
		expect((await phone.engine.run()).added).toBe(1);
		expect(await phone.reviewUids()).toEqual([r.uid]);
	});

	test('a rating taken out of the lines (never done by this app) is appended again by a device that holds it', async () => {
		const phone = device('phone');
		const rogue = device('rogue');
		const r = await phone.rate('item-1', Rating.Good, at(1));
		await phone.rate('item-2', Rating.Good, at(1, 11));
		await phone.engine.run();
		exchange(phone.doc, rogue.doc);
		const { ratingLines } = syncMaps(rogue.doc);
		const line = linesOf(rogue.doc).find((t) => t.includes(r.uid))!;
		rogue.doc.transact(() => ratingLines.delete(ratingLines.toString().indexOf(line), line.length));
		exchange(rogue.doc, phone.doc);
		expect(linesOf(phone.doc).some((t) => t.includes(r.uid))).toBe(false);
		expect((await phone.engine.run()).sent).toBe(1);
		expect(linesOf(phone.doc).some((t) => t.includes(r.uid))).toBe(true);
	});
});

describe('what a run checks again', () => {
	/** A laptop holding the phone's document of five ratings, with an engine counting checks. */
	async function laptopWithPhoneSpace() {
		const phone = device('phone');
		for (let i = 0; i < 5; i++) await phone.rate(`item-${i}`, Rating.Good, at(1, 9, i));
		await phone.engine.run();
		const laptop = device('laptop');
		Y.applyUpdate(laptop.doc, Y.encodeStateAsUpdate(phone.doc));
		const store = createSyncStore({ db: laptop.db, factIdsOf: (id) => [`fact-${id}`] });
		const counted = { checks: 0 };
		const keeps = store.keepsReview;
		store.keepsReview = (review) => {
			counted.checks++;
			return keeps(review);
		};
		return { laptop, engine: new SyncEngine(laptop.doc, store), counted };
	}

	test('ratings storage kept from the document are not decoded and checked once more', async () => {
		const { laptop, engine, counted } = await laptopWithPhoneSpace();
		expect((await engine.run()).added).toBe(5);
		counted.checks = 0;
		expect(await engine.run()).toMatchObject({ sent: 0, added: 0 });
		expect(counted.checks).toBe(0);
		expect(await laptop.reviewUids()).toHaveLength(5);
	});

	test('once the lines lose ratings (no app removes any), every rating is checked and sent again', async () => {
		const { laptop, engine, counted } = await laptopWithPhoneSpace();
		await engine.run();
		const { ratingLines } = syncMaps(laptop.doc);
		ratingLines.delete(0, ratingLines.length);
		counted.checks = 0;
		expect((await engine.run()).sent).toBe(5);
		expect(linesOf(laptop.doc)).toHaveLength(5);
		// (the doc held none of them any more: nothing to decode, and nothing kept to trust)
		expect(counted.checks).toBe(0);
	});
});
