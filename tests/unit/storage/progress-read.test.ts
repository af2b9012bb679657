import Dexie from 'dexie';
import { afterEach, describe, expect, test } from 'vitest';
import { DB_NAME } from '$lib/storage/db';
import {
	lastBackupTime,
	progressCounts,
	readProgressRows,
	recordBackupTime,
	resetProgress,
	reviewTimesSince
} from '$lib/storage/progress-read';
import { closeDatabase, database, readSetting, saveSetting } from '$lib/storage/repository';
import { at, card, review } from './backup-fixtures';

afterEach(async () => {
	closeDatabase();
	await Dexie.delete(DB_NAME);
});

async function seed() {
	const db = await database();
	await db.cards.bulkPut([card('a'), card('b')]);
	await db.reviews.bulkAdd([review('a', at(2)), review('b', at(3)), review('a', at(5))]);
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

	test('review times come from the index, after a given moment or all of them', async () => {
		await seed();
		expect(await reviewTimesSince(undefined)).toEqual([at(2), at(3), at(5)]);
		expect(await reviewTimesSince(at(3))).toEqual([at(5)]);
	});

	test('the last backup time reads back as a Date, and a foreign value as none', async () => {
		expect(await lastBackupTime()).toBeUndefined();
		await recordBackupTime(at(7));
		expect(await lastBackupTime()).toEqual(at(7));
		await saveSetting('lastBackupAt', 'yesterday');
		expect(await lastBackupTime()).toBeUndefined();
	});
});

test('reset deletes cards, reviews and attempts together and keeps settings', async () => {
	await seed();
	expect(await progressCounts()).toEqual({ cards: 2, reviews: 3, attempts: 2 });
	expect(await resetProgress()).toEqual({ cards: 2, reviews: 3, attempts: 2 });
	expect(await progressCounts()).toEqual({ cards: 0, reviews: 0, attempts: 0 });
	expect(await readSetting('theme', 'system')).toBe('dark');
});
