// What the shell tells the learner about the app itself: offline, an update, an outdated tab.
import { browser } from '$app/environment';
import { onDatabaseOutdated } from '$lib/storage';

class AppStatus {
	#online = $state(true);
	#updateWaiting = $state(false);
	#databaseOutdated = $state(false);
	#applyUpdate: (() => Promise<void>) | undefined;

	get online() {
		return this.#online;
	}
	get updateWaiting() {
		return this.#updateWaiting;
	}
	get databaseOutdated() {
		return this.#databaseOutdated;
	}

	/** Starts watching the network, the service worker and the database; once, from the layout. */
	async start(): Promise<void> {
		if (!browser) return;
		this.#online = navigator.onLine;
		addEventListener('online', () => (this.#online = true));
		addEventListener('offline', () => (this.#online = false));
		onDatabaseOutdated(() => (this.#databaseOutdated = true));
		if (!('serviceWorker' in navigator)) return;
		// loaded after first paint: the worker is not needed to show the page
		const { registerSW } = await import('virtual:pwa-register');
		const update = registerSW({
			// a new version waits until the learner says so: never reload mid-session by itself
			onNeedRefresh: () => (this.#updateWaiting = true)
		});
		this.#applyUpdate = () => update(true);
	}

	/** The learner chose "Reload": activate the waiting worker and reload. */
	async reloadForUpdate(): Promise<void> {
		this.#updateWaiting = false;
		if (this.#applyUpdate) await this.#applyUpdate();
		else location.reload();
	}

	/** The learner chose "Later": keep the current version until the next visit. */
	postponeUpdate(): void {
		this.#updateWaiting = false;
	}
}

export const appStatus = new AppStatus();
