// The dates a stored row may carry. Apart from the schemas (row-schemas.ts) so that the
// index range reads of the repository use them without loading valibot on a first visit.

/** The earliest date a row may carry: the app did not exist before, and 1970 is a zero. */
export const EARLIEST_DATE = new Date('2000-01-01T00:00:00.000Z');
const YEAR_MS = 366 * 24 * 3_600_000;

/** The latest date a row may carry when the time is `now`: a year ahead (a card due later). */
export const latestDate = (now: Date) => new Date(now.getTime() + YEAR_MS);
