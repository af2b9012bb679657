import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { BackupManager } from '$lib/state/backup-manager.svelte';
import { parseBackup } from '$lib/storage/backup-format';
import { DB_NAME } from '$lib/storage/db';
import { closeDatabase, database } from '$lib/storage/repository';
import { at, sampleTables } from '../storage/backup-fixtures';
import { addReviews, clearReviews, reviewCount } from '$lib/storage/review-log';

// the one browser-only step: a download becomes a file the test can read back
const downloads = vi.hoisted(() => [] as { text: string; fileName: string }[]);
vi.mock('$lib/state/download', () => ({
	downloadFile: (fileName: string, text: string) => downloads.push({ text, fileName })
}));

/** A clock the test moves by hand. */
function clockAt(start: Date) {
	let now = start;
	return {
		clock: () => now,
		set: (next: Date) => (now = next)
	};
}

/** Stores a few days of study: reviews on 8 and 10 June, a quiz and an assignment attempt. */
async function studied(): Promise<void> {
	const { cards, reviews, attempts, assignments, submissions } = sampleTables();
	const db = await database();
	await db.cards.bulkPut(cards);
	await addReviews(db, reviews);
	await db.attempts.bulkPut(attempts);
	await db.assignments.bulkPut(assignments);
	await db.submissions.bulkPut(submissions);
}

async function wipe(): Promise<void> {
	closeDatabase();
	await Dexie.delete(DB_NAME);
}

const backupFile = (text: string, name = 'sahel-brief-backup-2025-06-12.json') =>
	new File([text], name, { type: 'application/json' });

beforeEach(() => {
	downloads.length = 0;
});
afterEach(async () => {
	vi.restoreAllMocks();
	await wipe();
});

describe('BackupManager', () => {
	test('before anything is stored it shows no backup and no study', async () => {
		const manager = new BackupManager(clockAt(at(12, 9)).clock);
		await manager.refresh();
		expect(manager.status).toBeUndefined();
		expect(manager.busy).toBe(false);
		expect(manager.canReset).toBe(false);
	});

	test('export names the file by the injected clock and remembers that time', async () => {
		await studied();
		const manager = new BackupManager(clockAt(at(12, 9)).clock);
		await manager.refresh();
		expect(manager.status).toEqual({ lastBackupAt: undefined, studyDays: 2, remind: false });

		await manager.exportBackup();
		expect(downloads.map((d) => d.fileName)).toEqual(['sahel-brief-backup-2025-06-12.json']);
		expect(parseBackup(downloads[0]!.text).exportedAt).toEqual(at(12, 9));
		expect(manager.done).toBe(
			'Backup saved as sahel-brief-backup-2025-06-12.json. Keep it somewhere safe, off this device.'
		);
		expect(manager.status).toEqual({ lastBackupAt: at(12, 9), studyDays: 0, remind: false });
		expect(manager.problem).toBeUndefined();
	});

	test('two taps on Export at once make one file', async () => {
		await studied();
		const manager = new BackupManager(clockAt(at(12, 9)).clock);
		await Promise.all([manager.exportBackup(), manager.exportBackup()]);
		expect(downloads).toHaveLength(1);
	});

	test('right after a restore, the restored file counts as the last backup', async () => {
		await studied();
		const time = clockAt(at(12, 9));
		const manager = new BackupManager(time.clock);
		await manager.exportBackup();
		const { text } = downloads[0]!;
		// a new phone: nothing stored, the file restored a day later
		await wipe();
		time.set(at(13, 8));
		const fresh = new BackupManager(time.clock);
		await fresh.refresh();
		expect(fresh.status).toBeUndefined();

		await fresh.chooseFile(backupFile(text));
		expect(fresh.preview?.summary.counts.reviews).toBe(3);
		await fresh.importChosen('replace');
		expect(fresh.problem).toBeUndefined();
		expect(fresh.done).toBe('Restored: 3 reviews, 3 cards and 2 quiz attempts.');
		expect(fresh.status).toEqual({ lastBackupAt: at(12, 9), studyDays: 0, remind: false });
		expect(fresh.preview).toBeUndefined();
	});

	test('Replace shows this device beside the file, then offers what it removed back', async () => {
		const time = clockAt(at(12, 9));
		const manager = new BackupManager(time.clock);
		const empty = JSON.stringify({
			format: 'sahel-brief-backup',
			formatVersion: 1,
			appVersion: '0.1.0',
			exportedAt: at(11).toISOString(),
			tables: {
				cards: [],
				reviews: [],
				attempts: [],
				assignments: [],
				submissions: [],
				settings: []
			}
		});
		await studied();
		await manager.chooseFile(backupFile(empty));
		expect(manager.preview?.summary.counts.reviews).toBe(0);
		expect(manager.preview?.device.counts.reviews).toBe(3);
		expect(manager.preview?.device.lastReview).toEqual(at(10, 11, 5));

		await manager.importChosen('replace');
		expect(await reviewCount(await database())).toBe(0);
		expect(manager.replacedCopy?.summary.counts.reviews).toBe(3);
		await manager.restoreReplacedCopy();
		expect(manager.done).toBe('Put back: 3 reviews, 3 cards and 2 quiz attempts.');
		expect(await reviewCount(await database())).toBe(3);

		time.set(at(12 + 8, 9)); // eight days later the copy is gone
		await manager.refresh();
		expect(manager.replacedCopy).toBeUndefined();
	});

	test('a merge does not claim the local study is backed up', async () => {
		await studied();
		const manager = new BackupManager(clockAt(at(12, 9)).clock);
		await manager.exportBackup();
		await wipe();
		const db = await database();
		await addReviews(db, [
			{
				...sampleTables().reviews[0]!,
				id: undefined,
				uid: 'uid-local',
				review: at(11, 9)
			}
		]);
		const other = new BackupManager(clockAt(at(13, 8)).clock);
		await other.chooseFile(backupFile(downloads[0]!.text));
		await other.importChosen('merge');
		expect(other.done).toMatch(/^Merged: 3 reviews/);
		expect(other.status?.lastBackupAt).toBeUndefined();
		expect(other.status?.studyDays).toBe(3);
	});

	test('a file that is not a backup is explained and nothing is stored', async () => {
		await studied();
		const before = await reviewCount(await database());
		const manager = new BackupManager(clockAt(at(12, 9)).clock);
		await manager.chooseFile(backupFile('{"hello": "world"}', 'notes.json'));
		expect(manager.problem?.code).toBe('wrong-format');
		expect(manager.problem?.title).toBe('This is not a Sahel Brief backup');
		expect(manager.preview).toBeUndefined();
		await manager.importChosen('replace');
		expect(await reviewCount(await database())).toBe(before);
		expect(manager.done).toBe('');
	});

	test('a failed write during a restore says so and changes nothing', async () => {
		await studied();
		const manager = new BackupManager(clockAt(at(12, 9)).clock);
		await manager.exportBackup();
		const db = await database();
		await clearReviews(db);
		vi.spyOn(db.cards, 'bulkPut').mockRejectedValue(new Error('disk on fire'));

		await manager.chooseFile(backupFile(downloads[0]!.text));
		await manager.importChosen('replace');
		expect(manager.problem).toEqual({
			code: 'write-failed',
			title: 'The backup could not be restored',
			message:
				'The backup could not be written, so nothing was changed. Reload the app and try again.'
		});
		expect(manager.done).toBe('');
		expect(manager.busy).toBe(false);
		expect(await reviewCount(db)).toBe(0);
		// the file stays chosen, so the learner can try again
		expect(manager.preview).toBeDefined();
	});

	test('reset waits for RESET, keeps assignment attempts, and says what it deleted', async () => {
		await studied();
		const manager = new BackupManager(clockAt(at(12, 9)).clock);
		await manager.resetProgress();
		expect(await reviewCount(await database())).toBe(3);
		manager.confirmation = ' reset ';
		expect(manager.canReset).toBe(true);

		await manager.resetProgress();
		expect(manager.scope).toBe('reset');
		expect(manager.done).toBe(
			'Progress reset: 3 reviews, 3 cards and 1 quiz attempt deleted. Assignments and receipts were kept.'
		);
		expect(manager.confirmation).toBe('');
		expect(manager.canReset).toBe(false);
		expect(await (await database()).attempts.count()).toBe(1);
	});

	test('a failed reset says so and keeps everything', async () => {
		await studied();
		const db = await database();
		vi.spyOn(db.cards, 'clear').mockRejectedValue(new Error('disk on fire'));
		const manager = new BackupManager(clockAt(at(12, 9)).clock);
		manager.confirmation = 'RESET';
		await manager.resetProgress();
		expect(manager.problem).toEqual({
			code: 'other',
			title: 'Your progress was not reset',
			message: 'Nothing was changed. (disk on fire)'
		});
		expect(await reviewCount(db)).toBe(3);
		expect(manager.confirmation).toBe('RESET');
	});
});
