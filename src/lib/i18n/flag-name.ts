import type { FlagColour } from '$lib/srs/card-flags';
import { m } from '$lib/paraglide/messages';

const FLAG_NAMES: Record<FlagColour, () => string> = {
	red: m.flag_red,
	orange: m.flag_orange,
	green: m.flag_green,
	blue: m.flag_blue
};

/** A flag's colour as a word of the page's language. */
export const flagName = (colour: FlagColour): string => FLAG_NAMES[colour]();
