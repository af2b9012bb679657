// docs/backup.schema.json checked by ajv, a validator of its own, against a real exported
// backup, and against damaged copies: the schema and the import must agree on each.
import Ajv from 'ajv';
import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { exportBackup } from '../../../src/lib/storage/backup';
import { parseBackup, type BackupTables } from '../../../src/lib/storage/backup-format';
import { DB_NAME } from '../../../src/lib/storage/db';
import { closeDatabase, database } from '../../../src/lib/storage/repository';
import { SCHEMA_PATH, VALIDATOR_PATH, validatorSource } from '../../../scripts/backup-validator';
import { at, sampleTables } from './backup-fixtures';
import { addReviews } from '$lib/storage/review-log';

const schema = JSON.parse(readFileSync('docs/backup.schema.json', 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

async function fill(tables: BackupTables): Promise<void> {
	const db = await database();
	await db.transaction('rw', db.tables, async () => {
		await db.cards.bulkPut(tables.cards);
		await addReviews(db, tables.reviews);
		await db.attempts.bulkPut(tables.attempts);
		await db.assignments.bulkPut(tables.assignments);
		await db.submissions.bulkPut(tables.submissions);
		await db.settings.bulkPut(tables.settings);
		await db.cardFlags.bulkPut(tables.cardFlags);
		await db.ownCards.bulkPut(tables.ownCards);
		await db.cardWordings.bulkPut(tables.cardWordings);
		await db.tombstones.bulkPut(tables.tombstones);
	});
}

beforeEach(() => fill(sampleTables()));
afterEach(async () => {
	closeDatabase();
	await Dexie.delete(DB_NAME);
});

/** Whether the app's own import takes `file`. */
function importTakes(file: unknown): boolean {
	try {
		parseBackup(JSON.stringify(file));
		return true;
	} catch {
		return false;
	}
}

type Rows = Record<string, unknown>[];
type File = {
	tables: Record<
		| 'cards'
		| 'reviews'
		| 'attempts'
		| 'assignments'
		| 'submissions'
		| 'settings'
		| 'ownCards'
		| 'cardWordings',
		Rows
	>;
} & Record<string, unknown>;

describe('the backup JSON Schema', () => {
	test('a real exported backup, every table filled, is valid', async () => {
		const file = JSON.parse(await exportBackup(at(12, 9), '0.1.0')) as File;
		for (const rows of Object.values(file.tables)) expect(rows.length).toBeGreaterThan(0);
		expect(validate(file), JSON.stringify(validate.errors)).toBe(true);
	});

	test.each<[string, (file: File) => void]>([
		['another format', (f) => (f.format = 'anki')],
		['no format version', (f) => delete f.formatVersion],
		['a table missing', (f) => delete (f.tables as Partial<File['tables']>).settings],
		['a card with no due date', (f) => delete f.tables.cards[0]!.due],
		['a card state of 7', (f) => (f.tables.cards[0]!.state = 7)],
		['a review dated "yesterday"', (f) => (f.tables.reviews[0]!.review = 'yesterday')],
		['a rating of 5', (f) => (f.tables.reviews[0]!.rating = 5)],
		['an attempt of an unknown kind', (f) => (f.tables.attempts[0]!.kind = 'exam')],
		['an empty setting key', (f) => (f.tables.settings[0]!.key = '')],
		['a setting with no value', (f) => delete f.tables.settings[0]!.value],
		['a negative review duration', (f) => (f.tables.reviews[0]!.durationMs = -1)],
		['an own card holding markup', (f) => (f.tables.ownCards[0]!.front = '<script>x()</script>')],
		['an own card with an empty back', (f) => (f.tables.ownCards[0]!.back = '')],
		['an own card of 100 KB', (f) => (f.tables.ownCards[0]!.back = 'x'.repeat(100 * 1024))],
		['an own card of an unknown kind', (f) => (f.tables.ownCards[0]!.kind = 'image')],
		['an own card whose id is a bank id', (f) => (f.tables.ownCards[0]!.id = 'fact-1-cloze')],
		['a wording holding markup', (f) => (f.tables.cardWordings[0]!.front = '<img src=x>')]
	])('a file with %s is refused by the schema and by the import', async (_, damage) => {
		const file = JSON.parse(await exportBackup(at(12, 9), '0.1.0')) as File;
		damage(file);
		expect(validate(file)).toBe(false);
		expect(importTakes(file)).toBe(false);
	});
});

describe('the import validates against the schema itself', () => {
	test('the validator it runs is compiled from docs/backup.schema.json as it is now', () => {
		expect(readFileSync(VALIDATOR_PATH, 'utf8')).toBe(
			validatorSource(readFileSync(SCHEMA_PATH, 'utf8'))
		);
	});

	test('a file that only the schema refuses is refused, with the place named', async () => {
		const file = JSON.parse(await exportBackup(at(12, 9), '0.1.0')) as File;
		// answers as a list: an object to the row checks, but the schema says an object of answers
		file.tables.attempts[0]!.answers = [];
		expect(validate(file)).toBe(false);
		expect(() => parseBackup(JSON.stringify(file))).toThrow(
			/does not match the documented backup format \(tables › attempts › 0 › answers: must be object\)/
		);
	});
});
