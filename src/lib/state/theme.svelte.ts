// The colour theme: the system's by default, or the one chosen in Settings.
import { browser } from '$app/environment';
import { readSetting, saveSetting } from '$lib/storage';
import { resolveTheme, type ThemeChoice } from './theme-choice';

export { THEME_CHOICES, type ThemeChoice } from './theme-choice';

/** static/first-paint.js reads this key before first paint; the database stays the source of truth. */
const FIRST_PAINT_KEY = 'sahel-brief:theme';
/** A choice whose database write has not been confirmed yet (see theme-choice.ts). */
const PENDING_KEY = 'sahel-brief:theme-pending';

function local(action: (storage: Storage) => string | null | void): string | null {
	if (!browser) return null;
	try {
		return action(localStorage) ?? null;
	} catch {
		// private mode or blocked storage: the theme still applies for this visit
		return null;
	}
}

function apply(choice: ThemeChoice): void {
	if (!browser) return;
	if (choice === 'system') delete document.documentElement.dataset.theme;
	else document.documentElement.dataset.theme = choice;
	local((storage) => storage.setItem(FIRST_PAINT_KEY, choice));
}

class Theme {
	#choice = $state<ThemeChoice>('system');
	#loaded = $state(false);

	get choice(): ThemeChoice {
		return this.#choice;
	}
	/**
	 * False until the saved choice is read: a choice made before that (on the prerendered page,
	 * before its script runs, or while the read is in flight) would be lost or overwritten.
	 */
	get loaded(): boolean {
		return this.#loaded;
	}

	/** Loads the saved choice, finishing a save that a reload interrupted. */
	async load(): Promise<void> {
		const pending = local((storage) => storage.getItem(PENDING_KEY));
		let saved: unknown;
		try {
			saved = await readSetting<unknown>('theme', undefined);
		} finally {
			// a failed read still lets the learner choose (the choice then applies to this visit)
			this.#loaded = true;
		}
		const { choice, unsaved } = resolveTheme(pending, saved);
		this.#choice = choice;
		apply(choice);
		if (unsaved) await this.#save(choice);
		else if (pending !== null) local((storage) => storage.removeItem(PENDING_KEY));
	}

	/** Applies and saves a new choice. */
	async choose(choice: ThemeChoice): Promise<void> {
		this.#choice = choice;
		apply(choice);
		local((storage) => storage.setItem(PENDING_KEY, choice));
		await this.#save(choice);
	}

	async #save(choice: ThemeChoice): Promise<void> {
		await saveSetting('theme', choice);
		// only the newest choice clears the marker: a quicker second click must not lose its own
		if (local((storage) => storage.getItem(PENDING_KEY)) === choice)
			local((storage) => storage.removeItem(PENDING_KEY));
	}
}

export const theme = new Theme();
