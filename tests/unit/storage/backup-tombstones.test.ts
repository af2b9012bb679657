// A backup carries its device's tombstones (undone reviews), so Merge of a file from another
// device never brings back a rating that device took back, and takes it back here too.
import Dexie from 'dexie';
import { afterEach, describe, expect, test } from 'vitest';
import { Rating } from 'ts-fsrs';
import { exportBackup, importBackup } from '$lib/storage/backup';
import { parseBackup } from '$lib/storage/backup-format';
import { DB_NAME } from '$lib/storage/db';
import { closeDatabase, database, recordReview, undoReview } from '$lib/storage/repository';
import { DEFAULT_STUDY_SETTINGS } from '$lib/srs/settings';
import type { Grade } from '$lib/srs/types';
import { reviewUids } from '$lib/storage/review-log';

// undoReview dates its tombstone by the real clock, and rows are checked against `NOW`
const NOW = new Date();
const at = (day: number) => new Date(NOW.getTime() - (30 - day) * 86_400_000);

async function rate(itemId: string, rating: Grade, when: Date) {
	const done = await recordReview(
		{ itemId, factIds: [`fact-${itemId}`], rating, at: when },
		DEFAULT_STUDY_SETTINGS
	);
	return { itemId, review: when, uid: done.review.uid! };
}

async function stored() {
	const db = await database();
	return {
		uids: (await reviewUids(db)).sort(),
		tombstones: (await db.tombstones.toArray()).map((t) => t.uid).sort(),
		cards: await db.cards.orderBy('itemId').toArray()
	};
}

/** Starts this device over from `text` (what another device's backup holds). */
async function becomeDeviceOf(text: string) {
	closeDatabase();
	await Dexie.delete(DB_NAME);
	await importBackup(parseBackup(text, { now: NOW }), 'replace', { now: NOW });
}

afterEach(async () => {
	closeDatabase();
	await Dexie.delete(DB_NAME);
});

describe('tombstones in a backup', () => {
	test('an export lists each undone review by its global id', async () => {
		await rate('item-1', Rating.Good, at(1));
		const second = await rate('item-1', Rating.Again, at(2));
		await undoReview(second, DEFAULT_STUDY_SETTINGS);
		const backup = parseBackup(await exportBackup(NOW, 'test'), { now: NOW });
		expect(backup.tables.tombstones.map((t) => t.uid)).toEqual([second.uid]);
		expect(backup.tables.reviews.map((r) => r.uid)).not.toContain(second.uid);
	});

	test('Merge of a file made after an Undo elsewhere takes the rating back here, and replays its card', async () => {
		// phone A rates twice and makes a backup; this device starts from it (both ratings)
		const first = await rate('item-1', Rating.Good, at(1));
		const second = await rate('item-1', Rating.Again, at(2));
		await rate('item-2', Rating.Easy, at(2));
		const beforeUndo = await exportBackup(NOW, 'test');
		// then phone A takes the second rating back, and makes a new backup
		await undoReview(second, DEFAULT_STUDY_SETTINGS);
		const afterUndo = await exportBackup(NOW, 'test');
		const phoneA = await stored();

		await becomeDeviceOf(beforeUndo);
		expect((await stored()).uids).toContain(second.uid);
		await importBackup(parseBackup(afterUndo, { now: NOW }), 'merge', { now: NOW });

		const here = await stored();
		expect(here.uids).toHaveLength(2); // item-1's first rating and item-2's
		expect(here.uids).toContain(first.uid);
		expect(here.uids).not.toContain(second.uid);
		expect(here.tombstones).toEqual([second.uid]);
		// the card counts the rating left, exactly as on the phone that undid it
		expect(here.cards).toEqual(phoneA.cards);
		expect(here.uids).toEqual(phoneA.uids);
	});

	test('Merge never resurrects a review the file itself lists as undone', async () => {
		await rate('item-1', Rating.Good, at(1));
		const second = await rate('item-1', Rating.Hard, at(2));
		await undoReview(second, DEFAULT_STUDY_SETTINGS);
		const text = await exportBackup(NOW, 'test');
		// a hand-edited (or older app's) file that still holds the review beside its tombstone
		const file = JSON.parse(text) as { tables: { reviews: Record<string, unknown>[] } };
		const row = file.tables.reviews[0]!;
		file.tables.reviews.push({ ...row, uid: second.uid, review: at(2).toISOString(), id: 99 });
		await becomeDeviceOf(text);
		await importBackup(parseBackup(JSON.stringify(file), { now: NOW }), 'merge', { now: NOW });
		expect((await stored()).uids).not.toContain(second.uid);
	});

	test('a file made before backups carried tombstones still imports, by Replace and by Merge', async () => {
		await rate('item-1', Rating.Good, at(1));
		const second = await rate('item-1', Rating.Again, at(2));
		await undoReview(second, DEFAULT_STUDY_SETTINGS);
		const file = JSON.parse(await exportBackup(NOW, 'test')) as { tables: Record<string, unknown> };
		delete file.tables.tombstones;
		const older = JSON.stringify(file);
		expect(parseBackup(older, { now: NOW }).tables.tombstones).toEqual([]);

		// Merge keeps this device's own tombstone; Replace makes the database the file
		await importBackup(parseBackup(older, { now: NOW }), 'merge', { now: NOW });
		expect((await stored()).tombstones).toEqual([second.uid]);
		await importBackup(parseBackup(older, { now: NOW }), 'replace', { now: NOW });
		expect((await stored()).tombstones).toEqual([]);
		expect((await stored()).uids).toHaveLength(1);
	});
});
