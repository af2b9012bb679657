// Whether the browser keeps this device's progress, and how much room it takes.
import {
	readStorageStatus,
	requestPersistentStorage,
	type StorageStatus
} from '$lib/pwa/storage-persistence';

export class StorageStatusState {
	#status = $state<StorageStatus | undefined>();
	#asking = $state(false);

	get status() {
		return this.#status;
	}
	get asking() {
		return this.#asking;
	}

	/** Reads the current status from the browser. */
	async refresh(): Promise<void> {
		this.#status = await readStorageStatus();
	}

	/** Asks the browser to keep the data, then reads the status again. */
	async askToKeep(): Promise<void> {
		this.#asking = true;
		try {
			await requestPersistentStorage();
			await this.refresh();
		} finally {
			this.#asking = false;
		}
	}
}
