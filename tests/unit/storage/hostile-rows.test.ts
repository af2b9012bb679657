// Rows no valid app could have written, from a backup file or already in the database: the
// file is refused with a coded error, the stored ones are skipped by every read.
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { contentFingerprint, exportBackup, importBackup } from '../../../src/lib/storage/backup';
import {
	BackupError,
	createBackup,
	parseBackup,
	serializeBackup,
	type BackupTables
} from '../../../src/lib/storage/backup-format';
import { listAssignments, listReceipts } from '../../../src/lib/storage/assignments';
import { listAttempts } from '../../../src/lib/storage/attempts';
import { readCardMastery } from '../../../src/lib/storage/cards-read';
import { DB_NAME } from '../../../src/lib/storage/db';
import { readProgressRows, reviewTimeRange } from '../../../src/lib/storage/progress-read';
import {
	closeDatabase,
	database,
	loadStudyDay,
	recentReviews
} from '../../../src/lib/storage/repository';
import { at, card, review, sampleTables } from './backup-fixtures';
import { addReviews, reviewsOf } from '$lib/storage/review-log';

const NOW = at(12, 9);

/** The sample backup's text with one change made to its tables. */
function fileWith(change: (tables: BackupTables) => void): string {
	const tables = sampleTables();
	change(tables);
	return serializeBackup(createBackup(tables, NOW, '0.1.0'));
}

function refusal(text: string): BackupError {
	try {
		parseBackup(text, { now: NOW });
	} catch (error) {
		expect(error).toBeInstanceOf(BackupError);
		return error as BackupError;
	}
	throw new Error('the backup was accepted');
}

async function wipe(): Promise<void> {
	closeDatabase();
	await Dexie.delete(DB_NAME);
}

beforeEach(wipe);
afterEach(wipe);

describe('a backup is checked for ranges, not only types', () => {
	test.each([
		[
			'a review dated year -271821',
			(t: BackupTables) => (t.reviews[0]!.review = new Date(-8.64e15))
		],
		['a review dated 1970', (t: BackupTables) => (t.reviews[0]!.review = new Date(0))],
		[
			'a card due in 1999',
			(t: BackupTables) => (t.cards[0]!.due = new Date('1999-12-31T00:00:00Z'))
		],
		['a card due two years ahead', (t: BackupTables) => (t.cards[0]!.due = at(12 + 730))],
		['a NaN card stability', (t: BackupTables) => (t.cards[0]!.stability = NaN)],
		['an infinite card difficulty', (t: BackupTables) => (t.cards[0]!.difficulty = Infinity)],
		['a negative stability', (t: BackupTables) => (t.cards[0]!.stability = -1)],
		['a difficulty above 10', (t: BackupTables) => (t.cards[0]!.difficulty = 11)],
		['negative reps', (t: BackupTables) => (t.cards[0]!.reps = -2)],
		['a fractional lapse count', (t: BackupTables) => (t.cards[0]!.lapses = 1.5)],
		['a NaN review duration', (t: BackupTables) => (t.reviews[0]!.durationMs = NaN)],
		['an attempt started in 1970', (t: BackupTables) => (t.attempts[0]!.startedAt = new Date(0))],
		['an assignment without its data', (t: BackupTables) => (t.assignments[0]!.data = null)],
		[
			'an assignment whose question list is not a list',
			(t: BackupTables) => (t.assignments[0]!.data = { id: 'a', title: 'x', itemIds: 'q1' })
		],
		['a receipt row without a receipt', (t: BackupTables) => (t.submissions[0]!.receipt = 'x')]
	])('%s is refused with a coded error naming the entry', (_name, change) => {
		const error = refusal(fileWith(change));
		expect(error.code).toBe('invalid-rows');
		expect(error.message).toMatch(/^Entry \d+ of the .* is damaged/);
	});

	test('dates up to a year past now are accepted (a card due in 11 months)', () => {
		const text = fileWith((t) => (t.cards[0]!.due = at(12 + 330)));
		expect(parseBackup(text, { now: NOW }).tables.cards[0]!.due).toEqual(at(12 + 330));
	});

	test('Replace stores a review once when the file lists it twice without an id', async () => {
		const twice = review('item-9', at(9, 10));
		const text = fileWith((t) => t.reviews.push({ ...twice }, { ...twice }));
		await importBackup(parseBackup(text, { now: NOW }), 'replace');
		const stored = await reviewsOf(await database(), 'item-9').then((r) => r.length);
		expect(stored).toBe(1);
	});
});

describe('damaged rows already in the database are skipped by every read', () => {
	async function plantHostileRows(): Promise<void> {
		const db = await database();
		await db.cards.bulkPut([
			card('good', { due: at(11) }),
			card('nan', { stability: NaN }),
			card('ancient', { due: new Date(-8.64e15) })
		]);
		await addReviews(db, [
			review('good', at(12, 8)),
			review('good', new Date(-8.64e15)),
			review('good', new Date(0)),
			review('good', new Date(8.64e15)),
			{ ...review('good', at(12, 7)), stability: NaN }
		]);
		await db.attempts.put({ id: 'bad', kind: 'quiz', startedAt: new Date(NaN) } as never);
		await db.assignments.bulkPut([
			{
				id: 'instructor:ok',
				role: 'instructor',
				code: 'c',
				title: 'OK',
				createdAt: at(2),
				data: { id: 'ok', title: 'OK', itemIds: ['q1'] }
			},
			{
				id: 'instructor:bad',
				role: 'instructor',
				code: 'c',
				title: 'Bad',
				createdAt: at(2)
			} as never
		]);
		await db.submissions.put({
			id: 's',
			assignmentId: 'ok',
			studentName: 'x',
			importedAt: at(3),
			receipt: 42
		});
	}

	test('Today, Progress, Read, the gradebook and the quiz list read only the good rows', async () => {
		await plantHostileRows();
		const day = await loadStudyDay(at(12, 0), at(13, 0));
		expect(day.cards.map((c) => c.itemId)).toEqual(['good']);
		expect(day.reviewsToday.map((r) => r.review)).toEqual([at(12, 8)]);
		const progress = await readProgressRows();
		expect(progress.cards).toHaveLength(1);
		expect(progress.reviews.map((r) => r.review)).toEqual([at(12, 8)]);
		expect(await reviewTimeRange(undefined)).toEqual({ first: at(12, 8), last: at(12, 8) });
		expect((await recentReviews(10)).map((r) => r.review)).toEqual([at(12, 8)]);
		expect((await readCardMastery()).map((c) => c.itemId)).toEqual(['good']);
		expect((await listAssignments('instructor')).map((a) => a.id)).toEqual(['instructor:ok']);
		expect(await listReceipts('ok')).toEqual([]);
		expect(await listAttempts('quiz')).toEqual([]);
	});

	test('an export of a database holding damaged rows leaves them out, so it restores', async () => {
		await plantHostileRows();
		const text = await exportBackup(NOW, '0.1.0');
		const backup = parseBackup(text, { now: NOW });
		expect(backup.tables.cards.map((c) => c.itemId)).toEqual(['good']);
		expect(backup.tables.reviews).toHaveLength(1);
		await importBackup(backup, 'replace');
		expect((await contentFingerprint()).counts.reviews).toBe(1);
	});
});
