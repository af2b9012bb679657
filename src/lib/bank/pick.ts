// Deterministic choices: the same pack always yields the same options, without Math.random.

/** FNV-1a 32-bit hash of a string. */
export function stableHash(text: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash;
}

/**
 * Up to `count` candidates, those with `preferred` true first, each group in an order
 * fixed by hashing `seed` with the candidate's key.
 */
export function pickStable<T>(
	candidates: readonly T[],
	count: number,
	seed: string,
	keyOf: (candidate: T) => string,
	preferred: (candidate: T) => boolean = () => false
): T[] {
	const ranked = candidates
		.map((candidate) => ({
			candidate,
			group: preferred(candidate) ? 0 : 1,
			rank: stableHash(`${seed}|${keyOf(candidate)}`),
			key: keyOf(candidate)
		}))
		.sort((a, b) => a.group - b.group || a.rank - b.rank || (a.key < b.key ? -1 : 1));
	return ranked.slice(0, count).map((entry) => entry.candidate);
}
