// Ratings packed as columns in their card's log (review-pack.ts): what goes in comes back
// exactly, what cannot is kept as a row, and a packed field this version cannot read is kept
// as it was while the card goes on being rated.
import Dexie from 'dexie';
import { afterEach, describe, expect, test } from 'vitest';
import { DEFAULT_STUDY_SETTINGS } from '$lib/srs/settings';
import { Rating } from '$lib/srs/types';
import { DB_NAME, SahelDatabase, SCHEMA_VERSIONS, type ReviewRow } from '$lib/storage/db';
import { closeDatabase, database, recordReview } from '$lib/storage/repository';
import {
	addReviews,
	removeReviews,
	reviewCount,
	reviewsOf,
	reviewUids,
	storedReviews
} from '$lib/storage/review-log';
import { inKeyOrder, packReviews, unpackReviews } from '$lib/storage/review-pack';
import { exportBackup, importBackup } from '$lib/storage/backup';
import { parseBackup } from '$lib/storage/backup-format';
import { at, review } from './backup-fixtures';

afterEach(async () => {
	closeDatabase();
	await Dexie.delete(DB_NAME);
});

const rating = (uid: string, overrides: Partial<ReviewRow> = {}): ReviewRow => ({
	...review('item-1', at(3, 9), { uid }),
	...overrides
});

/** What IndexedDB gives back of `rows` (structured clone), to compare unpacked ratings with. */
const cloned = (rows: unknown) => structuredClone(rows);

describe('packing', () => {
	test('the app’s ratings come back exactly, optional fields present or not', () => {
		const bare = rating('b');
		delete bare.previousDue;
		delete bare.durationMs;
		const rows = [
			rating('a'),
			bare,
			rating('c', { stability: -0, difficulty: Number.MAX_VALUE, durationMs: 0 }),
			rating('d', { due: new Date(Number.NaN), stability: Number.NaN })
		];
		const { packed, rows: left } = packReviews('item-1', rows);
		expect(left).toEqual([]);
		expect(packed!.uids).toEqual(['a', 'b', 'c', 'd']);
		const back = unpackReviews('item-1', packed)!;
		expect(back).toEqual(cloned(rows));
		expect(Object.is(back[2]!.stability, -0)).toBe(true);
		expect('previousDue' in back[1]!).toBe(false);
		expect('durationMs' in back[1]!).toBe(false);
		// the fields in one order, whatever order they were written in
		expect(Object.keys(back[0]!)).toEqual(Object.keys(inKeyOrder(rows[0]!)));
	});

	test('what would not come back exactly stays a row, as it was', () => {
		const withoutUid = rating('x');
		delete withoutUid.uid;
		const odd = [
			withoutUid,
			rating('other-card', { itemId: 'item-2' }),
			{ ...rating('extra'), source: 'a later version' } as ReviewRow,
			rating('id', { id: 7 }),
			rating('undefined-duration', { durationMs: undefined }),
			rating('nan-duration', { durationMs: Number.NaN }),
			rating('invalid-previous', { previousDue: new Date(Number.NaN) }),
			rating('text-date', { review: '2025-06-03' as unknown as Date }),
			rating('text-rating', { rating: '3' as unknown as Rating }),
			null as unknown as ReviewRow,
			7 as unknown as ReviewRow
		];
		const { packed, rows } = packReviews('item-1', [rating('ok'), ...odd]);
		expect(packed!.uids).toEqual(['ok']);
		expect(rows).toEqual(odd);
	});

	test('a field hidden or on a Date is what structured clone makes of it', () => {
		const hidden = rating('hidden');
		Object.defineProperty(hidden, 'secret', { value: 1, enumerable: false });
		const date = new Date(at(3, 9));
		Object.defineProperty(date, 'getTime', { value: () => 0 });
		const dated = rating('dated', { review: date });
		const rows = [hidden, dated];
		const { packed } = packReviews('item-1', rows);
		expect(unpackReviews('item-1', packed)).toEqual(cloned(rows));
	});

	test('only plain objects pack: what clones as something else, or inherits a field, stays a row', () => {
		const inherited = Object.assign(Object.create({ durationMs: 99 }), rating('inherited'));
		delete inherited.durationMs;
		const map = Object.assign(new Map(), rating('map')) as unknown as ReviewRow;
		const fakeDate = rating('fake-date', { due: Object.create(Date.prototype) as Date });
		for (const odd of [inherited, map, fakeDate])
			expect(packReviews('item-1', [odd])).toEqual({ rows: [odd] });
	});

	test('packing stops at the first rating that does not pack, so a log keeps its order', () => {
		const extra = { ...rating('extra'), source: 'a later version' } as ReviewRow;
		const { packed, rows } = packReviews('item-1', [rating('a'), extra, rating('b')]);
		expect(packed!.uids).toEqual(['a']);
		expect(rows.map((r) => r.uid)).toEqual(['extra', 'b']);
	});

	test('a backup lists odd field names as fields', () => {
		const row = { ...rating('a'), toString: 'x', constructor: 'y' } as unknown as ReviewRow;
		Object.defineProperty(row, '__proto__', {
			value: 'kept',
			enumerable: true,
			writable: true,
			configurable: true
		});
		const text = JSON.stringify(inKeyOrder(row));
		for (const field of ['"toString":"x"', '"constructor":"y"', '"__proto__":"kept"'])
			expect(text).toContain(field);
		expect(Object.keys(inKeyOrder(row)).slice(0, 3)).toEqual(['rating', 'state', 'due']);
	});

	test('a packed field of another shape is not read', () => {
		const { packed } = packReviews('item-1', [rating('a')]);
		for (const other of [
			{ ...packed, version: 2 },
			{ ...packed, numbers: packed!.numbers.slice(1) },
			{ ...packed, numbers: Array.from(packed!.numbers) },
			{ ...packed, uids: [5] },
			// a hole (`every` would skip it)
			{ ...packed, uids: Object.assign([], { length: 1 }) },
			'columns',
			null
		])
			expect(unpackReviews('item-1', other)).toBeUndefined();
	});
});

describe('logs hold their ratings packed', () => {
	test('a rating is stored packed; a log from before packing is read, and packed when rewritten', async () => {
		const db = await database();
		await db.reviewLogs.put({ itemId: 'item-1', reviews: [rating('old')], last: at(3, 9) });
		await recordReview(
			{ itemId: 'item-1', factIds: ['fact-item-1'], rating: Rating.Good, at: at(4) },
			DEFAULT_STUDY_SETTINGS
		);
		const log = (await db.reviewLogs.get('item-1'))!;
		expect(log.reviews).toEqual([]);
		expect(log.packed!.uids).toHaveLength(2);
		expect(log.packed!.uids[0]).toBe('old');
		expect((await reviewsOf(db, 'item-1')).map((r) => r.uid)).toEqual(log.packed!.uids);
		expect(await reviewCount(db)).toBe(2);
		expect((await reviewUids(db)).sort()).toEqual([...log.packed!.uids].sort());
	});

	test('rows that do not pack are kept after the packed ones, in order, through adds and removals', async () => {
		const db = await database();
		const extra = { ...rating('extra'), source: 'a later version' } as ReviewRow;
		await addReviews(db, [rating('a'), extra, rating('b')]);
		let log = (await db.reviewLogs.get('item-1'))!;
		expect(log.packed!.uids).toEqual(['a']);
		expect(log.reviews.map((r) => r.uid)).toEqual(['extra', 'b']);
		// it answers what it took out only, not the card's other packed ratings
		expect((await removeReviews(db, new Set(['a']))).map((r) => r.uid)).toEqual(['a']);
		log = (await db.reviewLogs.get('item-1'))!;
		expect(log.packed).toBeUndefined();
		expect(log.reviews.map((r) => r.uid)).toEqual(['extra', 'b']);
		expect((await removeReviews(db, new Set(['extra']))).map((r) => r.uid)).toEqual(['extra']);
		expect((await db.reviewLogs.get('item-1'))!.packed!.uids).toEqual(['b']);
		expect((await storedReviews(db)).map((r) => r.uid)).toEqual(['b']);
	});

	test('a log from before packing lists the same backup text after a restore', async () => {
		const db = await database();
		const extra = { ...rating('x', { review: at(3, 9) }), source: 'a later version' };
		await db.reviewLogs.put({
			itemId: 'item-1',
			reviews: [extra as ReviewRow, rating('y', { review: at(4, 9) })],
			last: at(4, 9)
		});
		const now = at(12, 9);
		const first = await exportBackup(now, '0.1.0');
		await importBackup(parseBackup(first, { now }), 'replace', { now });
		expect(await exportBackup(now, '0.1.0')).toBe(first);
	});

	test('a removal answers the ratings it took out, not the others packed with them', async () => {
		const db = await database();
		await addReviews(db, [
			rating('a', { review: at(3, 9) }),
			rating('b', { review: at(4, 9) }),
			rating('c', { review: at(5, 9) })
		]);
		expect((await removeReviews(db, new Set(['b']))).map((r) => r.uid)).toEqual(['b']);
		expect((await reviewsOf(db, 'item-1')).map((r) => r.uid)).toEqual(['a', 'c']);
	});

	test('a packed field this version cannot read is kept as it was; new ratings go beside it', async () => {
		const db = await database();
		const later = { version: 2, columns: 'a later version’s' };
		await db.reviewLogs.put({
			itemId: 'item-1',
			reviews: [],
			packed: later as never,
			last: at(3, 9)
		});
		expect(await reviewsOf(db, 'item-1')).toEqual([]);
		await addReviews(db, [rating('new')]);
		const log = (await db.reviewLogs.get('item-1'))!;
		expect(log.packed).toEqual(later);
		expect(log.reviews.map((r) => r.uid)).toEqual(['new']);
		expect((await reviewsOf(db, 'item-1')).map((r) => r.uid)).toEqual(['new']);
		// and it is not dropped when its readable ratings are all taken away
		await removeReviews(db, new Set(['new']));
		expect((await db.reviewLogs.get('item-1'))?.packed).toEqual(later);
	});
});

test('a tab of the version before packing is told to close when this version opens the database', async () => {
	const older = new SahelDatabase(DB_NAME, SCHEMA_VERSIONS.slice(0, -1));
	await older.open();
	let told = false;
	older.on('versionchange', () => {
		told = true;
	});
	await (await database()).open();
	expect(told).toBe(true);
	expect(older.isOpen()).toBe(false);
});
