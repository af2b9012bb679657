// Rows read from the database pass the same checks as a backup's rows before any page sees
// them: a corrupt row (written by an old bug, another tool, or a hostile file) is skipped
// and counted, so one bad row can never stop Today, Settings or the gradebook from opening.
import * as v from 'valibot';
import { latestDate } from './date-range';
import { isPlainRow, isReviewRow } from './review-row';
import { asFileRow, DATE_FIELDS, rowSchemas, type RowTableName } from './row-schemas';

const skipped: Record<string, number> = {};
let schemas: { day: number; value: ReturnType<typeof rowSchemas>; latest: number } | undefined;

// schemas depend on the day only (their latest date is a year ahead), so they are built once a day
function schemasFor(now: Date) {
	const day = Math.floor(now.getTime() / 86_400_000);
	if (schemas?.day !== day)
		schemas = { day, value: rowSchemas(now), latest: latestDate(now).getTime() };
	return schemas;
}

/** Whether one stored row of `table` is one the app could have written. */
export function isValidRow(table: RowTableName, row: unknown, now = new Date()): boolean {
	const { value, latest } = schemasFor(now);
	// ratings are the many rows (100,000 in a long history): their schema, written out
	if (table === 'reviews' && isPlainRow(row)) return isReviewRow(row, latest);
	return v.is(value[table], asFileRow(row, DATE_FIELDS[table]));
}

/** The valid rows of `table`; the others are skipped and counted (see `skippedRowCounts`). */
export function validRows<T>(table: RowTableName, rows: readonly T[], now = new Date()): T[] {
	const kept = rows.filter((row) => isValidRow(table, row, now));
	const dropped = rows.length - kept.length;
	if (dropped > 0) {
		skipped[table] = Math.max(skipped[table] ?? 0, dropped);
		console.warn(`Skipped ${dropped} damaged ${table} row(s) read from this device.`);
	}
	return kept;
}

/** The one row, or undefined when it is damaged. */
export function validRow<T>(
	table: RowTableName,
	row: T | undefined,
	now = new Date()
): T | undefined {
	return row === undefined ? undefined : validRows(table, [row], now)[0];
}

/** How many damaged rows of each table reads have skipped in this visit (the most at once). */
export function skippedRowCounts(): Readonly<Record<string, number>> {
	return { ...skipped };
}
