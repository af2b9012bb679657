// Timing helpers shared by every benchmark module: run a function many times, report median and p95.

/** One benchmark's timings in milliseconds. */
export interface BenchResult {
	name: string;
	runs: number;
	medianMs: number;
	p95Ms: number;
	/** What the figure is checked against, if anything (e.g. "< 50 ms"). */
	budgetMs?: number;
}

/** A named benchmark a module contributes to `scripts/bench.ts`. */
export interface Benchmark {
	name: string;
	run(): BenchResult[] | Promise<BenchResult[]>;
}

function percentile(sorted: readonly number[], p: number): number {
	const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
	return sorted[Math.max(0, index)]!;
}

/** Median and p95 of times measured elsewhere (e.g. inside a browser). */
export function summarize(name: string, times: readonly number[], budgetMs?: number): BenchResult {
	const sorted = [...times].sort((a, b) => a - b);
	return {
		name,
		runs: sorted.length,
		medianMs: percentile(sorted, 50),
		p95Ms: percentile(sorted, 95),
		budgetMs
	};
}

/** One timing of something too slow to repeat (a whole export, a whole import). */
export const measuredOnce = (name: string, ms: number, budgetMs?: number): BenchResult => ({
	name,
	runs: 1,
	medianMs: ms,
	p95Ms: ms,
	budgetMs
});

/** Times `fn` over `runs` calls after `warmup` untimed calls (so the JIT has settled). */
export function measure(
	name: string,
	fn: () => unknown,
	{ runs = 200, warmup = 20, budgetMs }: { runs?: number; warmup?: number; budgetMs?: number } = {}
): BenchResult {
	let sink: unknown;
	for (let i = 0; i < warmup; i++) sink = fn();
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t0 = performance.now();
		sink = fn();
		times.push(performance.now() - t0);
	}
	// keep the result alive so the work cannot be optimised away
	if (sink === Symbol.for('never')) console.log(sink);
	times.sort((a, b) => a - b);
	return { name, runs, medianMs: percentile(times, 50), p95Ms: percentile(times, 95), budgetMs };
}

/** Prints results as an aligned table; returns false when a p95 exceeds its budget. */
export function printResults(results: readonly BenchResult[]): boolean {
	const width = Math.max(...results.map((r) => r.name.length));
	let ok = true;
	console.log(`${'benchmark'.padEnd(width)}  ${'runs'.padStart(6)}  median ms     p95 ms  budget`);
	for (const r of results) {
		const over = r.budgetMs !== undefined && r.p95Ms > r.budgetMs;
		if (over) ok = false;
		const budget = r.budgetMs === undefined ? '' : `< ${r.budgetMs} ms${over ? '  OVER' : ''}`;
		console.log(
			`${r.name.padEnd(width)}  ${String(r.runs).padStart(6)}  ${r.medianMs.toFixed(3).padStart(9)}  ${r.p95Ms.toFixed(3).padStart(9)}  ${budget}`
		);
	}
	return ok;
}
