// Which theme to show, from the two places a choice is kept. Settings writes a choice to
// localStorage at once (synchronously) and to the database a moment later; a learner who
// picks Dark and reloads straight away may leave before the database write lands. The
// localStorage "pending" entry survives that, so it wins until the database has caught up.

export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

export function isThemeChoice(value: unknown): value is ThemeChoice {
	return THEME_CHOICES.includes(value as ThemeChoice);
}

/**
 * The theme to apply, and whether the database still needs to store it.
 * @param pending a choice made in Settings whose database write may not have finished
 * @param saved the choice stored in the database (undefined when none was ever stored)
 */
export function resolveTheme(
	pending: unknown,
	saved: unknown
): { choice: ThemeChoice; unsaved: boolean } {
	if (isThemeChoice(pending)) return { choice: pending, unsaved: pending !== saved };
	return { choice: isThemeChoice(saved) ? saved : 'system', unsaved: false };
}
