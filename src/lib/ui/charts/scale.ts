// Scales for the small SVG charts: a round top value, its ticks, and bar geometry. Pure.

/** The smallest of 1, 2, 5 × 10^n at or above `max` (at least `floor`), so an axis reads easily. */
export function niceCeiling(max: number, floor = 1): number {
	const target = Math.max(floor, Number.isFinite(max) ? max : 0);
	if (target <= 0) return 1;
	const power = 10 ** Math.floor(Math.log10(target));
	for (const step of [1, 2, 5, 10]) {
		if (step * power >= target) return step * power;
	}
	return 10 * power;
}

/** Heights (0..`height`) of bars for `values` under a top of `top`; a nonzero value stays visible. */
export function barHeights(values: readonly number[], top: number, height: number): number[] {
	if (top <= 0) return values.map(() => 0);
	return values.map((value) => {
		if (value <= 0) return 0;
		// the smallest bar is at least 2 units tall: "1 review" must not vanish beside "200"
		return Math.max(2, Math.min(height, (value / top) * height));
	});
}

/** Evenly spaced x positions for `count` points across `width`, inset by `pad` on both sides. */
export function pointXs(count: number, width: number, pad: number): number[] {
	if (count <= 0) return [];
	if (count === 1) return [width / 2];
	const step = (width - 2 * pad) / (count - 1);
	return Array.from({ length: count }, (_, i) => pad + i * step);
}
