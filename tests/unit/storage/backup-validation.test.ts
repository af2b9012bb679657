// A corpus of broken backup files: each is refused with its own code and a plain sentence,
// before anything is written, so the database stays exactly as it was.
import Dexie from 'dexie';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { contentFingerprint, exportBackup, importBackup } from '../../../src/lib/storage/backup';
import {
	BackupError,
	createBackup,
	MAX_VALUE_DEPTH,
	parseBackup,
	serializeBackup,
	type BackupErrorCode
} from '../../../src/lib/storage/backup-format';
import { DB_NAME } from '../../../src/lib/storage/db';
import { closeDatabase, database } from '../../../src/lib/storage/repository';
import { at, sampleTables } from './backup-fixtures';
import { addReviews } from '$lib/storage/review-log';

const NOW = at(12, 9);
const valid = serializeBackup(createBackup(sampleTables(), NOW, '0.1.0'));

/** The valid backup with one change made to its parsed JSON. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests reach into parsed JSON freely
function edited(change: (data: Record<string, any>) => void): string {
	const data = JSON.parse(valid);
	change(data);
	return JSON.stringify(data);
}

const corpus: Array<[string, string, BackupErrorCode]> = [
	['an empty file', '', 'empty'],
	['a file of blank lines', '  \n\t\n', 'empty'],
	['a backup cut off halfway', valid.slice(0, valid.length >> 1), 'truncated'],
	['a backup missing its last brace', valid.slice(0, -1), 'truncated'],
	['plain text', 'my notes about Mali', 'not-json'],
	['a web page', '<!doctype html><html><body>Sahel Brief</body></html>', 'not-json'],
	['JSON with a trailing comma', '{"format":"sahel-brief-backup",}', 'not-json'],
	['JSON null', 'null', 'wrong-format'],
	['a JSON list', '[1,2,3]', 'wrong-format'],
	['a JSON string', '"sahel-brief-backup"', 'wrong-format'],
	['another app’s export', '{"format":"anki-deck","formatVersion":1}', 'wrong-format'],
	['a format version written as text', edited((d) => (d.formatVersion = '1')), 'wrong-format'],
	['format version 0', edited((d) => (d.formatVersion = 0)), 'wrong-format'],
	['a backup from a newer app', edited((d) => (d.formatVersion = 2)), 'newer-version'],
	['no tables', edited((d) => delete d.tables), 'incomplete'],
	['no reviews table', edited((d) => delete d.tables.reviews), 'incomplete'],
	['reviews that are not a list', edited((d) => (d.tables.reviews = {})), 'incomplete'],
	['an export time that is not a date', edited((d) => (d.exportedAt = 'Tuesday')), 'incomplete'],
	['a review rated 7', edited((d) => (d.tables.reviews[1].rating = 7)), 'invalid-rows'],
	['a review with no time', edited((d) => delete d.tables.reviews[0].review), 'invalid-rows'],
	['a card due "tomorrow"', edited((d) => (d.tables.cards[0].due = 'tomorrow')), 'invalid-rows'],
	[
		'a card due 31 February',
		edited((d) => (d.tables.cards[0].due = '2025-02-31T00:00:00.000Z')),
		'invalid-rows'
	],
	['a card stability as text', edited((d) => (d.tables.cards[0].stability = '12')), 'invalid-rows'],
	['a card with no item id', edited((d) => (d.tables.cards[0].itemId = '')), 'invalid-rows'],
	['a row that is a number', edited((d) => (d.tables.attempts[0] = 5)), 'invalid-rows'],
	[
		'an attempt of an unknown kind',
		edited((d) => (d.tables.attempts[0].kind = 'game')),
		'invalid-rows'
	],
	['a setting with no key', edited((d) => delete d.tables.settings[0].key), 'invalid-rows'],
	['the same card twice', edited((d) => d.tables.cards.push(d.tables.cards[0])), 'invalid-rows'],
	['the same review key twice', edited((d) => (d.tables.reviews[1].id = 1)), 'invalid-rows'],
	// the last row is damaged: the whole file is checked before anything is used
	[
		'a damaged last row',
		edited(
			(d) => ((d.tables.settings.at(-1).value = undefined), delete d.tables.settings.at(-1).key)
		),
		'invalid-rows'
	],
	// a small file nested thousands deep would overflow the stack of every later export
	[
		'a setting nested 2,500 levels deep',
		edited((d) => (d.tables.settings[0].value = nested(2500))),
		'invalid-rows'
	],
	[
		'a setting nested 100 levels deep',
		edited((d) => (d.tables.settings[0].value = nested(100))),
		'invalid-rows'
	]
];

/** A value nested `depth` lists deep. */
function nested(depth: number): unknown {
	let value: unknown = 'core';
	for (let i = 0; i < depth; i++) value = [value];
	return value;
}

test('a value nested as deep as the limit allows is kept exactly', () => {
	const file = JSON.parse(valid) as { tables: { settings: { value: unknown }[] } };
	file.tables.settings[0]!.value = nested(MAX_VALUE_DEPTH - 2);
	const backup = parseBackup(JSON.stringify(file), { now: NOW });
	expect(backup.tables.settings[0]!.value).toEqual(nested(MAX_VALUE_DEPTH - 2));
	expect(() => serializeBackup(backup)).not.toThrow();
});

async function wipe(): Promise<void> {
	closeDatabase();
	await Dexie.delete(DB_NAME);
}

beforeEach(async () => {
	const tables = sampleTables();
	const db = await database();
	await db.transaction('rw', db.tables, async () => {
		await db.cards.bulkPut(tables.cards);
		await addReviews(db, tables.reviews);
		await db.attempts.bulkPut(tables.attempts);
		await db.settings.bulkPut(tables.settings);
	});
});
afterEach(wipe);

describe('a broken file is refused with a coded error and the database is unchanged', () => {
	test.each(corpus.map(([name, text, code]) => ({ name, text, code })))(
		'$name gives "$code"',
		async ({ text, code }) => {
			const before = await contentFingerprint();
			for (const mode of ['replace', 'merge'] as const) {
				let error: unknown;
				try {
					await importBackup(parseBackup(text), mode);
				} catch (e) {
					error = e;
				}
				expect(error).toBeInstanceOf(BackupError);
				expect((error as BackupError).code).toBe(code);
				// a plain sentence: capitalised, ends with a full stop, no stack or JSON noise
				expect((error as BackupError).message).toMatch(/^[A-Z].*\.$/);
			}
			expect(await contentFingerprint()).toEqual(before);
		}
	);
});

test('a file larger than the limit is refused before it is parsed', async () => {
	const before = await contentFingerprint();
	const error = (() => {
		try {
			parseBackup(valid, { maxBytes: 1000 });
		} catch (e) {
			return e as BackupError;
		}
	})();
	expect(error?.code).toBe('too-large');
	expect(error?.message).toMatch(/larger than/);
	expect(await contentFingerprint()).toEqual(before);
});

test('the size limit counts bytes, not characters', () => {
	const text = edited((d) => (d.tables.settings[0].value = 'é'.repeat(600)));
	expect(() => parseBackup(text, { maxBytes: text.length + 100 })).toThrow(BackupError);
	expect(() => parseBackup(text, { maxBytes: text.length + 700 })).not.toThrow();
});

test('a damaged row is named in the message', () => {
	const text = edited((d) => (d.tables.reviews[1].rating = 7));
	expect(() => parseBackup(text)).toThrow(/Entry 2 of the reviews .*rating/);
});

test('a valid backup of a real database parses', async () => {
	expect(parseBackup(await exportBackup(NOW, '0.1.0')).tables.reviews).toHaveLength(3);
});

describe('hostile input only ever gives a BackupError', () => {
	const onlyBackupErrors = (text: string) => {
		try {
			parseBackup(text, { maxBytes: 50_000 });
		} catch (error) {
			if (!(error instanceof BackupError)) throw error;
		}
	};

	test('random text', () => {
		fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), onlyBackupErrors), {
			numRuns: 300
		});
	});

	test('random JSON values', () => {
		fc.assert(fc.property(fc.json(), onlyBackupErrors), { numRuns: 300 });
	});

	test('random JSON dressed as a backup', () => {
		const header = fc.record({
			format: fc.constant('sahel-brief-backup'),
			formatVersion: fc.oneof(fc.constant(1), fc.integer()),
			appVersion: fc.string(),
			exportedAt: fc.oneof(
				fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
				fc.string()
			),
			tables: fc.dictionary(
				fc.constantFrom(
					'cards',
					'reviews',
					'attempts',
					'assignments',
					'submissions',
					'settings',
					'__proto__'
				),
				fc.array(fc.jsonValue(), { maxLength: 3 })
			)
		});
		fc.assert(
			fc.property(header, (data) => onlyBackupErrors(JSON.stringify(data))),
			{
				numRuns: 300
			}
		);
	});

	test('a valid backup with bytes cut, inserted or replaced', () => {
		const mutation = fc.tuple(
			fc.nat({ max: valid.length - 1 }),
			fc.nat({ max: 40 }),
			fc.string({ maxLength: 8 })
		);
		fc.assert(
			fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
				let text = valid;
				for (const [at, cut, insert] of mutations) {
					const i = Math.min(at, text.length);
					text = text.slice(0, i) + insert + text.slice(i + cut);
				}
				onlyBackupErrors(text);
			}),
			{ numRuns: 500 }
		);
	});

	test('a row replaced by random JSON', () => {
		const tables = ['cards', 'reviews', 'attempts', 'assignments', 'submissions', 'settings'];
		fc.assert(
			fc.property(fc.constantFrom(...tables), fc.jsonValue(), (table, row) => {
				onlyBackupErrors(edited((d) => (d.tables[table][0] = row)));
			}),
			{ numRuns: 300 }
		);
	});
});
