// Benchmarks outside the test suite: `npx tsx scripts/bench.ts [name-filter]`.
// Each area exports a list of benchmarks from scripts/bench/<area>.ts; add yours to `all`.
import { backupBrowserBenchmarks } from './bench/backup-browser';
import { browserBenchmarks } from './bench/browser';
import { cardsBrowserBenchmarks } from './bench/cards-browser';
import { classBrowserBenchmarks } from './bench/class-browser';
import { printResults, type Benchmark } from './bench/measure';
import { progressBenchmarks } from './bench/progress';
import { srsBenchmarks } from './bench/srs';
import { syncBenchmarks } from './bench/sync';
import { syncBrowserBenchmarks } from './bench/sync-browser';

const all: Benchmark[] = [
	...srsBenchmarks,
	...progressBenchmarks,
	...browserBenchmarks,
	...backupBrowserBenchmarks,
	...cardsBrowserBenchmarks,
	...syncBenchmarks,
	...syncBrowserBenchmarks,
	...classBrowserBenchmarks
];

const filter = process.argv[2];
const chosen = filter ? all.filter((b) => b.name.includes(filter)) : all;
if (chosen.length === 0) {
	console.error(`No benchmark matches "${filter}". Known: ${all.map((b) => b.name).join(', ')}`);
	process.exit(2);
}

console.log(`Node ${process.version}, ${new Date().toISOString()}`);
const results = [];
for (const benchmark of chosen) results.push(...(await benchmark.run()));
const withinBudget = printResults(results);
// a benchmark over budget fails the command, so CI or a human notices the regression
if (!withinBudget) process.exitCode = 1;
