import { href } from '$lib/i18n/locale';
import type { SourceRef } from '$lib/bank/types';

/**
 * A link to the quote's paragraph on /read that also asks the browser to highlight the quote
 * (a text fragment, `#p7:~:text=...`). Text fragments act only on full navigations, so links
 * using this carry `data-sveltekit-reload`.
 */
export function readingLink({ paragraph, quote }: SourceRef): string {
	const words = quote.trim().split(/\s+/);
	// long quotes as "start,end" keep the link short and still pin the exact passage
	const text =
		words.length > 8
			? `${encodeFragmentText(words.slice(0, 4).join(' '))},${encodeFragmentText(words.slice(-4).join(' '))}`
			: encodeFragmentText(quote.trim());
	return `${href('/read')}#${paragraph}:~:text=${text}`;
}

/** Percent-encodes text for a text fragment, where ',' '-' and '&' have meanings of their own. */
function encodeFragmentText(text: string): string {
	return encodeURIComponent(text).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');
}
