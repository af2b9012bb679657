// Rows no store gives (an independent reader built them): the written-out check would answer
// otherwise than the schema, so `isPlainRow` sends them to the schema; the door every read goes
// through (`isValidRow`) answers as the schema does.
import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { isPlainRow } from '$lib/storage/review-row';
import { isValidRow } from '$lib/storage/stored-rows';
import { asFileRow, DATE_FIELDS, rowSchemas } from '$lib/storage/row-schemas';

const now = new Date('2026-05-04T10:00:00Z');
const schema = rowSchemas(now).reviews;
const bySchema = (row: unknown) => v.is(schema, asFileRow(row, DATE_FIELDS.reviews));

const base = {
	uid: 'c0ffee00-0000-4000-8000-000000000001',
	itemId: 'item-1',
	rating: 3,
	state: 2,
	review: new Date('2026-05-01T09:00:00Z'),
	due: new Date('2026-05-11T09:00:00Z'),
	previousDue: new Date('2026-04-21T09:00:00Z'),
	stability: 12.5,
	difficulty: 5.1,
	elapsed_days: 10,
	last_elapsed_days: 8,
	scheduled_days: 10,
	learning_steps: 0,
	durationMs: 4200
};

describe('rows that are not plain data', () => {
	test('a row whose fields are inherited (not own) is refused, as the schema refuses it', () => {
		const row = Object.create(base) as object; // every field on the prototype
		expect(bySchema(row)).toBe(false); // asFileRow spreads own enumerable fields only
		expect(isPlainRow(row)).toBe(false);
		expect(isValidRow('reviews', row, now)).toBe(bySchema(row));
	});

	test('a row with a non-enumerable required field is refused, as the schema refuses it', () => {
		const row: Record<string, unknown> = { ...base };
		delete row.itemId;
		Object.defineProperty(row, 'itemId', { value: 'item-1', enumerable: false });
		expect(bySchema(row)).toBe(false);
		expect(isPlainRow(row)).toBe(false);
		expect(isValidRow('reviews', row, now)).toBe(bySchema(row));
	});

	test('a Date whose own toISOString says another moment: answers as the schema, which reads the text', () => {
		const due = new Date(Date.UTC(1990, 0, 1));
		Object.defineProperty(due, 'toISOString', { value: () => '2026-05-11T09:00:00.000Z' });
		const row = { ...base, due };
		expect(bySchema(row)).toBe(true);
		expect(isPlainRow(row)).toBe(false);
		expect(isValidRow('reviews', row, now)).toBe(bySchema(row));
	});
});
