import Dexie from 'dexie';
import { afterEach, describe, expect, test } from 'vitest';
import { DB_NAME } from '$lib/storage/db';
import {
	lastBackupTime,
	progressCounts,
	readProgressRows,
	recordBackupTime,
	resetProgress,
	reviewedDuring,
	reviewTimeRange
} from '$lib/storage/progress-read';
import { closeDatabase, database, readSetting, saveSetting } from '$lib/storage/repository';
import { at, card, review, sampleTables } from './backup-fixtures';
import { addReviews } from '$lib/storage/review-log';

afterEach(async () => {
	closeDatabase();
	await Dexie.delete(DB_NAME);
});

async function seed() {
	const db = await database();
	await db.cards.bulkPut([card('a'), card('b')]);
	await addReviews(db, [review('a', at(2)), review('b', at(3)), review('a', at(5))]);
	await db.attempts.bulkPut([
		{
			id: 'q1',
			kind: 'quiz',
			startedAt: at(4),
			finishedAt: at(4, 13),
			plan: {},
			answers: {},
			position: 3
		},
		{ id: 'q2', kind: 'quiz', startedAt: at(6), plan: {}, answers: {}, position: 1 }
	]);
	await saveSetting('theme', 'dark');
}

describe('progress reads', () => {
	test('read every card and review and only the finished attempts', async () => {
		await seed();
		const rows = await readProgressRows();
		expect(rows.cards).toHaveLength(2);
		expect(rows.reviews).toHaveLength(3);
		expect(rows.attempts.map((a) => a.id)).toEqual(['q1']);
	});

	test('the first and last review times after a moment, or of all reviews', async () => {
		expect(await reviewTimeRange(undefined)).toBeUndefined();
		await seed();
		expect(await reviewTimeRange(undefined)).toEqual({ first: at(2), last: at(5) });
		expect(await reviewTimeRange(at(2))).toEqual({ first: at(3), last: at(5) });
		expect(await reviewTimeRange(at(5))).toBeUndefined();
	});

	test('tell for each span whether a review was made in it, the end left out', async () => {
		const spans = [
			{ start: at(2), end: at(3) },
			{ start: at(3, 13), end: at(4) },
			{ start: at(4), end: at(5) },
			{ start: at(4), end: at(5, 12, 1) }
		];
		expect(await reviewedDuring(spans)).toEqual([false, false, false, false]);
		await seed();
		expect(await reviewedDuring(spans)).toEqual([true, false, false, true]);
	});

	test('the last backup time reads back as a Date, and a foreign value as none', async () => {
		expect(await lastBackupTime()).toBeUndefined();
		await recordBackupTime(at(7));
		expect(await lastBackupTime()).toEqual(at(7));
		await saveSetting('lastBackupAt', 'yesterday');
		expect(await lastBackupTime()).toBeUndefined();
	});
});

describe('reset', () => {
	test('deletes cards, reviews and quiz attempts together and keeps settings', async () => {
		await seed();
		expect(await progressCounts()).toEqual({ cards: 2, reviews: 3, quizAttempts: 2 });
		expect(await resetProgress()).toEqual({ cards: 2, reviews: 3, quizAttempts: 2 });
		expect(await progressCounts()).toEqual({ cards: 0, reviews: 0, quizAttempts: 0 });
		expect(await readSetting('theme', 'system')).toBe('dark');
	});

	test("keeps assignments, a student's assignment attempts with their receipts, and imported receipts", async () => {
		const tables = sampleTables();
		const db = await database();
		await db.cards.bulkPut(tables.cards);
		await addReviews(db, tables.reviews);
		await db.attempts.bulkPut(tables.attempts);
		await db.assignments.bulkPut(tables.assignments);
		await db.submissions.bulkPut(tables.submissions);
		const handedIn = tables.attempts.find((attempt) => attempt.kind === 'assignment')!;

		expect(await resetProgress()).toEqual({ cards: 3, reviews: 3, quizAttempts: 1 });

		expect(await db.attempts.toArray()).toEqual([handedIn]);
		expect(await db.assignments.toArray()).toEqual(tables.assignments);
		expect(await db.submissions.toArray()).toEqual(tables.submissions);
	});
});
