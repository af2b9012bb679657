// What the shell tells the learner about the app itself: offline, an update, an outdated tab.
import { browser } from '$app/environment';
import { onDatabaseOutdated } from '$lib/storage';
import { onNewWorkerControlling } from '$lib/pwa/update-decision';

class AppStatus {
	#online = $state(true);
	#updateWaiting = $state(false);
	#databaseOutdated = $state(false);
	#updatedElsewhere = $state(false);
	#askedHere = false;
	#applyUpdate: (() => Promise<void>) | undefined;
	#reload: () => void;

	constructor(reload: () => void = () => location.reload()) {
		this.#reload = reload;
	}

	get online() {
		return this.#online;
	}
	get updateWaiting() {
		return this.#updateWaiting;
	}
	get databaseOutdated() {
		return this.#databaseOutdated;
	}
	/** Another tab installed the new version; this one keeps running until its learner reloads. */
	get updatedElsewhere() {
		return this.#updatedElsewhere;
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
		const { registerSW } = await import('$lib/pwa/register-worker');
		const update = registerSW({
			// a new version waits until the learner says so: never reload mid-session by itself
			onNeedRefresh: () => (this.#updateWaiting = true),
			// every tab hears that the new worker took control; only the one that asked reloads
			onNeedReload: () => this.newWorkerControlling()
		});
		this.#applyUpdate = update;
	}

	/** The learner chose "Reload": activate the waiting worker and reload. */
	async reloadForUpdate(): Promise<void> {
		this.#updateWaiting = false;
		this.#askedHere = true;
		if (this.#applyUpdate) await this.#applyUpdate();
		else this.#reload();
	}

	/** The new version took control of this tab (whichever tab asked for it). */
	newWorkerControlling(): void {
		if (onNewWorkerControlling(this.#askedHere) === 'reload') {
			this.#reload();
			return;
		}
		this.#updateWaiting = false;
		this.#updatedElsewhere = true;
	}

	/** The learner is ready for the new version in a tab another tab updated. */
	reloadNow(): void {
		this.#reload();
	}

	/** The learner chose "Later": keep the current version until the next visit. */
	postponeUpdate(): void {
		this.#updateWaiting = false;
	}
}

export { AppStatus };
export const appStatus = new AppStatus();
