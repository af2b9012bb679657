// Replace keeps what it removed, for a week, and can put it back.
import Dexie from 'dexie';
import { afterEach, beforeEach, expect, test } from 'vitest';
import {
	contentFingerprint,
	deviceSummary,
	importBackup,
	replacedCopy,
	restoreReplacedCopy
} from '../../../src/lib/storage/backup';
import {
	BackupError,
	createBackup,
	parseBackup,
	serializeBackup
} from '../../../src/lib/storage/backup-format';
import { DB_NAME } from '../../../src/lib/storage/db';
import { closeDatabase } from '../../../src/lib/storage/repository';
import { at, review, sampleTables } from './backup-fixtures';

const NOW = at(12, 9);
const DAY = 24 * 3_600_000;
const later = (days: number) => new Date(NOW.getTime() + days * DAY);

/** A small backup: one review of one card, made on the 11th. */
function otherBackup() {
	const tables = { ...sampleTables(), reviews: [review('item-1', at(11, 8))] };
	return parseBackup(serializeBackup(createBackup(tables, NOW, '0.1.0')), { now: NOW });
}

async function wipe() {
	closeDatabase();
	await Dexie.delete(DB_NAME);
}
beforeEach(async () => {
	await wipe();
	await importBackup(
		parseBackup(serializeBackup(createBackup(sampleTables(), NOW, 'x')), { now: NOW }),
		'replace',
		{ now: NOW }
	);
});
afterEach(wipe);

test("this device's summary counts its rows and its newest review", async () => {
	const summary = await deviceSummary(NOW);
	expect(summary.counts.reviews).toBe(3);
	expect(summary.lastReview).toEqual(at(10, 11, 5));
});

test('Replace keeps a copy of what it removed, and restoring it brings every row back', async () => {
	const before = await contentFingerprint();
	await importBackup(otherBackup(), 'replace', { now: NOW });
	expect((await contentFingerprint()).counts.reviews).toBe(1);

	const copy = await replacedCopy(later(6));
	expect(copy?.summary.counts.reviews).toBe(3);
	expect(copy?.expiresAt).toEqual(later(7));

	await restoreReplacedCopy(later(6));
	expect(await contentFingerprint()).toEqual(before);
	// and what the restore replaced is now the copy: the swap can be undone too
	expect((await replacedCopy(later(6)))?.summary.counts.reviews).toBe(1);
});

test('after a week the copy is dropped and cannot be restored', async () => {
	await importBackup(otherBackup(), 'replace', { now: NOW });
	expect(await replacedCopy(later(7))).toBeUndefined();
	const error = await restoreReplacedCopy(later(7)).catch((e: unknown) => e);
	expect(error).toBeInstanceOf(BackupError);
	expect((error as BackupError).message).toMatch(/kept for a week/);
	expect((await contentFingerprint()).counts.reviews).toBe(1);
});

test('Merge keeps no copy: it removes nothing', async () => {
	await wipe();
	await importBackup(otherBackup(), 'merge', { now: NOW });
	expect(await replacedCopy(NOW)).toBeUndefined();
});
