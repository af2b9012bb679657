// How /read shades a paragraph by the learner's mastery of the questions made from it.
// The counts come from progress/mastery (one study item = one card, in three bands).
import type { MasteryCounts, ParagraphMastery } from '../progress/mastery';

export const SHADE_BANDS = ['not-studied', 'learning', 'known'] as const;
export type ShadeBand = (typeof SHADE_BANDS)[number];

/** The words the legend and each shaded paragraph use, so colour is never the only cue. */
export const SHADE_LABELS: Record<ShadeBand, string> = {
	'not-studied': 'Not studied',
	learning: 'Learning',
	known: 'Known'
};

/**
 * Share of a paragraph's cards that must be mastered for it to count as known: most of it
 * survives three weeks without study, without one stray hard card holding it back forever.
 */
export const KNOWN_SHARE = 0.8;

/** One paragraph's shade and the counts behind it. */
export interface ParagraphShade {
	band: ShadeBand;
	mastered: number;
	items: number;
}

/** The band of a paragraph from its counts, or undefined when no card is made from it. */
export function shadeBand(
	counts: Pick<MasteryCounts, 'items' | 'unseen' | 'mastered'>
): ShadeBand | undefined {
	if (counts.items === 0) return undefined;
	if (counts.unseen === counts.items) return 'not-studied';
	if (counts.mastered >= KNOWN_SHARE * counts.items) return 'known';
	return 'learning';
}

/** The shade of every paragraph that has cards, keyed by paragraph id. */
export function paragraphShades(
	paragraphs: readonly ParagraphMastery[]
): Record<string, ParagraphShade> {
	const shades: Record<string, ParagraphShade> = {};
	for (const counts of paragraphs) {
		const band = shadeBand(counts);
		if (band) shades[counts.paragraph] = { band, mastered: counts.mastered, items: counts.items };
	}
	return shades;
}

/** A sentence describing a shade, for screen readers and the paragraph's tooltip. */
export function shadeDescription(shade: ParagraphShade): string {
	return `${SHADE_LABELS[shade.band]}: ${shade.mastered} of ${shade.items} cards known`;
}
