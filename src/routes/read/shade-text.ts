// A paragraph's mastery band and counts in the page's language.
import type { ParagraphShade, ShadeBand } from '$lib/read/paragraph-shade';
import { m } from '$lib/paraglide/messages';

/** "Known", "Learning", "Not studied". */
export function shadeLabel(band: ShadeBand): string {
	if (band === 'known') return m.shade_known();
	if (band === 'learning') return m.shade_learning();
	return m.shade_not_studied();
}

/** "Known: 3 of 4 cards known", as a paragraph's tooltip and hidden text say it. */
export function shadeText(shade: ParagraphShade): string {
	return m.shade_description({
		band: shadeLabel(shade.band),
		mastered: shade.mastered,
		items: shade.items
	});
}
