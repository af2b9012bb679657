// Ratings kept one log per card (review-log.ts), against what the table of one row per rating
// did: damaged logs, one rating per global id, arrivals already held, Undo after a restore,
// two tabs at once, and reads that once were index ranges. Written by an independent reader
// of the change, each test states the old behaviour.
import Dexie from 'dexie';
import { afterEach, describe, expect, test } from 'vitest';
import { DEFAULT_STUDY_SETTINGS } from '$lib/srs/settings';
import { Rating, type Grade } from '$lib/srs/types';
import { DB_NAME, SahelDatabase, type ReviewLogRow, type ReviewRow } from '$lib/storage/db';
import {
	closeDatabase,
	database,
	loadStudyDay,
	recentReviews,
	recordReview,
	undoReview
} from '$lib/storage/repository';
import { readProgressRows, reviewedDuring, reviewTimeRange } from '$lib/storage/progress-read';
import { SCHEMA_VERSIONS } from '$lib/storage/db';
import { addOwnCard, deleteOwnCard, restoreOwnSnapshot } from '$lib/storage/own-cards';
import { applyArrivals } from '$lib/storage/sync-store';
import { exportBackup, importBackup } from '$lib/storage/backup';
import { createBackup, parseBackup } from '$lib/storage/backup-format';
import {
	addReviews,
	newestReviews,
	reviewCount,
	reviewsOf,
	reviewUids,
	storedReviews
} from '$lib/storage/review-log';
import { at, review, sampleTables } from './backup-fixtures';

const settings = DEFAULT_STUDY_SETTINGS;

const rate = (itemId: string, rating: Grade, when: Date) =>
	recordReview({ itemId, factIds: [`fact-${itemId}`], rating, at: when }, settings);

afterEach(async () => {
	closeDatabase();
	await Dexie.delete(DB_NAME);
});

/** A log holding one good rating and a null: the old table could not hold a null row (inline key). */
const putLogWithNull = (db: SahelDatabase) =>
	db.reviewLogs.put({
		itemId: 'fc-1',
		reviews: [review('fc-1', at(9), { uid: 'u-ok' }), null as unknown as ReviewRow],
		last: at(9)
	});

describe('damaged logs (rows no app wrote) do not stop the app', () => {
	test('a log holding a null rating: the card can still be rated', async () => {
		const db = await database();
		await putLogWithNull(db);
		expect((await reviewsOf(db, 'fc-1')).map((r) => r.uid)).toEqual(['u-ok']);
		await expect(rate('fc-1', Rating.Good, at(10))).resolves.toBeDefined();
		expect((await reviewsOf(db, 'fc-1')).length).toBe(2);
	});

	test('a log holding a null rating: a backup Merge still imports', async () => {
		const db = await database();
		await putLogWithNull(db);
		const backup = parseBackup(JSON.stringify(createBackup(sampleTables(), at(12), '0.1.0')), {
			now: at(12)
		});
		await expect(importBackup(backup, 'merge', { now: at(12) })).resolves.toBeDefined();
	});

	test('a log whose `last` is not a Date: Today (recentReviews) still reads', async () => {
		const db = await database();
		await addReviews(db, [
			review('a', at(10, 9), { uid: 'a1' }),
			review('a', at(10, 10), { uid: 'a2' }),
			review('a', at(10, 11), { uid: 'a3' })
		]);
		// a number is a valid index key (sorted before every Date), so orderBy('last') walks it
		await db.reviewLogs.put({
			itemId: 'b',
			reviews: [review('b', at(9), { uid: 'b1' })],
			last: 5 as unknown as Date
		});
		await expect(recentReviews(2)).resolves.toHaveLength(2);
	});

	test('a rewrite keeps a damaged log as it is ("damaged ones included")', async () => {
		const db = await database();
		// a `reviews` that is not an array: storedOf reads it as empty, so a rating drops it
		const damaged = { 0: review('fc-1', at(9), { uid: 'u-old' }) };
		await db.reviewLogs.put({
			itemId: 'fc-1',
			reviews: damaged as unknown as ReviewRow[],
			last: at(9)
		});
		await rate('fc-1', Rating.Good, at(10));
		const log = await db.reviewLogs.get('fc-1');
		expect(JSON.stringify(log)).toContain('u-old');
	});
});

describe('one global id is one rating, as the `&uid` index made it', () => {
	test('an arrival whose uid this device holds under another card is not stored twice', async () => {
		const db = await database();
		await rate('item-a', Rating.Good, at(10));
		const [mine] = await reviewsOf(db, 'item-a');
		// old applyArrivals looked the uid up across the whole table and skipped it
		await applyArrivals(
			db,
			{
				reviews: [{ ...mine!, itemId: 'item-b' }],
				undone: [],
				settings: []
			},
			undefined,
			at(11)
		);
		const uids = await reviewUids(db);
		expect(uids.filter((u) => u === mine!.uid)).toHaveLength(1);
	});
});

describe('arrivals this device already holds change nothing', () => {
	test('the same ratings applied twice (two tabs, or a re-delivery): no card is recomputed', async () => {
		const db = await database();
		const first = {
			reviews: [
				{ ...review('item-1', at(10, 9), { uid: 'r1', rating: Rating.Good }) },
				{ ...review('item-1', at(11, 9), { uid: 'r2', rating: Rating.Good }) }
			],
			undone: [],
			settings: []
		};
		const once = await applyArrivals(db, first, undefined, at(12));
		expect(once.added).toBe(2);
		// the card is then changed here (a quiz moved its due date, other settings, ...)
		const card = (await db.cards.get('item-1'))!;
		const moved = { ...card, due: at(13, 8) };
		await db.cards.put(moved);
		// old code: arrivals already present were filtered out before `touched`, so no replay
		const twice = await applyArrivals(db, first, undefined, at(12));
		expect(await db.cards.get('item-1')).toEqual(moved);
		expect(twice).toMatchObject({ added: 0, cards: 0 });
	});
});

describe('arrivals this device already holds change nothing (as the app calls it)', () => {
	test('after a change of study settings, a re-delivered rating does not reschedule its card', async () => {
		const db = await database();
		const factIdsOf = (id: string) => [`fact-${id}`];
		const arrivals = {
			reviews: [
				review('item-1', at(10, 9), { uid: 'r1', rating: Rating.Good }),
				review('item-1', at(11, 9), { uid: 'r2', rating: Rating.Good })
			],
			undone: [],
			settings: []
		};
		await applyArrivals(db, arrivals, factIdsOf, at(12));
		const before = await db.cards.get('item-1');
		// the learner lowers the desired retention (it applies to the next ratings)
		await db.settings.put({ key: 'study', value: { ...settings, desiredRetention: 0.8 } });
		await applyArrivals(db, arrivals, factIdsOf, at(12));
		expect(await db.cards.get('item-1')).toEqual(before);
	});
});

describe('Undo', () => {
	test("of a rating, after its own card's deletion was undone (another tab), still takes it back", async () => {
		const { card } = await addOwnCard(
			{ kind: 'basic', front: 'Who left Mali first?', back: 'Barkhane' },
			at(9)
		);
		const first = await rate(card.id, Rating.Good, at(10));
		const mine = await rate(card.id, Rating.Again, at(10, 13));
		// in the Cards tab: delete the card, then Undo the deletion
		const snapshot = await deleteOwnCard(card.id, at(10, 14));
		await restoreOwnSnapshot(snapshot, at(10, 15));
		const db = await database();
		expect(await reviewCount(db)).toBe(2);
		// old code restored the rows under their keys ("so a later Undo of a rating finds its
		// review again"); the study tab's Undo now names the rating by a uid that was replaced
		const undone = await undoReview(
			{ uid: mine.review.uid!, itemId: card.id, review: mine.review.review },
			settings
		);
		expect(undone).not.toBe(false);
		expect((await reviewsOf(db, card.id)).map((r) => r.rating)).toEqual([first.review.rating]);
	});
});

describe('two tabs (two connections) rating one card at once', () => {
	test('both ratings are kept: each read-modify-write of the log is its own transaction', async () => {
		const tabA = await database();
		const tabB = new SahelDatabase(DB_NAME);
		await tabB.open();
		const ratings = [];
		for (let i = 0; i < 20; i++) {
			const on = i % 2 === 0 ? tabA : tabB;
			ratings.push(
				recordReview(
					{ itemId: 'fc-1', factIds: ['fact-fc-1'], rating: Rating.Good, at: at(10, 9, i) },
					settings,
					on
				)
			);
		}
		await Promise.all(ratings);
		expect((await reviewsOf(tabA, 'fc-1')).length).toBe(20);
		expect((await tabA.cards.get('fc-1'))?.reps).toBe(20);
		tabB.close();
	});
});

describe('reads over logs answer as the index reads did', () => {
	/** A deterministic pseudo-random sequence. */
	function random(seed: number) {
		let s = seed;
		return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
	}

	test('newestReviews equals sorting every rating (ties, limits, filters)', async () => {
		const db = await database();
		const next = random(7);
		const rows: ReviewRow[] = [];
		for (let i = 0; i < 400; i++) {
			const item = `item-${Math.floor(next() * 30)}`;
			// few distinct minutes, so ties across logs are common
			const when = at(10, 9, Math.floor(next() * 40));
			rows.push(review(item, when, { uid: `u-${String(i).padStart(4, '0')}` }));
		}
		await addReviews(db, rows);
		const byNewest = (a: ReviewRow, b: ReviewRow) =>
			b.review.getTime() - a.review.getTime() || (a.uid! < b.uid! ? 1 : a.uid! > b.uid! ? -1 : 0);
		for (const limit of [1, 2, 5, 17, 50, 399, 400, 500]) {
			for (const keep of [
				() => true,
				(r: ReviewRow) => r.itemId < 'item-2',
				(r: ReviewRow) => r.itemId === 'item-7'
			]) {
				const expected = rows.filter(keep).sort(byNewest).slice(0, limit);
				const got = await newestReviews(db, limit, keep);
				expect(got.map((r) => r.uid)).toEqual(expected.map((r) => r.uid));
			}
		}
	});

	test('loadStudyDay: start included, end excluded, as between(start, end, true, false)', async () => {
		const db = await database();
		await addReviews(db, [
			review('a', at(10, 0), { uid: 'start' }),
			review('a', at(10, 23, 59), { uid: 'in' }),
			review('b', at(11, 0), { uid: 'end' }),
			review('c', new Date(at(10, 0).getTime() - 1), { uid: 'before' })
		]);
		const day = await loadStudyDay(at(10, 0), at(11, 0));
		expect(day.reviewsToday.map((r) => r.uid)).toEqual(['start', 'in']);
	});

	test('export then Replace keeps every rating, and readProgressRows reads them all', async () => {
		const db = await database();
		const rows = [
			review('a', at(10, 9), { uid: 'a1' }),
			review('a', at(10, 10), { uid: 'a2' }),
			review('b', at(10, 11), { uid: 'b1' })
		];
		await addReviews(db, rows);
		const text = await exportBackup(at(12), '0.1.0');
		await importBackup(parseBackup(text, { now: at(12) }), 'replace', { now: at(12) });
		expect((await storedReviews(db)).map((r) => r.uid).sort()).toEqual(['a1', 'a2', 'b1']);
		expect((await readProgressRows()).reviews.map((r) => r.uid)).toEqual(['a1', 'a2', 'b1']);
	});
});

describe('more reads, against the old index semantics', () => {
	test('recentReviews(0) answers nothing, as limit(0) did', async () => {
		const db = await database();
		await addReviews(db, [review('a', at(10, 9), { uid: 'a1' })]);
		await expect(recentReviews(0)).resolves.toEqual([]);
	});

	test('reviewTimeRange: since excluded, no since includes the earliest', async () => {
		const db = await database();
		await addReviews(db, [
			review('a', at(10, 9), { uid: 'a1' }),
			review('b', at(11, 9), { uid: 'b1' }),
			review('a', at(12, 9), { uid: 'a2' })
		]);
		expect(await reviewTimeRange(undefined)).toEqual({ first: at(10, 9), last: at(12, 9) });
		expect(await reviewTimeRange(at(10, 9))).toEqual({ first: at(11, 9), last: at(12, 9) });
		expect(await reviewTimeRange(at(12, 9))).toBeUndefined();
	});

	test('reviewedDuring equals a scan for every span (edges, empty and unsorted spans)', async () => {
		const db = await database();
		const times = [at(10, 9), at(10, 9), at(11, 0), at(13, 23, 59), at(20, 4)];
		await addReviews(
			db,
			times.map((t, i) => review(`item-${i % 2}`, t, { uid: `u${i}` }))
		);
		const spans = [] as { start: Date; end: Date }[];
		for (let d = 20; d >= 8; d--) spans.push({ start: at(d, 0), end: at(d + 1, 0) });
		spans.push({ start: at(10, 9), end: at(10, 9) }, { start: at(11, 0), end: at(11, 0, 1) });
		const expected = spans.map(({ start, end }) => times.some((t) => t >= start && t < end));
		expect(await reviewedDuring(spans)).toEqual(expected);
	});

	test('a version 9 database keeps every rating, damaged ones included, in logs', async () => {
		const old = new SahelDatabase(
			DB_NAME,
			SCHEMA_VERSIONS.filter((v) => v.version <= 9)
		);
		await old.open();
		await old
			.table('reviews')
			.bulkAdd([
				review('a', at(10, 9), { uid: 'a1' }),
				review('b', at(10, 10), { uid: 'b1' }),
				review('a', at(10, 11), { uid: 'a2' }),
				{ ...review('a', at(10, 12), { uid: 'bad' }), itemId: undefined }
			]);
		old.close();
		const db = await database();
		await db.open();
		expect(await reviewCount(db)).toBe(4);
		expect((await reviewsOf(db, 'a')).map((r) => r.uid)).toEqual(['a1', 'a2']);
		expect((await reviewsOf(db, 'b')).map((r) => r.uid)).toEqual(['b1']);
		expect((await reviewUids(db)).sort()).toEqual(['a1', 'a2', 'b1', 'bad']);
		expect(db.tables.some((t) => t.name === 'reviews')).toBe(false);
	});
});

// keep the type import used (a log row built by hand above)
export type { ReviewLogRow };
