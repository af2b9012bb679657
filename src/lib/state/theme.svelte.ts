// The colour theme: the system's by default, or the one chosen in Settings.
import { browser } from '$app/environment';
import { readSetting, saveSetting } from '$lib/storage/repository';

export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

/** static/theme.js reads this key before first paint; the database stays the source of truth. */
const FIRST_PAINT_KEY = 'sahel-brief:theme';

function isThemeChoice(value: unknown): value is ThemeChoice {
	return THEME_CHOICES.includes(value as ThemeChoice);
}

function apply(choice: ThemeChoice): void {
	if (!browser) return;
	if (choice === 'system') delete document.documentElement.dataset.theme;
	else document.documentElement.dataset.theme = choice;
	try {
		localStorage.setItem(FIRST_PAINT_KEY, choice);
	} catch {
		// private mode: the theme still applies for this visit
	}
}

class Theme {
	#choice = $state<ThemeChoice>('system');

	get choice(): ThemeChoice {
		return this.#choice;
	}

	/** Loads the saved choice. */
	async load(): Promise<void> {
		const saved = await readSetting<unknown>('theme', 'system');
		this.#choice = isThemeChoice(saved) ? saved : 'system';
		apply(this.#choice);
	}

	/** Applies and saves a new choice. */
	async choose(choice: ThemeChoice): Promise<void> {
		this.#choice = choice;
		apply(choice);
		await saveSetting('theme', choice);
	}
}

export const theme = new Theme();
