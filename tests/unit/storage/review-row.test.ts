// The written-out review check (storage/review-row.ts) must answer as the review row schema
// does, on every field and every kind of wrong value; stored-rows uses it in the schema's place.
// Rows no store gives (an independent reader built them: inherited or hidden fields, a date
// that tells its own ISO text) go to the schema itself, so the door every read goes through
// (`isValidRow`) answers as the schema does for them too.
import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { EARLIEST_DATE, latestDate } from '$lib/storage/date-range';
import { isPlainRow, isReviewRow } from '$lib/storage/review-row';
import { asFileRow, DATE_FIELDS, rowSchemas } from '$lib/storage/row-schemas';
import { isValidRow } from '$lib/storage/stored-rows';

const now = new Date('2026-05-04T10:00:00Z');
const latest = latestDate(now).getTime();
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

/** Values that each break some field's rule, or sit just inside or outside a bound. */
const TRICKY: unknown[] = [
	undefined,
	null,
	Number.NaN,
	Number.POSITIVE_INFINITY,
	Number.NEGATIVE_INFINITY,
	-1,
	-0,
	0,
	0.5,
	1,
	3,
	4,
	5,
	9.999,
	10,
	10.0001,
	1_000_000,
	1_000_000.5,
	1_000_001,
	1e10,
	1e10 + 1,
	2 ** 53,
	'3',
	'',
	'x',
	'x'.repeat(200),
	'x'.repeat(201),
	true,
	{},
	[],
	'2026-05-01T09:00:00.000Z',
	new Date(Number.NaN),
	new Date(EARLIEST_DATE.getTime() - 1),
	new Date(EARLIEST_DATE.getTime()),
	new Date(latest),
	new Date(latest + 1),
	new Date('1990-01-01T00:00:00Z')
];

const FIELDS = [...Object.keys(base), 'id'];

describe('the written-out review check', () => {
	test('accepts the rows the schema accepts', () => {
		expect(bySchema(base)).toBe(true);
		expect(isReviewRow(base, latest)).toBe(true);
		const bare: Record<string, unknown> = { ...base };
		for (const optional of ['uid', 'previousDue', 'durationMs']) delete bare[optional];
		expect(isReviewRow(bare, latest)).toBe(bySchema(bare));
		expect(isReviewRow({ ...base, id: 7, extra: 'kept' }, latest)).toBe(true);
	});

	test('answers as the schema does for every field set to every tricky value, or left out', () => {
		let refused = 0;
		for (const field of FIELDS) {
			const without: Record<string, unknown> = { ...base };
			delete without[field];
			expect(isReviewRow(without, latest), `${field} left out`).toBe(bySchema(without));
			for (const value of TRICKY) {
				const row = { ...base, [field]: value };
				const expected = bySchema(row);
				if (!expected) refused++;
				expect(isReviewRow(row, latest), `${field} = ${String(value)}`).toBe(expected);
			}
		}
		// the values do break rules (a check that accepted everything would fail above too)
		expect(refused).toBeGreaterThan(FIELDS.length * 10);
	});

	test('answers as the schema does for rows with several fields wrong at once, and for non-rows', () => {
		let seed = 7;
		const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
		for (let i = 0; i < 3000; i++) {
			const row: Record<string, unknown> = { ...base };
			const changes = 1 + Math.floor(rand() * 3);
			for (let c = 0; c < changes; c++) {
				const field = FIELDS[Math.floor(rand() * FIELDS.length)]!;
				row[field] = TRICKY[Math.floor(rand() * TRICKY.length)];
			}
			expect(isReviewRow(row, latest), JSON.stringify(row)).toBe(bySchema(row));
			// rows as stores give them: the written-out check is the one used for them
			expect(isPlainRow(row)).toBe(true);
		}
		for (const x of [null, undefined, 3, 'row', [], [base], Object.values(base)])
			expect(isReviewRow(x, latest)).toBe(bySchema(x));
	});

	test('is what stored rows and sync arrivals are checked by', () => {
		expect(isValidRow('reviews', base, now)).toBe(true);
		expect(isValidRow('reviews', { ...base, rating: 9 }, now)).toBe(false);
		expect(isValidRow('reviews', { ...base, due: new Date(latest + 1) }, now)).toBe(false);
	});
});

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
