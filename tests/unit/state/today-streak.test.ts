// The Today page's streak: consecutive study days with ratings, ending today (or yesterday
// when today has none yet), read from the logs a few weeks at a time (review-log.ts), not
// once per day: a long streak must cost about one read of its ratings.
import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { Bank } from '$lib/bank/types';
import { DB_NAME, type ReviewLogRow, type ReviewRow } from '$lib/storage/db';
import { closeDatabase, database } from '$lib/storage/repository';
import { addReviews } from '$lib/storage/review-log';
import { packedUids } from '$lib/storage/review-pack';
import { review } from '../storage/backup-fixtures';

const REAL = readFileSync('static/bank/france-mali-2025.json', 'utf8');
const NOW = new Date(2025, 5, 10, 12, 0);
const DAY = 86_400_000;
const ids = (JSON.parse(REAL) as Bank).items.map((item) => item.id);

beforeEach(() => {
	vi.stubGlobal('fetch', async (url: string) =>
		url === '/bank/france-mali-2025.json' ? new Response(REAL) : new Response('', { status: 404 })
	);
});

afterEach(async () => {
	vi.unstubAllGlobals();
	closeDatabase();
	await Dexie.delete(DB_NAME);
});

/** Ratings at noon on each of `days` days back from today (0 is today), 10 a day. */
function ratingsOn(days: readonly number[]): ReviewRow[] {
	return days.flatMap((d) =>
		Array.from({ length: 10 }, (_, c) =>
			review(ids[(d * 7 + c) % 40]!, new Date(NOW.getTime() - d * DAY + c * 60_000), {
				uid: `u-${d}-${c}`
			})
		)
	);
}

async function streakWith(rows: ReviewRow[]): Promise<{ streak: number; read: number }> {
	await addReviews(await database(), rows);
	closeDatabase();
	// a fresh page: its own modules, and so its own database connection, whose reads are counted
	vi.resetModules();
	const { TodayOverview } = await import('$lib/state/today.svelte');
	const db = await (await import('$lib/storage/repository')).database();
	let read = 0;
	const count = (log: ReviewLogRow) => {
		// a log's ratings: its packed ones (review-pack.ts) and its rows
		read += packedUids(log?.packed).length + (Array.isArray(log?.reviews) ? log.reviews.length : 0);
		return log;
	};
	db.reviewLogs.hook('reading', count);
	const today = new TodayOverview();
	await today.load(NOW);
	db.reviewLogs.hook('reading').unsubscribe(count);
	expect(read, 'the page read ratings').toBeGreaterThan(0);
	return { streak: today.streak, read };
}

test('a 40-day streak (past the first few weeks read) counts every day, reading its ratings a few times, not once a day', async () => {
	// days 0 to 39 studied, then a gap, then older study that is not part of the streak
	const rows = ratingsOn([...Array.from({ length: 40 }, (_, d) => d), 45, 46]);
	const { streak, read } = await streakWith(rows);
	expect(streak).toBe(40);
	// windows of 16, 32 and 64 days, then the rest of the page's reads (today's, the last session)
	expect(read).toBeLessThan(6 * rows.length);
});

test('with nothing rated yet today, the streak is the days up to yesterday', async () => {
	const { streak } = await streakWith(ratingsOn([1, 2, 3, 5]));
	expect(streak).toBe(3);
});

test('a gap yesterday and nothing today: no streak', async () => {
	const { streak } = await streakWith(ratingsOn([2, 3]));
	expect(streak).toBe(0);
});
