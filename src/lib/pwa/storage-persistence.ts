// Browsers may evict a site's storage under pressure unless it is marked persistent.

export interface StorageStatus {
	/** undefined where the browser cannot tell (no StorageManager). */
	persisted: boolean | undefined;
	usageBytes: number | undefined;
	quotaBytes: number | undefined;
}

/** What asking the browser to keep the data came to; 'unavailable' when it cannot be asked. */
export type PersistenceOutcome = 'granted' | 'refused' | 'unavailable';

/** Asks the browser to keep this site's data, and says what it answered. */
export async function askPersistentStorage(): Promise<PersistenceOutcome> {
	const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
	if (!storage?.persist) return 'unavailable';
	try {
		if (storage.persisted && (await storage.persisted())) return 'granted';
		return (await storage.persist()) ? 'granted' : 'refused';
	} catch {
		return 'unavailable';
	}
}

/** Asks the browser to keep this site's data; resolves to whether it is now persistent. */
export async function requestPersistentStorage(): Promise<boolean> {
	return (await askPersistentStorage()) === 'granted';
}

/** Whether storage is persistent and how much of it is used. */
export async function readStorageStatus(): Promise<StorageStatus> {
	const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
	if (!storage) return { persisted: undefined, usageBytes: undefined, quotaBytes: undefined };
	const [persisted, estimate] = await Promise.all([
		storage.persisted ? storage.persisted().catch(() => undefined) : undefined,
		storage.estimate ? storage.estimate().catch(() => undefined) : undefined
	]);
	return { persisted, usageBytes: estimate?.usage, quotaBytes: estimate?.quota };
}

/** "1.2 MB" style sizes for people. */
export function formatBytes(bytes: number): string {
	if (bytes < 1024) return `${bytes} B`;
	const units = ['KB', 'MB', 'GB', 'TB'];
	let value = bytes / 1024;
	let unit = 0;
	while (value >= 1024 && unit < units.length - 1) {
		value /= 1024;
		unit += 1;
	}
	return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}
