// Merge of card marks follows sync's rule: on each card, each mark (suspended, flag, buried,
// reset) takes the side that changed it last, so a suspension made on the phone after the
// laptop flagged the card survives a Merge of the phone's backup, and a later change here is kept.
import Dexie from 'dexie';
import { afterEach, describe, expect, test } from 'vitest';
import { exportBackup, importBackup } from '$lib/storage/backup';
import { parseBackup } from '$lib/storage/backup-format';
import { changeCardFlags, resetCards } from '$lib/storage/card-marks';
import { DB_NAME } from '$lib/storage/db';
import { closeDatabase, database, recordReview } from '$lib/storage/repository';
import { DEFAULT_STUDY_SETTINGS } from '$lib/srs/settings';
import { Rating } from 'ts-fsrs';
import { reviewsOf } from '$lib/storage/review-log';

const NOW = new Date();
const at = (minutes: number) => new Date(NOW.getTime() - (600 - minutes) * 60_000);

async function marks(itemId: string) {
	const row = await (await database()).cardFlags.get(itemId);
	return { suspended: row?.suspended ?? false, flag: row?.flag };
}

async function startOver() {
	closeDatabase();
	await Dexie.delete(DB_NAME);
}

afterEach(startOver);

describe('Merge of card marks', () => {
	test('each mark takes the side that changed it last', async () => {
		// the laptop flags both cards first
		await changeCardFlags(['item-1', 'item-2'], { flag: 'red' }, at(1));
		const laptopBefore = await exportBackup(NOW, 'test');

		// the phone starts from that backup, then suspends item-1, and suspends item-2
		await startOver();
		await importBackup(parseBackup(laptopBefore, { now: NOW }), 'replace', { now: NOW });
		await changeCardFlags(['item-1', 'item-2'], { suspended: true }, at(3));
		const phone = await exportBackup(NOW, 'test');

		// meanwhile the laptop (from its own state) unsuspends item-2 after the phone suspended it,
		// and turns item-1's flag blue
		await startOver();
		await importBackup(parseBackup(laptopBefore, { now: NOW }), 'replace', { now: NOW });
		await changeCardFlags(['item-2'], { suspended: true }, at(2));
		await changeCardFlags(['item-2'], { suspended: undefined }, at(4));
		await changeCardFlags(['item-1'], { flag: 'blue' }, at(5));

		const result = await importBackup(parseBackup(phone, { now: NOW }), 'merge', { now: NOW });

		// item-1: the phone's suspension (no later change here) and this laptop's later flag
		expect(await marks('item-1')).toEqual({ suspended: true, flag: 'blue' });
		// item-2: the laptop's unsuspension came after the phone's suspension
		expect(await marks('item-2')).toEqual({ suspended: false, flag: 'red' });
		expect(result.written.cardFlags).toBe(1);
	});

	test('a backup without mark times still brings marks to cards never marked here', async () => {
		await changeCardFlags(['item-1'], { flag: 'green' }, at(1));
		const text = JSON.parse(await exportBackup(NOW, 'test'));
		for (const row of text.tables.cardFlags) delete row.markedAt;
		await startOver();
		await changeCardFlags(['item-2'], { suspended: true }, at(2));

		await importBackup(parseBackup(JSON.stringify(text), { now: NOW }), 'merge', { now: NOW });

		expect(await marks('item-1')).toEqual({ suspended: false, flag: 'green' });
		expect(await marks('item-2')).toEqual({ suspended: true, flag: undefined });
	});

	test('a card reset on the other device is new again here too, its history kept', async () => {
		await recordReview(
			{ itemId: 'item-1', factIds: ['fact-1'], rating: Rating.Good, at: at(1) },
			DEFAULT_STUDY_SETTINGS
		);
		const laptop = await exportBackup(NOW, 'test');
		await resetCards(['item-1'], at(2));
		const phone = await exportBackup(NOW, 'test');

		await startOver();
		await importBackup(parseBackup(laptop, { now: NOW }), 'replace', { now: NOW });
		expect(await (await database()).cards.get('item-1')).toBeDefined();
		await importBackup(parseBackup(phone, { now: NOW }), 'merge', { now: NOW });

		const db = await database();
		expect(await db.cards.get('item-1')).toBeUndefined();
		expect(await reviewsOf(db, 'item-1').then((r) => r.length)).toBe(1);
	});
});
