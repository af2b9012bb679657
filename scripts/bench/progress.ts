// Progress benchmarks: every statistic of the /progress page over 100,000 review logs and
// ~400 cards, and a backup export and import of a database that size.
// The export/import runs in a child process with fake-indexeddb (an in-memory IndexedDB for
// Node, installed there before Dexie loads, so it never leaks into the other benchmarks);
// real browsers differ, so treat those figures as a rough guide (backup-browser.ts measures
// the same round trip in Chromium).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { progressStatistics, type FinishedAttempt, type MasteryItem } from '../../src/lib/progress';
import { dueForecast } from '../../src/lib/progress/forecast';
import { studyHeatmap } from '../../src/lib/progress/calendar';
import { masteryReport } from '../../src/lib/progress/mastery';
import { retentionStats } from '../../src/lib/progress/retention';
import { measure, measuredOnce, type Benchmark, type BenchResult } from './measure';
import { syntheticStudyData, type SyntheticStudyData } from './srs';

const IO_FLAG = '--progress-io';

/** The srs benchmark's data, plus paragraphs for mastery and 300 finished quizzes. */
function syntheticProgressData(data: SyntheticStudyData = syntheticStudyData()) {
	const items: MasteryItem[] = data.items.map((item, i) => ({
		...item,
		source: { paragraph: `p${1 + (i % 60)}` }
	}));
	const attempts: FinishedAttempt[] = Array.from({ length: 300 }, (_, i) => ({
		id: `attempt-${i}`,
		kind: i % 5 === 0 ? 'assignment' : 'quiz',
		finishedAt: new Date(data.now.getTime() - (300 - i) * 86_400_000),
		summary: { score: ((i * 37) % 101) / 100, right: i % 10, total: 10 }
	}));
	return { ...data, items, attempts };
}

/** Each statistic alone, and all of them as the page computes them. */
export function benchStatistics(): BenchResult[] {
	const data = syntheticProgressData();
	const { now, cards, reviews, items, attempts } = data;
	const opts = { runs: 30, warmup: 5 };
	return [
		measure(`studyHeatmap: ${reviews.length} logs`, () => studyHeatmap(reviews, now), opts),
		measure(`retentionStats: ${reviews.length} logs`, () => retentionStats(reviews, now), opts),
		measure(`dueForecast: ${cards.length} cards`, () => dueForecast(cards, now), opts),
		measure(`masteryReport: ${items.length} items`, () => masteryReport(items, cards), opts),
		measure(
			`progressStatistics (all): ${reviews.length} logs, ${cards.length} cards`,
			() => progressStatistics({ items, cards, reviews, attempts, now }),
			{ ...opts, budgetMs: 300 }
		)
	];
}

/** Runs the backup benchmark in a child process and reads its results. */
function benchBackupInChild(): BenchResult[] {
	const self = fileURLToPath(import.meta.url);
	// the child inherits tsx's loader flags, so it can run this TypeScript file directly
	const out = execFileSync(process.execPath, [...process.execArgv, self, IO_FLAG], {
		encoding: 'utf8',
		maxBuffer: 1 << 20
	});
	return JSON.parse(out.trim().split('\n').at(-1)!) as BenchResult[];
}

async function timed<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
	const t0 = performance.now();
	const value = await fn();
	return [value, performance.now() - t0];
}

/** Fills an in-memory database with 100,000 reviews, then exports, parses and re-imports it. */
async function benchBackup(): Promise<BenchResult[]> {
	// fake-indexeddb must be loaded before Dexie, which reads the global indexedDB on import
	const fake = await import('fake-indexeddb');
	Object.assign(globalThis, { indexedDB: fake.indexedDB, IDBKeyRange: fake.IDBKeyRange });
	const { database } = await import('../../src/lib/storage/repository');
	const { exportBackup, importBackup } = await import('../../src/lib/storage/backup');
	const { parseBackup } = await import('../../src/lib/storage/backup-format');
	const { addReviews } = await import('../../src/lib/storage/review-log');
	const { now, cards, reviews } = syntheticStudyData();
	const db = await database();
	// the same rows written directly: the floor any import pays in this IndexedDB
	const [, fillMs] = await timed(() =>
		db.transaction('rw', db.cards, db.reviewLogs, async () => {
			await db.cards.bulkPut(cards);
			await addReviews(db, reviews);
		})
	);

	const [text, exportMs] = await timed(() => exportBackup(now, 'bench'));
	const [backup, parseMs] = await timed(() => parseBackup(text));
	const [, replaceMs] = await timed(() => importBackup(backup, 'replace'));
	const [, mergeMs] = await timed(() => importBackup(backup, 'merge'));
	const mb = (text.length / 1024 / 1024).toFixed(1);
	const label = `${reviews.length} reviews, ${cards.length} cards, ${mb} MB, fake-indexeddb`;
	return [
		measuredOnce(`reference: plain bulkPut of the rows (${label})`, fillMs),
		measuredOnce('backup export', exportMs),
		measuredOnce('backup parse + validate', parseMs),
		measuredOnce('backup import (replace)', replaceMs),
		measuredOnce('backup import (merge, nothing new)', mergeMs),
		// no budget here: fake-indexeddb alone takes longer than the 3 s aim to write these rows
		// (see the reference line); the aim is for a browser's IndexedDB
		measuredOnce('backup export + parse + import (replace)', exportMs + parseMs + replaceMs)
	];
}

if (process.argv.includes(IO_FLAG)) {
	// the child: print results as the last line of output for the parent to read
	console.log(JSON.stringify(await benchBackup()));
}

/** The progress benchmarks, for `scripts/bench.ts`. */
export const progressBenchmarks: Benchmark[] = [
	{ name: 'progress-statistics', run: () => benchStatistics() },
	{ name: 'progress-backup', run: () => benchBackupInChild() }
];
