// Whether the browser keeps this device's progress, and how much room it takes.
import {
	askPersistentStorage,
	readStorageStatus,
	type PersistenceOutcome,
	type StorageStatus
} from '$lib/pwa/storage-persistence';

export class StorageStatusState {
	#status = $state<StorageStatus | undefined>();
	#asking = $state(false);
	#outcome = $state<PersistenceOutcome | undefined>();

	get status() {
		return this.#status;
	}
	get asking() {
		return this.#asking;
	}
	/** What the browser answered to "Keep my data"; undefined until it is pressed. */
	get outcome() {
		return this.#outcome;
	}

	/** Reads the current status from the browser. */
	async refresh(): Promise<void> {
		this.#status = await readStorageStatus();
	}

	/** Asks the browser to keep the data, then reads the status again. */
	async askToKeep(): Promise<void> {
		// a second tap while the browser answers would ask twice and show two answers
		if (this.#asking) return;
		this.#asking = true;
		try {
			this.#outcome = await askPersistentStorage();
			await this.refresh();
		} finally {
			this.#asking = false;
		}
	}
}
