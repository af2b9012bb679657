import Dexie from 'dexie';
import { afterEach, describe, expect, test } from 'vitest';
import { readBackupStatus } from '$lib/state/backup-reminder';
import { BACKUP_REMINDER_STUDY_DAYS } from '$lib/state/data-safety';
import { DB_NAME } from '$lib/storage/db';
import { recordBackupTime } from '$lib/storage/progress-read';
import { closeDatabase, database, saveSetting } from '$lib/storage/repository';
import { at, review } from '../storage/backup-fixtures';
import { addReviews } from '$lib/storage/review-log';

afterEach(async () => {
	closeDatabase();
	await Dexie.delete(DB_NAME);
});

async function studyAt(...times: Date[]) {
	const db = await database();
	await addReviews(
		db,
		times.map((time, i) => review(`item-${i}`, time))
	);
}

describe('the backup status', () => {
	test('is unknown before anything was ever stored', async () => {
		expect(await readBackupStatus()).toBeUndefined();
	});

	test('counts distinct study days, all of them without a backup', async () => {
		await studyAt(at(1), at(1, 18), at(2), at(3), at(9));
		expect(await readBackupStatus()).toEqual({
			lastBackupAt: undefined,
			studyDays: 4,
			remind: false
		});
	});

	test('counts only the study days after the last backup', async () => {
		await studyAt(at(1), at(2), at(2, 21), at(3), at(9));
		await recordBackupTime(at(2, 20));
		expect((await readBackupStatus())?.studyDays).toBe(3);
	});

	test('a review at 1 am counts for the evening before, by the learner’s day start', async () => {
		await studyAt(at(1, 22), at(2, 1));
		expect((await readBackupStatus())?.studyDays).toBe(1);
		await saveSetting('study', { dayStartHour: 0 });
		expect((await readBackupStatus())?.studyDays).toBe(2);
	});

	test('reminds from a week of study days, over a year of history', async () => {
		const days = Array.from({ length: 365 }, (_, i) => new Date(2024, 5, 1 + i, 9));
		await studyAt(...days);
		const status = await readBackupStatus();
		expect(status?.studyDays).toBe(365);
		expect(status?.remind).toBe(true);
		await recordBackupTime(days[365 - BACKUP_REMINDER_STUDY_DAYS]!);
		expect(await readBackupStatus()).toMatchObject({
			studyDays: BACKUP_REMINDER_STUDY_DAYS - 1,
			remind: false
		});
	});
});
