// 10,000 generated and mutated backups through parse and import: each is refused with a
// BackupError (and the database left exactly as it was) or imported, after which every read
// a page makes still answers. Never anything else.
import Dexie from 'dexie';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { contentFingerprint, importBackup } from '../../../src/lib/storage/backup';
import {
	BackupError,
	createBackup,
	parseBackup,
	serializeBackup
} from '../../../src/lib/storage/backup-format';
import { listAssignments, listReceipts } from '../../../src/lib/storage/assignments';
import { listAttempts, mistakeItemIds } from '../../../src/lib/storage/attempts';
import { DB_NAME } from '../../../src/lib/storage/db';
import { readProgressRows, reviewTimeRange } from '../../../src/lib/storage/progress-read';
import { closeDatabase, loadStudyDay, recentReviews } from '../../../src/lib/storage/repository';
import { skippedRowCounts } from '../../../src/lib/storage/stored-rows';
import { at, sampleTables } from './backup-fixtures';

const NOW = at(12, 9);
const RUNS = 10_000;
const valid = JSON.parse(serializeBackup(createBackup(sampleTables(), NOW, '0.1.0')));

/** Values a damaged or hostile file might hold where a field should be. */
const hostileValue = fc.oneof(
	fc.constantFrom(
		NaN,
		Infinity,
		-1,
		1.5,
		1e308,
		0,
		4,
		5,
		'',
		null,
		true,
		[],
		{},
		'-271821-04-20T00:00:00.000Z',
		'+275760-09-13T00:00:00.000Z',
		'1970-01-01T00:00:00.000Z',
		'1999-12-31T23:59:59.999Z',
		'2025-02-31T00:00:00.000Z',
		'2025-06-10T11:00:00.000Z',
		{ $number: 'NaN' },
		{ $date: 'nope' },
		{ __proto__: { polluted: true } },
		'item-1'
	),
	fc.jsonValue({ maxDepth: 2 }),
	fc.date().map((d) => (Number.isNaN(d.getTime()) ? 'Invalid' : d.toISOString()))
);

/** Every path to a value in a JSON document. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
	if (value === null || typeof value !== 'object') return [prefix];
	const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
	return [
		prefix,
		...keys.flatMap((k) => paths((value as Record<string, unknown>)[k], [...prefix, k]))
	];
}
const allPaths = paths(valid).filter((p) => p.length > 0);

/** The valid backup with up to three values replaced, rows duplicated or fields deleted. */
const mutatedBackup = fc
	.array(
		fc.record({
			path: fc.constantFrom(...allPaths),
			action: fc.constantFrom('set', 'delete', 'duplicate'),
			value: hostileValue
		}),
		{ minLength: 1, maxLength: 3 }
	)
	.map((mutations) => {
		const doc = structuredClone(valid);
		for (const { path, action, value } of mutations) {
			let parent: Record<string | number, unknown> = doc;
			for (const k of path.slice(0, -1)) {
				const next = parent?.[k];
				if (next === null || typeof next !== 'object') return JSON.stringify(doc);
				parent = next as Record<string | number, unknown>;
			}
			const last = path[path.length - 1]!;
			if (action === 'delete') delete parent[last];
			else if (action === 'duplicate' && Array.isArray(parent)) parent.push(parent[last as number]);
			else parent[last] = value;
		}
		return JSON.stringify(doc);
	});

async function everyReadAnswers(): Promise<void> {
	await loadStudyDay(at(12, 0), at(13, 0));
	await readProgressRows();
	await reviewTimeRange(undefined);
	await recentReviews(20);
	await listAssignments('student');
	await listReceipts('assign-1');
	await listAttempts('quiz');
	await mistakeItemIds();
}

beforeAll(async () => {
	closeDatabase();
	await Dexie.delete(DB_NAME);
	await importBackup(parseBackup(JSON.stringify(valid), { now: NOW }), 'replace');
});
afterAll(async () => {
	closeDatabase();
	await Dexie.delete(DB_NAME);
});

test(`${RUNS} mutated backups give a BackupError or an import every page can read`, async () => {
	let refused = 0;
	let imported = 0;
	let before = await contentFingerprint();
	await fc.assert(
		fc.asyncProperty(
			mutatedBackup,
			fc.constantFrom('replace', 'merge') as fc.Arbitrary<'replace' | 'merge'>,
			async (text, mode) => {
				let backup;
				try {
					backup = parseBackup(text, { now: NOW });
				} catch (error) {
					expect(error).toBeInstanceOf(BackupError);
					refused++;
					return;
				}
				try {
					await importBackup(backup, mode);
				} catch (error) {
					expect(error).toBeInstanceOf(BackupError);
					expect(await contentFingerprint()).toEqual(before);
					refused++;
					return;
				}
				imported++;
				await everyReadAnswers();
				before = await contentFingerprint();
			}
		),
		{ numRuns: RUNS, seed: 13 }
	);
	// both branches must be exercised for the property to mean anything
	expect(refused).toBeGreaterThan(RUNS / 4);
	expect(imported).toBeGreaterThan(RUNS / 20);
	expect(await contentFingerprint()).toEqual(before);
	// and nothing an import accepted was later skipped by a read as damaged
	expect(skippedRowCounts()).toEqual({});
}, 300_000);
